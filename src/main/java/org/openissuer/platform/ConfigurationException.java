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
        requireBetween(property, value, min, max, "", "");
    }

    /** The same for a setting with a unit ("seconds"), which the message names after the range. */
    public static void requireBetween(String property, long value, long min, long max, String unit) {
        requireBetween(property, value, min, max, unit, "");
    }

    /** The same with the reason for the range, told before the value. */
    public static void requireBetween(String property, long value, long min, long max, String unit, String why) {
        if (value < min || value > max) {
            throw new ConfigurationException(property, "must be between " + min + " and " + max
                    + (unit.isEmpty() ? "" : " " + unit) + (why.isEmpty() ? "" : ": " + why) + ", is " + value);
        }
    }

    /** Refuses a numeric setting below its least value. */
    public static void requireAtLeast(String property, long value, long min, String unit) {
        if (value < min) {
            throw new ConfigurationException(property, "must be at least " + min + " " + unit + ", is " + value);
        }
    }
}
