package org.openissuer.testsupport;

import java.text.ParseException;
import java.util.Map;

import com.authlete.sd.Disclosure;
import com.authlete.sd.SDJWT;
import com.authlete.sd.SDObjectDecoder;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Reads issued SD-JWT VCs with Authlete's SD-JWT library, an implementation independent of
 * the one that produced them, as a verifier would.
 */
public final class IndependentSdJwt {

    private IndependentSdJwt() {
    }

    /** A verified credential: its header, its raw payload, and the payload with every disclosure applied. */
    public record Verified(SignedJWT jwt, Map<String, Object> payload, Map<String, Object> disclosed, SDJWT sdJwt) {
    }

    public static Verified verify(String credential, JWKSet issuerKeys) {
        SDJWT sdJwt = SDJWT.parse(credential);
        try {
            SignedJWT jwt = SignedJWT.parse(sdJwt.getCredentialJwt());
            ECKey key = (ECKey) issuerKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (key == null || !jwt.verify(new ECDSAVerifier(key))) {
                throw new AssertionError("credential signature does not verify with the published key "
                        + jwt.getHeader().getKeyID());
            }
            Map<String, Object> payload = jwt.getJWTClaimsSet().toJSONObject();
            // RFC 9901 §7.1: every disclosure's digest is referenced by the payload or by another disclosure
            String referencing = jwt.getPayload().toString() + sdJwt.getDisclosures().stream()
                    .map(d -> d.getJson()).reduce("", String::concat);
            for (Disclosure disclosure : sdJwt.getDisclosures()) {
                if (!referencing.contains("\"" + disclosure.digest() + "\"")) {
                    throw new AssertionError("disclosure " + disclosure.getDisclosure() + " is referenced nowhere");
                }
            }
            Map<String, Object> disclosed = new SDObjectDecoder().decode(payload, sdJwt.getDisclosures());
            return new Verified(jwt, payload, disclosed, sdJwt);
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("credential is not a verifiable SD-JWT: " + e.getMessage(), e);
        }
    }

    public static JWKSet publishedIssuerKeys() {
        try {
            return JWKSet.parse(Http.json(Http.get("/.well-known/jwt-vc-issuer")).getJsonObject("jwks").toString());
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
