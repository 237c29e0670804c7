package org.openissuer.proof.control;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

/**
 * What a proof must satisfy for one request.
 *
 * @param audience   the credential issuer identifier (Appendix F.1 aud)
 * @param algorithms the configuration's proof_signing_alg_values_supported
 * @param clientId   the token's client, which the proof's iss must name when known (Appendix F.1)
 * @param iatWindow  how far iat may lie from now, either way
 */
public record ProofRules(String audience, Set<JWSAlgorithm> algorithms, Optional<String> clientId, Duration iatWindow) {

    public ProofRules {
        algorithms = Set.copyOf(algorithms);
    }
}
