package org.openissuer.platform;

/**
 * A feature's settings: read through MicroProfile Config (defaults in
 * META-INF/microprofile-config.properties, nowhere else), checked once at deployment. Startup
 * validates every bean of this type before anything else starts, so a bad value stops the
 * deployment with a {@link ConfigurationException} instead of failing the first request.
 */
public interface Settings {

    /** Fails with a {@link ConfigurationException} naming the property on a value that cannot work. */
    void validate();
}
