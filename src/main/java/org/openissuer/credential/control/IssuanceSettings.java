package org.openissuer.credential.control;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of the credential endpoint, checked at deployment. */
@ApplicationScoped
public class IssuanceSettings implements Settings {

    static final String IAT_WINDOW = "issuer.proof.iat-window-seconds";
    static final String DECOYS = "issuer.sd-jwt.decoys";
    static final String MAX_BODY = "issuer.credential.max-request-bytes";
    static final String DENIED_SUBJECTS = "issuer.access.denied-subjects";

    private final long iatWindowSeconds;
    private final int decoys;
    private final int maxRequestBytes;
    private final Set<String> deniedSubjects;

    /** For the CDI proxy only. */
    protected IssuanceSettings() {
        this(0, 0, 0, Optional.empty());
    }

    @Inject
    public IssuanceSettings(@ConfigProperty(name = IAT_WINDOW) long iatWindowSeconds, @ConfigProperty(name = DECOYS) int decoys,
            @ConfigProperty(name = MAX_BODY) int maxRequestBytes,
            @ConfigProperty(name = DENIED_SUBJECTS) Optional<List<String>> deniedSubjects) {
        this.iatWindowSeconds = iatWindowSeconds;
        this.decoys = decoys;
        this.maxRequestBytes = maxRequestBytes;
        this.deniedSubjects = Set.copyOf(deniedSubjects.orElse(List.of()));
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
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
        return deniedSubjects;
    }
}
