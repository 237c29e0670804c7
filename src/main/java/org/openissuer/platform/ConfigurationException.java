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
}
