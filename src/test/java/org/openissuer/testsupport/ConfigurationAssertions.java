package org.openissuer.testsupport;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;
import org.openissuer.platform.ConfigurationException;

public final class ConfigurationAssertions {

    private ConfigurationAssertions() {
    }

    /**
     * Asserts that the deployment would stop with a message that starts with the property
     * to fix and says what is wrong (each fragment, ignoring case).
     */
    public static ConfigurationException assertRejected(String property, Executable action, String... fragments) {
        ConfigurationException e = assertThrows(ConfigurationException.class, action);
        String message = e.getMessage();
        assertTrue(message.startsWith(property + ": "), () -> "should name " + property + ": " + message);
        for (String fragment : fragments) {
            assertTrue(message.toLowerCase().contains(fragment.toLowerCase()),
                    () -> "should say '" + fragment + "': " + message);
        }
        return e;
    }
}
