package org.openissuer.token.entity;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An authorization server whose access tokens the credential endpoint accepts.
 *
 * @param issuer        its issuer identifier, compared exactly with the token's iss
 * @param jwks          where its keys are: an https URL (fetched and cached) or a file
 * @param audience      the aud its tokens must carry (default: the credential issuer identifier)
 * @param claimMappings per credential configuration: credential claim name → token claim name,
 *                      for self-attested credentials built from the token's claims
 * @param builtIn       the issuer's own token endpoint (pre-authorized code flow)
 */
public record TrustedAuthorizationServer(String issuer, Optional<String> jwks, String audience,
        Map<String, Map<String, String>> claimMappings, boolean builtIn) {

    public TrustedAuthorizationServer {
        claimMappings = Map.copyOf(claimMappings);
    }

    /** The same server, with a relative JWKS file path taken as relative to {@code base}. */
    public TrustedAuthorizationServer resolvedAgainst(Path base) {
        Optional<String> resolved = jwks.map(j -> j.startsWith("http://") || j.startsWith("https://") || base == null
                ? j : base.resolve(j).toString());
        return new TrustedAuthorizationServer(issuer, resolved, audience, claimMappings, builtIn);
    }

    /** The token claim that supplies a credential claim of a configuration (same name unless mapped). */
    public String tokenClaimFor(String configurationId, String credentialClaim) {
        return claimMappings.getOrDefault(configurationId, Map.of()).getOrDefault(credentialClaim, credentialClaim);
    }
}
