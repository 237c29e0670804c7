package org.openissuer.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class WebhookSettingsTest {

    private static WebhookSettings settings(long timeout, long lease, long initial, long max) {
        return new WebhookSettings(Optional.empty(), 5, timeout, lease, initial, max, 86400);
    }

    @Test
    void acceptsTheShippedDefaults() {
        assertDoesNotThrow(() -> settings(10, 60, 5, 3600).validate());
    }

    @Test
    void refusesALeaseShorterThanThreeTimeouts() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(10, 29, 5, 3600).validate());
        assertTrue(e.getMessage().startsWith(WebhookSettings.LEASE + ": "), e.getMessage());
    }

    @Test
    void refusesALongestIntervalBelowTheFirst() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> settings(10, 60, 60, 30).validate());
        assertTrue(e.getMessage().startsWith(WebhookSettings.RETRY_MAX_INTERVAL + ": "), e.getMessage());
    }

    @Test
    void treatsABlankFileAsNoWebhooks() {
        assertTrue(new WebhookSettings(Optional.of(" "), 5, 10, 60, 5, 3600, 86400).file().isEmpty());
    }
}
