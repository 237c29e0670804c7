package org.openissuer.credential.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;

/** Settings of the credential endpoint, checked at deployment. */
@ApplicationScoped
public class IssuanceSettings {

    static final String IAT_WINDOW = "issuer.proof.iat-window-seconds";
    static final String DECOYS = "issuer.sd-jwt.decoys";
    static final String MAX_BODY = "issuer.credential.max-request-bytes";

    @Inject
    @ConfigProperty(name = IAT_WINDOW, defaultValue = "120")
    long iatWindowSeconds;

    @Inject
    @ConfigProperty(name = DECOYS, defaultValue = "2")
    int decoys;

    @Inject
    @ConfigProperty(name = MAX_BODY, defaultValue = "65536")
    int maxRequestBytes;

    @Inject
    @ConfigProperty(name = "issuer.access.denied-subjects")
    Optional<List<String>> deniedSubjects;

    public void validate() {
        ConfigurationException.requireBetween(IAT_WINDOW, iatWindowSeconds, 5, 3_600);
        ConfigurationException.requireBetween(DECOYS, decoys, 0, 20);
        ConfigurationException.requireBetween(MAX_BODY, maxRequestBytes, 1_024, 10 * 1024 * 1024);
    }


    /** Appendix F.1: how far a proof's iat may lie from the issuer's clock. */
    public Duration iatWindow() {
        return Duration.ofSeconds(iatWindowSeconds);
    }

    public int decoys() {
        return decoys;
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Principals (token sub) the policy refuses: access_denied. */
    public Set<String> deniedSubjects() {
        return Set.copyOf(deniedSubjects.orElse(List.of()));
    }
}
