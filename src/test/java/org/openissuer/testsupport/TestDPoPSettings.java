package org.openissuer.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;

import org.openissuer.dpop.control.DPoPSettings;

/** DPoP settings with the defaults (ES256 and RS256, a 60 s iat window), nonces and DPoP itself on request. */
public final class TestDPoPSettings extends DPoPSettings {

    private final boolean required;
    private final boolean nonceRequired;

    public TestDPoPSettings(boolean required, boolean nonceRequired) {
        this.required = required;
        this.nonceRequired = nonceRequired;
    }

    @Override
    public void validate() {
        // the values below are valid by construction
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public boolean nonceRequired() {
        return nonceRequired;
    }

    @Override
    public Set<JWSAlgorithm> algorithms() {
        return Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256);
    }

    @Override
    public List<String> algorithmNames() {
        return List.of("ES256", "RS256");
    }

    @Override
    public Duration iatWindow() {
        return Duration.ofSeconds(60);
    }
}
