package org.openissuer.metrics.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class MetricsSettingsTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void withoutATokenAnyoneMayScrape() {
        MetricsSettings settings = new MetricsSettings(Optional.of("  "));
        settings.validate();
        assertTrue(settings.admits(null));
    }

    @Test
    void withATokenOnlyItsBearerMayScrape() {
        MetricsSettings settings = new MetricsSettings(Optional.of(TOKEN));
        settings.validate();
        assertTrue(settings.admits("Bearer " + TOKEN));
        assertTrue(settings.admits("bearer " + TOKEN));
        assertFalse(settings.admits(null));
        assertFalse(settings.admits("Bearer " + TOKEN + "x"));
        assertFalse(settings.admits("Basic " + TOKEN));
        assertFalse(settings.admits("Bearer"));
    }

    @Test
    void refusesAShortToken() {
        assertThrows(ConfigurationException.class, () -> new MetricsSettings(Optional.of("short")).validate());
    }
}
