package org.openissuer.status.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class StatusSettingsTest {

    @Test
    void acceptsTheDefaults() {
        assertDoesNotThrow(() -> new StatusSettings(1 << 20, 300, 86400, 5).validate());
    }

    @Test
    void refusesListSizesThatDoNotFillWholeBytesOrAreOutOfRange() {
        assertThrows(ConfigurationException.class, () -> new StatusSettings(1002, 300, 86400, 5).validate());
        assertThrows(ConfigurationException.class, () -> new StatusSettings(8, 300, 86400, 5).validate());
        assertThrows(ConfigurationException.class, () -> new StatusSettings((1 << 26) + 4, 300, 86400, 5).validate());
    }

    @Test
    void refusesATtlBelowTheRefreshIntervalOrATokenLifetimeBelowTwiceTheTtl() {
        assertThrows(ConfigurationException.class, () -> new StatusSettings(1024, 4, 86400, 5).validate());
        assertThrows(ConfigurationException.class, () -> new StatusSettings(1024, 300, 599, 5).validate());
        assertThrows(ConfigurationException.class, () -> new StatusSettings(1024, 300, 86400, 0).validate());
    }
}
