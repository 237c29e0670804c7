package org.openissuer.keys.control;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.JoseJson;

/**
 * What DPoP proofs (RFC 9449 §4.3) and key proofs (OID4VCI 1.0 Appendix F.1) have in common: a
 * compact JWS of bounded size, signed by the public jwk in its own header with an asymmetric
 * algorithm from a list, checked by Nimbus's DefaultJWTProcessor (type, signature, the caller's
 * claims verifier); an iat within a window of the clock; the key's RFC 7638 thumbprint. Each
 * caller keeps its wire error and its wording through {@link Faults}. Thread-safe.
 */
public final class SelfSignedJwt {

    /** What can be wrong, for the caller to describe. */
    public enum Fault {
        MISSING_OR_TOO_LARGE, NOT_A_SIGNED_JWT, ALGORITHM, KEY_REFERENCES, NO_JWK, PRIVATE_JWK, REJECTED, SIGNATURE,
        MALFORMED_CLAIMS, IAT_MISSING, IAT_OUTSIDE_WINDOW, THUMBPRINT
    }

    /** The caller's error for a fault; detail is the parser's or Nimbus's message, the alg or the window. */
    @FunctionalInterface
    public interface Faults {
        IssuerException of(Fault fault, String detail);
    }

    /** A JWT whose signature the jwk of its header verified, and its verified claims. */
    public record Verified(JWK key, JWTClaimsSet claims) {
    }

    private final JOSEObjectType type;
    private final int maxLength;
    private final boolean strip;
    private final boolean singleKeyReference;
    private final String keyName;
    private final IssuerError error;
    private final Clock clock;

    /**
     * @param strip              whether surrounding white space is cut before parsing (a header value)
     * @param singleKeyReference whether jwk must be the only one of jwk, kid and x5c
     * @param keyName            how a key that cannot verify is named in Nimbus's message
     */
    public SelfSignedJwt(JOSEObjectType type, int maxLength, boolean strip, boolean singleKeyReference, String keyName,
            IssuerError error, Clock clock) {
        this.type = type;
        this.maxLength = maxLength;
        this.strip = strip;
        this.singleKeyReference = singleKeyReference;
        this.keyName = keyName;
        this.error = error;
        this.clock = clock;
    }

    public Verified verify(String compact, Set<JWSAlgorithm> algorithms, JWTClaimsSetVerifier<SecurityContext> claims,
            Faults faults) {
        if (compact == null || (strip ? compact.isBlank() : compact.isEmpty()) || compact.length() > maxLength) {
            throw faults.of(Fault.MISSING_OR_TOO_LARGE, "");
        }
        JoseJson.requireJwsObjects(compact, error);
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(strip ? compact.strip() : compact);
        } catch (ParseException | RuntimeException e) {
            // also alg none, a JWE, and a jwk header with private members (Nimbus refuses to parse those)
            throw faults.of(Fault.NOT_A_SIGNED_JWT, String.valueOf(e.getMessage()));
        }
        JWK key = headerKey(jwt.getHeader(), algorithms, faults);
        DefaultJWTProcessor<SecurityContext> processor = JwsCrypto.onProvider(new DefaultJWTProcessor<>());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type));
        processor.setJWSKeySelector(JwsCrypto.headerKey(key, keyName));
        processor.setJWTClaimsSetVerifier(claims);
        try {
            return new Verified(key, processor.process(jwt, null));
        } catch (BadJOSEException e) {
            throw faults.of(Fault.REJECTED, String.valueOf(e.getMessage()));
        } catch (JOSEException e) {
            throw faults.of(Fault.SIGNATURE, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            // Nimbus on claims of the wrong type (e.g. "iat": null): hostile input, not a fault of ours
            throw faults.of(Fault.MALFORMED_CLAIMS, "");
        }
    }

    // RFC 9449 §4.3 items 4-6, Appendix F.1: an asymmetric alg from the list, a public jwk in the header
    private JWK headerKey(JWSHeader header, Set<JWSAlgorithm> algorithms, Faults faults) {
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.Family.SIGNATURE.contains(alg) || !algorithms.contains(alg)) {
            throw faults.of(Fault.ALGORITHM, String.valueOf(alg));
        }
        if (singleKeyReference && (header.getJWK() != null ? 1 : 0) + (header.getKeyID() != null ? 1 : 0)
                + (header.getX509CertChain() != null ? 1 : 0) != 1) {
            throw faults.of(Fault.KEY_REFERENCES, "");
        }
        JWK jwk = header.getJWK();
        if (jwk == null) {
            throw faults.of(Fault.NO_JWK, "");
        }
        if (jwk.isPrivate()) {
            throw faults.of(Fault.PRIVATE_JWK, "");
        }
        return jwk;
    }

    /** The iat, required, and at most window away from now either way. */
    public Instant issuedAtWithin(JWTClaimsSet claims, Duration window, Faults faults) {
        if (claims.getIssueTime() == null) {
            throw faults.of(Fault.IAT_MISSING, "");
        }
        Instant iat = claims.getIssueTime().toInstant();
        Instant now = clock.instant();
        if (iat.isBefore(now.minus(window)) || iat.isAfter(now.plus(window))) {
            throw faults.of(Fault.IAT_OUTSIDE_WINDOW, Long.toString(window.toSeconds()));
        }
        return iat;
    }

    /** RFC 7638 thumbprint (SHA-256, base64url) of the verified key. */
    public static String thumbprint(JWK key, Faults faults) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw faults.of(Fault.THUMBPRINT, "");
        }
    }
}
