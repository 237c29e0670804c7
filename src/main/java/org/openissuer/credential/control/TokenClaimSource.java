package org.openissuer.credential.control;

import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import com.nimbusds.jose.util.JSONObjectUtils;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.platform.Jsonp;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.TrustedAuthorizationServer;

/**
 * Self-attested credentials: the subject authenticated at an external authorization server,
 * and the token's own claims (mapped per configuration) are the data the credential attests.
 */
@ApplicationScoped
public class TokenClaimSource implements SubjectClaimSource {

    private final AccessTokens tokens;

    @Inject
    public TokenClaimSource(AccessTokens tokens) {
        this.tokens = tokens;
    }

    protected TokenClaimSource() {
        this(null);
    }

    @Override
    public boolean supports(AccessToken token) {
        return !token.fromPreAuthorizedOffer() && tokens.server(token.issuer()).filter(s -> !s.builtIn()).isPresent();
    }

    @Override
    public JsonObject claims(AccessToken token, CredentialConfiguration configuration) {
        TrustedAuthorizationServer server = tokens.server(token.issuer()).orElseThrow();
        Map<String, Object> selected = new HashMap<>();
        for (ClaimDefinition claim : configuration.claims()) {
            Object value = token.claims().get(server.tokenClaimFor(configuration.id(), claim.name()));
            if (value == null) {
                continue;
            }
            if (claim.isTopLevel()) {
                selected.put(claim.name(), value);
            } else if (configuration.isMdoc()) {
                // OID4VCI 1.0 Appendix A.2.2: [namespace, element]; the token claim is mapped by element identifier
                namespace(selected, (String) claim.path().get(0)).put(claim.name(), value);
            }
        }
        // Nimbus parsed the token into plain maps and lists; JSON text is the exact bridge to JSON-P
        return Jsonp.PROVIDER.createReader(new StringReader(JSONObjectUtils.toJSONString(selected))).readObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> namespace(Map<String, Object> selected, String namespace) {
        return (Map<String, Object>) selected.computeIfAbsent(namespace, n -> new HashMap<String, Object>());
    }
}
