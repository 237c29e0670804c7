package org.openissuer.dpop.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.SelfSignedJwt;

/**
 * Checks a DPoP proof (RFC 9449 §4.3): a {@link SelfSignedJwt} of type dpop+jwt (the key from the
 * header jwk, public, asymmetric alg from the configured list; required claims); then htm, htu,
 * iat window, ath and nonce. Replay (jti) is the caller's second step. Thread-safe.
 */
public final class DPoPVerifier {

    public static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
    private static final int MAX_PROOF_LENGTH = 8 * 1024;
    private static final int MAX_JTI_LENGTH = 256;

    // §4.2: jti, htm, htu and iat are required; iat is checked against our own window below
    private static final DefaultJWTClaimsVerifier<SecurityContext> CLAIMS = new DefaultJWTClaimsVerifier<>(null, null,
            Set.of("jti", "htm", "htu", "iat"));
    private static final SelfSignedJwt.Faults FAULTS = DPoPVerifier::describe;

    private final SelfSignedJwt jwts;
    private final Set<JWSAlgorithm> algorithms;
    private final Duration iatWindow;

    public DPoPVerifier(Clock clock, Set<JWSAlgorithm> algorithms, Duration iatWindow) {
        this.jwts = new SelfSignedJwt(TYPE, MAX_PROOF_LENGTH, true, false, "the DPoP proof", IssuerError.INVALID_DPOP_PROOF,
                clock);
        this.algorithms = Set.copyOf(algorithms);
        this.iatWindow = iatWindow;
    }

    public DPoPProof verify(String proof, DPoPRules rules) {
        SelfSignedJwt.Verified verified = jwts.verify(proof, algorithms, CLAIMS, FAULTS);
        JWTClaimsSet claims = verified.claims();
        String jti = string(claims, "jti");
        if (jti.length() > MAX_JTI_LENGTH) {
            throw invalid("DPoP proof jti is too long");
        }
        if (!rules.method().equals(string(claims, "htm"))) {
            throw invalid("DPoP proof htm does not match the request method " + rules.method());
        }
        if (!TargetUri.matches(string(claims, "htu"), rules.uri())) {
            throw invalid("DPoP proof htu does not match " + rules.uri());
        }
        Instant iat = jwts.issuedAtWithin(claims, iatWindow, FAULTS);
        if (rules.accessToken().isPresent()) {
            checkAth(claims, rules.accessToken().get());
        }
        if (rules.nonce().isPresent()) {
            // RFC 9449 §8, §9: a proof without the current server nonce is answered with use_dpop_nonce
            String nonce = optionalString(claims, "nonce");
            if (nonce == null || !rules.nonce().get().test(nonce)) {
                throw new IssuerException(IssuerError.USE_DPOP_NONCE,
                        nonce == null ? "a DPoP nonce is required" : "the DPoP nonce is not current");
            }
        }
        return new DPoPProof(SelfSignedJwt.thumbprint(verified.key(), FAULTS), jti, iat,
                Optional.ofNullable(optionalString(claims, "htcd")));
    }

    // the wording DPoPVerifierTest and the ITs hold us to
    private static IssuerException describe(SelfSignedJwt.Fault fault, String detail) {
        return invalid(switch (fault) {
            case MISSING_OR_TOO_LARGE -> "the DPoP proof is missing or too large";
            case NOT_A_SIGNED_JWT -> "the DPoP proof is not a signed JWT";
            case ALGORITHM -> "DPoP proof alg " + detail + " is not supported";
            case KEY_REFERENCES, NO_JWK -> "the DPoP proof header must carry the public key as jwk";
            case PRIVATE_JWK -> "the DPoP proof jwk must not contain private key members";
            case REJECTED -> "DPoP proof rejected: " + detail;
            case SIGNATURE -> "the DPoP proof signature cannot be verified";
            case MALFORMED_CLAIMS -> "the DPoP proof claims are malformed";
            case IAT_MISSING -> "DPoP proof iat is missing";
            case IAT_OUTSIDE_WINDOW -> "DPoP proof iat is outside the accepted window of " + detail + " seconds";
            case THUMBPRINT -> "cannot compute the thumbprint of the DPoP proof jwk";
        });
    }

    // §4.3 item 10 / §4.2: ath = base64url(SHA-256(ASCII(access token)))
    private static void checkAth(JWTClaimsSet claims, String accessToken) {
        String ath = optionalString(claims, "ath");
        if (ath == null) {
            throw invalid("DPoP proof ath is missing");
        }
        String expected = ContentDigest.base64UrlSha256(accessToken);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), ath.getBytes(StandardCharsets.US_ASCII))) {
            throw invalid("DPoP proof ath does not match the access token");
        }
    }

    private static String string(JWTClaimsSet claims, String name) {
        String value = optionalString(claims, name);
        if (value == null || value.isEmpty()) {
            throw invalid("DPoP proof " + name + " is missing");
        }
        return value;
    }

    private static String optionalString(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            throw invalid("DPoP proof " + name + " must be a string");
        }
    }

    static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_DPOP_PROOF, description);
    }
}
