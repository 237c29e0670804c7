package org.openissuer.platform;

/** A setting that stops the deployment. The message always names the property to fix. */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String property, String problem) {
        super(property + ": " + problem);
    }

    public ConfigurationException(String property, String problem, Throwable cause) {
        super(property + ": " + problem + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")"), cause);
    }

    /** Refuses a numeric setting outside its range, naming the property, the range and the value. */
    public static void requireBetween(String property, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ConfigurationException(property, "must be between " + min + " and " + max + ", is " + value);
        }
    }
}
