package org.openissuer.deferred.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import org.openissuer.platform.ConfigurationException;

class DeferredSettingsTest {

    @Test
    void theDefaultsAreValid() {
        assertDoesNotThrow(() -> new DeferredSettings(5, 604_800, 60, 16_384).validate());
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThrows(ConfigurationException.class, () -> new DeferredSettings(0, 604_800, 60, 16_384).validate());
        assertThrows(ConfigurationException.class, () -> new DeferredSettings(5, 30, 60, 16_384).validate());
        assertThrows(ConfigurationException.class, () -> new DeferredSettings(600, 300, 60, 16_384).validate());
        assertThrows(ConfigurationException.class, () -> new DeferredSettings(5, 604_800, 0, 16_384).validate());
        assertThrows(ConfigurationException.class, () -> new DeferredSettings(5, 604_800, 60, 10).validate());
    }
}
