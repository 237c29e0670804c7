package org.openissuer.proof.control;

import java.text.ParseException;
import java.time.Clock;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.SelfSignedJwt;
import org.openissuer.proof.entity.VerifiedProof;

/**
 * Verifies JWT proofs of possession (OID4VCI 1.0 Appendix F.1, F.4): a {@link SelfSignedJwt} of
 * type openid4vci-proof+jwt signed by the holder key in its header, with this claims verifier
 * (aud, iss, iat, nonce) and the configuration's algorithms. Thread-safe.
 */
public final class JwtProofVerifier {

    public static final JOSEObjectType PROOF_TYPE = new JOSEObjectType("openid4vci-proof+jwt");
    // Appendix F.1: a compact JWS; anything far larger is not a proof but an attack on the parser
    private static final int MAX_PROOF_LENGTH = 16 * 1024;

    private final SelfSignedJwt jwts;

    public JwtProofVerifier(Clock clock) {
        this.jwts = new SelfSignedJwt(PROOF_TYPE, MAX_PROOF_LENGTH, false, true, "proof", IssuerError.INVALID_PROOF, clock);
    }

    public VerifiedProof verify(String proof, ProofRules rules) {
        SelfSignedJwt.Faults faults = (fault, detail) -> describe(fault, detail, rules);
        SelfSignedJwt.Verified verified = jwts.verify(proof, rules.algorithms(), claimsVerifier(rules), faults);
        jwts.issuedAtWithin(verified.claims(), rules.iatWindow(), faults);
        JWK holderKey = verified.key();
        return new VerifiedProof(holderKey, SelfSignedJwt.thumbprint(holderKey, faults), nonce(verified.claims()));
    }

    // Appendix F.1: aud is the issuer identifier; iat and nonce (we always hand out c_nonces) are required
    private static DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier(ProofRules rules) {
        return new DefaultJWTClaimsVerifier<>(rules.audience(), null, Set.of("iat", "nonce")) {
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
        };
    }

    // the wording JwtProofVerifierTest and the ITs hold us to
    private static IssuerException describe(SelfSignedJwt.Fault fault, String detail, ProofRules rules) {
        return invalid(switch (fault) {
            case MISSING_OR_TOO_LARGE -> "proof is missing or too large";
            case NOT_A_SIGNED_JWT -> "proof is not a signed JWT: " + detail;
            case ALGORITHM -> "proof alg " + detail + " is not one of " + rules.algorithms();
            // Appendix F.1: exactly one of kid, jwk, x5c; we bind credentials to a jwk (cryptographic_binding_methods_supported)
            case KEY_REFERENCES -> "proof header must carry exactly one of jwk, kid and x5c";
            case NO_JWK -> "proof must carry the holder key as jwk: kid and x5c key references are not supported";
            case PRIVATE_JWK -> "proof jwk must not contain private key members";
            case REJECTED -> detail;
            case SIGNATURE -> "proof signature cannot be verified: " + detail;
            case MALFORMED_CLAIMS -> "proof claims are malformed";
            case IAT_MISSING -> "proof iat is missing";
            case IAT_OUTSIDE_WINDOW -> "proof iat is outside the accepted window of " + detail + " seconds";
            case THUMBPRINT -> "cannot compute the thumbprint of the proof jwk";
        });
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

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_PROOF, description);
    }
}
