package org.openissuer.offer.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class OfferSettingsTest {

    private static OfferSettings settings(long defaultExpiresIn, long maxExpiresIn, int txCodeLength) {
        return new OfferSettings(defaultExpiresIn, maxExpiresIn, txCodeLength);
    }

    @Test
    void acceptsTheDefaults() {
        assertDoesNotThrow(settings(900, 2_592_000, 6)::validate);
    }

    @Test
    void refusesADefaultLifetimeAboveTheMaximum() {
        assertTrue(assertThrows(ConfigurationException.class, settings(3600, 600, 6)::validate).getMessage()
                .startsWith("issuer.offer.default-expires-in-seconds"));
    }

    @Test
    void refusesTxCodesShorterThanFourOrLongerThanTwelveDigits() {
        assertThrows(ConfigurationException.class, settings(900, 2_592_000, 3)::validate);
        assertThrows(ConfigurationException.class, settings(900, 2_592_000, 13)::validate);
    }
}
