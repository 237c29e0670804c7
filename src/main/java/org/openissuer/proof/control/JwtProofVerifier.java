package org.openissuer.proof.control;

import java.security.Key;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.input.JoseJson;
import org.openissuer.proof.entity.VerifiedProof;

/**
 * Verifies JWT proofs of possession (OID4VCI 1.0 Appendix F.1, F.4) with Nimbus's
 * DefaultJWTProcessor: a type verifier, a key selector that takes the key from the header,
 * and a claims verifier. Thread-safe.
 */
public final class JwtProofVerifier {

    public static final JOSEObjectType PROOF_TYPE = new JOSEObjectType("openid4vci-proof+jwt");
    // Appendix F.1: a compact JWS; anything far larger is not a proof but an attack on the parser
    private static final int MAX_PROOF_LENGTH = 16 * 1024;

    private final Clock clock;

    public JwtProofVerifier(Clock clock) {
        this.clock = clock;
    }

    public VerifiedProof verify(String proof, ProofRules rules) {
        if (proof == null || proof.isEmpty() || proof.length() > MAX_PROOF_LENGTH) {
            throw invalid("proof is missing or too large");
        }
        JoseJson.requireJwsObjects(proof, IssuerError.INVALID_PROOF);
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(proof);
        } catch (ParseException | RuntimeException e) {
            // also an unsecured (alg none) JWT, a JWE, or a jwk header carrying private members
            throw invalid("proof is not a signed JWT: " + e.getMessage());
        }
        JWK holderKey = holderKey(jwt.getHeader(), rules.algorithms());
        JWTClaimsSet claims;
        try {
            claims = processor(holderKey, rules).process(jwt, null);
        } catch (BadJOSEException e) {
            throw invalid(e.getMessage());
        } catch (JOSEException e) {
            throw invalid("proof signature cannot be verified: " + e.getMessage());
        } catch (RuntimeException e) {
            // Nimbus on claims of the wrong type (e.g. "iat": null): hostile input, not a fault of ours
            throw invalid("proof claims are malformed");
        }
        checkIssuedAt(claims, rules);
        return new VerifiedProof(holderKey, thumbprint(holderKey), nonce(claims));
    }

    // Appendix F.1: exactly one of kid, jwk, x5c; we bind credentials to a jwk (cryptographic_binding_methods_supported)
    private static JWK holderKey(JWSHeader header, Set<JWSAlgorithm> algorithms) {
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.Family.SIGNATURE.contains(alg) || !algorithms.contains(alg)) {
            throw invalid("proof alg " + alg + " is not one of " + algorithms);
        }
        int references = (header.getJWK() != null ? 1 : 0) + (header.getKeyID() != null ? 1 : 0)
                + (header.getX509CertChain() != null ? 1 : 0);
        if (references != 1) {
            throw invalid("proof header must carry exactly one of jwk, kid and x5c");
        }
        JWK jwk = header.getJWK();
        if (jwk == null) {
            throw invalid("proof must carry the holder key as jwk: kid and x5c key references are not supported");
        }
        if (jwk.isPrivate()) {
            throw invalid("proof jwk must not contain private key members");
        }
        return jwk;
    }

    private DefaultJWTProcessor<SecurityContext> processor(JWK holderKey, ProofRules rules) {
        DefaultJWTProcessor<SecurityContext> processor = JwsCrypto.onProvider(new DefaultJWTProcessor<>());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(PROOF_TYPE));
        processor.setJWSKeySelector(JwsCrypto.headerKey(holderKey, "proof"));
        // Appendix F.1: aud is the issuer identifier; iat and nonce (we always hand out c_nonces) are required
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(rules.audience(), null, Set.of("iat", "nonce")) {
            @Override
            public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
                if (claims.getAudience().size() != 1) {
                    throw new BadJWTException("proof aud must be the credential issuer identifier alone");
                }
                // Appendix F.1: iss is optional, but when present it names the client the token was issued to
                if (claims.getIssuer() != null && rules.clientId().isPresent()
                        && !rules.clientId().get().equals(claims.getIssuer())) {
                    throw new BadJWTException("proof iss is not the client_id of the access token");
                }
                super.verify(claims, context);
            }
        });
        return processor;
    }

    private void checkIssuedAt(JWTClaimsSet claims, ProofRules rules) {
        Date iat = claims.getIssueTime();
        if (iat == null) {
            throw invalid("proof iat is missing");
        }
        Instant now = clock.instant();
        if (iat.toInstant().isBefore(now.minus(rules.iatWindow())) || iat.toInstant().isAfter(now.plus(rules.iatWindow()))) {
            throw invalid("proof iat is outside the accepted window of " + rules.iatWindow().toSeconds() + " seconds");
        }
    }

    private static String nonce(JWTClaimsSet claims) {
        try {
            String nonce = claims.getStringClaim("nonce");
            if (nonce == null || nonce.isEmpty()) {
                throw invalid("proof nonce is missing");
            }
            return nonce;
        } catch (ParseException e) {
            throw invalid("proof nonce must be a string");
        }
    }

    private static String thumbprint(JWK key) {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw invalid("cannot compute the thumbprint of the proof jwk");
        }
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_PROOF, description);
    }
}
