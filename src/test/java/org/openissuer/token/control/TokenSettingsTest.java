package org.openissuer.token.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class TokenSettingsTest {

    private static TokenSettings settings(long lifetime, int attempts) {
        TokenSettings settings = new TokenSettings();
        settings.lifetimeSeconds = lifetime;
        settings.maxTxCodeAttempts = attempts;
        return settings;
    }

    @Test
    void acceptsTheDefaults() {
        assertDoesNotThrow(settings(300, 5)::validate);
    }

    @Test
    void refusesBearerTokensLivingLongerThanFiveMinutes() {
        ConfigurationException e = assertThrows(ConfigurationException.class, settings(301, 5)::validate);
        assertTrue(e.getMessage().startsWith("issuer.token.lifetime-seconds"));
    }

    @Test
    void refusesAttemptLimitsOutsideOneToTen() {
        assertThrows(ConfigurationException.class, settings(300, 0)::validate);
        assertThrows(ConfigurationException.class, settings(300, 11)::validate);
    }
}
