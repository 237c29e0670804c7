package org.openissuer.nonce.control;

import java.time.Duration;

import org.openissuer.platform.IssuerSettings;

/** Settings with the defaults, for tests that build control objects by hand. */
class TestSettings extends IssuerSettings {

    @Override
    public Duration nonceLifetime() {
        return Duration.ofSeconds(300);
    }
}
