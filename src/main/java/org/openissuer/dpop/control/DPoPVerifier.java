package org.openissuer.dpop.control;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.input.JoseJson;

/**
 * Checks a DPoP proof (RFC 9449 §4.3) with Nimbus's DefaultJWTProcessor: type dpop+jwt, the key
 * from the header jwk (public, asymmetric alg from the configured list), required claims; then
 * htm, htu, iat window, ath and nonce. Replay (jti) is the caller's second step. Thread-safe.
 */
public final class DPoPVerifier {

    public static final JOSEObjectType TYPE = new JOSEObjectType("dpop+jwt");
    private static final int MAX_PROOF_LENGTH = 8 * 1024;
    private static final int MAX_JTI_LENGTH = 256;

    private final Clock clock;
    private final Set<JWSAlgorithm> algorithms;
    private final Duration iatWindow;

    public DPoPVerifier(Clock clock, Set<JWSAlgorithm> algorithms, Duration iatWindow) {
        this.clock = clock;
        this.algorithms = Set.copyOf(algorithms);
        this.iatWindow = iatWindow;
    }

    public DPoPProof verify(String proof, DPoPRules rules) {
        if (proof == null || proof.isBlank() || proof.length() > MAX_PROOF_LENGTH) {
            throw invalid("the DPoP proof is missing or too large");
        }
        JoseJson.requireJwsObjects(proof, IssuerError.INVALID_DPOP_PROOF);
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(proof.strip());
        } catch (ParseException | RuntimeException e) {
            // also alg none, a JWE, and a jwk header with private members (Nimbus refuses to parse those)
            throw invalid("the DPoP proof is not a signed JWT");
        }
        JWK key = key(jwt.getHeader());
        JWTClaimsSet claims;
        try {
            claims = processor(key).process(jwt, null);
        } catch (BadJOSEException e) {
            throw invalid("DPoP proof rejected: " + e.getMessage());
        } catch (JOSEException e) {
            throw invalid("the DPoP proof signature cannot be verified");
        } catch (RuntimeException e) {
            // Nimbus on claims of the wrong type (e.g. "iat": null)
            throw invalid("the DPoP proof claims are malformed");
        }
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
        if (claims.getIssueTime() == null) {
            throw invalid("DPoP proof iat is missing");
        }
        Instant iat = claims.getIssueTime().toInstant();
        Instant now = clock.instant();
        if (iat.isBefore(now.minus(iatWindow)) || iat.isAfter(now.plus(iatWindow))) {
            throw invalid("DPoP proof iat is outside the accepted window of " + iatWindow.toSeconds() + " seconds");
        }
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
        return new DPoPProof(thumbprint(key), jti, iat, Optional.ofNullable(optionalString(claims, "htcd")));
    }

    // §4.3 items 4-6: an asymmetric alg we support, a public jwk that verifies the signature
    private JWK key(JWSHeader header) {
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.Family.SIGNATURE.contains(alg) || !algorithms.contains(alg)) {
            throw invalid("DPoP proof alg " + alg + " is not supported");
        }
        JWK jwk = header.getJWK();
        if (jwk == null) {
            throw invalid("the DPoP proof header must carry the public key as jwk");
        }
        if (jwk.isPrivate()) {
            throw invalid("the DPoP proof jwk must not contain private key members");
        }
        return jwk;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWK key) {
        DefaultJWTProcessor<SecurityContext> processor = JwsCrypto.onProvider(new DefaultJWTProcessor<>());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(TYPE));
        processor.setJWSKeySelector(JwsCrypto.headerKey(key, "the DPoP proof"));
        // §4.2: jti, htm, htu and iat are required; iat is checked against our own window below
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, null, Set.of("jti", "htm", "htu", "iat")));
        return processor;
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

    private static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw invalid("cannot compute the thumbprint of the DPoP proof jwk");
        }
    }

    static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_DPOP_PROOF, description);
    }
}
