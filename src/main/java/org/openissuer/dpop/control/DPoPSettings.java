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
import org.openissuer.platform.Settings;

/** DPoP (RFC 9449) settings; checked at deployment. */
@ApplicationScoped
public class DPoPSettings implements Settings {

    static final String REQUIRED = "issuer.dpop.required";
    static final String NONCE_REQUIRED = "issuer.dpop.nonce-required";
    static final String ALGORITHMS = "issuer.dpop.algorithms";
    static final String IAT_WINDOW = "issuer.dpop.iat-window-seconds";

    private final boolean required;
    private final boolean nonceRequired;
    private final long iatWindowSeconds;
    private List<String> algorithmNames;
    private Set<JWSAlgorithm> algorithms;

    /** For the CDI proxy only. */
    protected DPoPSettings() {
        this(false, false, List.of(), 0);
    }

    @Inject
    public DPoPSettings(@ConfigProperty(name = REQUIRED) boolean required,
            @ConfigProperty(name = NONCE_REQUIRED) boolean nonceRequired,
            @ConfigProperty(name = ALGORITHMS) List<String> algorithmNames,
            @ConfigProperty(name = IAT_WINDOW) long iatWindowSeconds) {
        this.required = required;
        this.nonceRequired = nonceRequired;
        this.algorithmNames = List.copyOf(algorithmNames);
        this.iatWindowSeconds = iatWindowSeconds;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
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
        ConfigurationException.requireBetween(IAT_WINDOW, iatWindowSeconds, 5, 600, "seconds");
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
