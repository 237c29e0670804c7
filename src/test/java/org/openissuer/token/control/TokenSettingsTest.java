package org.openissuer.token.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class TokenSettingsTest {

    private static TokenSettings settings(long lifetime, int attempts) {
        return new TokenSettings(lifetime, 300, attempts, 5, 30);
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
    void refusesClockSkewsOutsideTheirRanges() {
        assertTrue(assertThrows(ConfigurationException.class, new TokenSettings(300, 300, 5, 61, 30)::validate).getMessage()
                .startsWith("issuer.token.clock-skew-seconds: must be between 0 and 60 seconds, is 61"));
        assertTrue(assertThrows(ConfigurationException.class, new TokenSettings(300, 300, 5, 5, -1)::validate).getMessage()
                .startsWith("issuer.trusted-authorization-servers.clock-skew-seconds: must be between 0 and 300 seconds"));
    }

    @Test
    void refusesAttemptLimitsOutsideOneToTen() {
        assertThrows(ConfigurationException.class, settings(300, 0)::validate);
        assertThrows(ConfigurationException.class, settings(300, 11)::validate);
    }
}
