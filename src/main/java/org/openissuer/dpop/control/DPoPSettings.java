package org.openissuer.dpop.control;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JWSAlgorithm;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;

/** DPoP (RFC 9449) settings; checked at deployment. */
@ApplicationScoped
public class DPoPSettings {

    static final String REQUIRED = "issuer.dpop.required";
    static final String NONCE_REQUIRED = "issuer.dpop.nonce-required";
    static final String ALGORITHMS = "issuer.dpop.algorithms";
    static final String IAT_WINDOW = "issuer.dpop.iat-window-seconds";

    @Inject
    @ConfigProperty(name = REQUIRED, defaultValue = "false")
    boolean required;

    @Inject
    @ConfigProperty(name = NONCE_REQUIRED, defaultValue = "false")
    boolean nonceRequired;

    @Inject
    @ConfigProperty(name = ALGORITHMS, defaultValue = "ES256,ES384,ES512,PS256,RS256")
    List<String> algorithmNames;

    @Inject
    @ConfigProperty(name = IAT_WINDOW, defaultValue = "60")
    long iatWindowSeconds;

    private Set<JWSAlgorithm> algorithms;

    public void validate() {
        Set<JWSAlgorithm> parsed = new LinkedHashSet<>();
        for (String name : algorithmNames) {
            JWSAlgorithm alg = JWSAlgorithm.parse(name.strip());
            // RFC 9449 §4.2: asymmetric only, never none or a MAC
            if (!JWSAlgorithm.Family.SIGNATURE.contains(alg)) {
                throw new ConfigurationException(ALGORITHMS, name + " is not an asymmetric JWS signature algorithm");
            }
            parsed.add(alg);
        }
        if (parsed.isEmpty()) {
            throw new ConfigurationException(ALGORITHMS, "must name at least one algorithm");
        }
        if (iatWindowSeconds < 5 || iatWindowSeconds > 600) {
            throw new ConfigurationException(IAT_WINDOW, "must be between 5 and 600 seconds, is " + iatWindowSeconds);
        }
        algorithms = Set.copyOf(parsed);
        algorithmNames = parsed.stream().map(JWSAlgorithm::getName).toList();
    }

    public boolean required() {
        return required;
    }

    public boolean nonceRequired() {
        return nonceRequired;
    }

    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    /** In configured order, for dpop_signing_alg_values_supported and the algs challenge parameter. */
    public List<String> algorithmNames() {
        return List.copyOf(algorithmNames);
    }

    public Duration iatWindow() {
        return Duration.ofSeconds(iatWindowSeconds);
    }
}
