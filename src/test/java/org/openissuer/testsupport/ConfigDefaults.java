package org.openissuer.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The defaults as shipped in META-INF/microprofile-config.properties, their one source, for tests
 * that build settings by hand: a test that means "the defaults" reads them from there.
 */
public final class ConfigDefaults {

    public static final String RESOURCE = "META-INF/microprofile-config.properties";

    private ConfigDefaults() {
    }

    public static Properties all() {
        Properties properties = new Properties();
        try (InputStream in = ConfigDefaults.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the test class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    public static String text(String property) {
        String value = all().getProperty(property);
        if (value == null) {
            throw new IllegalArgumentException(property + " has no default in " + RESOURCE);
        }
        return value;
    }

    public static long number(String property) {
        return Long.parseLong(text(property));
    }

    public static int integer(String property) {
        return Integer.parseInt(text(property));
    }
}
