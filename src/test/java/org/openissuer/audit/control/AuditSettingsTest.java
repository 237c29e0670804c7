package org.openissuer.audit.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;

class AuditSettingsTest {

    @Test
    void acceptsTheDefaultAndTheRange() {
        assertDoesNotThrow(() -> new AuditSettings(3).validate());
        assertDoesNotThrow(() -> new AuditSettings(1).validate());
        assertDoesNotThrow(() -> new AuditSettings(12).validate());
    }

    @Test
    void refusesNoMonthAheadOrMoreThanAYear() {
        // with 0, next month's partition would only be made on its first day, by a daily run
        assertThrows(ConfigurationException.class, () -> new AuditSettings(0).validate());
        assertThrows(ConfigurationException.class, () -> new AuditSettings(-1).validate());
        assertThrows(ConfigurationException.class, () -> new AuditSettings(13).validate());
    }
}
