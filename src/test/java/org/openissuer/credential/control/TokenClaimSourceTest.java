package org.openissuer.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.claimDefinition;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.element;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.mdocConfiguration;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.sdJwtConfiguration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.testsupport.Jsons;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.TrustedAuthorizationServer;

/** Self-attested credentials: the external authorization server's token claims become the subject's data. */
class TokenClaimSourceTest {

    private static final TrustedAuthorizationServer KEYCLOAK = new TrustedAuthorizationServer("https://as.example.com",
            Optional.of("jwks.json"), "https://issuer.example.com",
            Map.of("Mdl", Map.of("family_name", "last_name")), false);
    private static final TokenClaimSource SOURCE = new TokenClaimSource(new AccessTokens() {
        @Override
        public Optional<TrustedAuthorizationServer> server(String issuer) {
            return Optional.of(KEYCLOAK).filter(s -> s.issuer().equals(issuer));
        }
    });
    private static final AccessToken TOKEN = new AccessToken("jwt", "https://as.example.com", "erika", Optional.empty(),
            Optional.of("jti"), Set.of("mdl"), List.of(), Optional.empty(), Optional.empty(),
            Map.of("last_name", "Mustermann", "given_name", "Erika", "birth_date", "1964-08-12", "email", "e@example.com"));

    @Test
    void anSdJwtVcTakesTopLevelClaimsByName() {
        CredentialConfiguration identity = sdJwtConfiguration("Identity")
                .claim(claimDefinition(true, true, JsonValue.EMPTY_JSON_ARRAY, "given_name")).build();

        assertEquals(Jsons.object("{'given_name': 'Erika'}"), SOURCE.claims(TOKEN, identity));
    }

    @Test
    void anMdocTakesEachElementByIdentifierIntoItsNamespace() {
        CredentialConfiguration mdl = mdocConfiguration("Mdl", "org.iso.18013.5.1.mDL")
                .claim(element("org.iso.18013.5.1", "family_name", ElementType.TSTR, true))
                .claim(element("org.iso.18013.5.1", "birth_date", ElementType.FULL_DATE, true))
                .claim(element("org.iso.18013.5.1", "portrait", ElementType.BSTR, false))
                .build();

        // OID4VCI 1.0 Appendix A.2.2: [namespace, element]; a mapping renames the token claim per configuration
        assertEquals(Jsons.object("{'org.iso.18013.5.1': {'family_name': 'Mustermann', 'birth_date': '1964-08-12'}}"),
                SOURCE.claims(TOKEN, mdl));
    }
}
