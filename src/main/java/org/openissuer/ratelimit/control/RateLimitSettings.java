package org.openissuer.ratelimit.control;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.ratelimit.entity.Limited;

/** Settings of the rate limits (issue 5), checked at deployment. */
@ApplicationScoped
public class RateLimitSettings {

    static final String ENABLED = "issuer.rate-limit.enabled";
    static final String WINDOW = "issuer.rate-limit.window-seconds";
    static final String SYNC_INTERVAL = "issuer.rate-limit.sync-interval-millis";
    static final String MAX_KEYS = "issuer.rate-limit.max-keys";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = WINDOW, defaultValue = "60")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = SYNC_INTERVAL, defaultValue = "500")
    long syncIntervalMillis;

    @Inject
    @ConfigProperty(name = MAX_KEYS, defaultValue = "100000")
    int maxKeys;

    private final Map<Limited, Integer> limits = new EnumMap<>(Limited.class);

    public void validate() {
        ConfigurationException.requireBetween(WINDOW, windowSeconds, 1, 86_400);
        ConfigurationException.requireBetween(SYNC_INTERVAL, syncIntervalMillis, 10, 60_000);
        ConfigurationException.requireBetween(MAX_KEYS, maxKeys, 100, 10_000_000);
        for (Limited limited : Limited.values()) {
            int limit = config.getOptionalValue(limited.property(), Integer.class).orElse(limited.defaultLimit());
            ConfigurationException.requireBetween(limited.property(), limit, 1, 100_000_000);
            limits.put(limited, limit);
        }
    }


    public boolean enabled() {
        return enabled;
    }

    public Duration window() {
        return Duration.ofSeconds(windowSeconds);
    }

    public Duration syncInterval() {
        return Duration.ofMillis(syncIntervalMillis);
    }

    public int maxKeys() {
        return maxKeys;
    }

    public int limit(Limited limited) {
        return limits.getOrDefault(limited, limited.defaultLimit());
    }
}
