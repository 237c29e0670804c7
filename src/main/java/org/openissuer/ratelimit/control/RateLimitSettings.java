package org.openissuer.ratelimit.control;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;
import org.openissuer.ratelimit.entity.Limited;

/** Settings of the rate limits, checked at deployment. */
@ApplicationScoped
public class RateLimitSettings implements Settings {

    static final String ENABLED = "issuer.rate-limit.enabled";
    static final String WINDOW = "issuer.rate-limit.window-seconds";
    static final String SYNC_INTERVAL = "issuer.rate-limit.sync-interval-millis";
    static final String MAX_KEYS = "issuer.rate-limit.max-keys";

    private final Config config;
    private final boolean enabled;
    private final long windowSeconds;
    private final long syncIntervalMillis;
    private final int maxKeys;
    private final Map<Limited, Integer> limits = new EnumMap<>(Limited.class);

    /** For the CDI proxy only. */
    protected RateLimitSettings() {
        this(null, false, 0, 0, 0);
    }

    /** @param config the source of the per-endpoint limits, one property per {@link Limited} */
    @Inject
    public RateLimitSettings(Config config, @ConfigProperty(name = ENABLED) boolean enabled,
            @ConfigProperty(name = WINDOW) long windowSeconds, @ConfigProperty(name = SYNC_INTERVAL) long syncIntervalMillis,
            @ConfigProperty(name = MAX_KEYS) int maxKeys) {
        this.config = config;
        this.enabled = enabled;
        this.windowSeconds = windowSeconds;
        this.syncIntervalMillis = syncIntervalMillis;
        this.maxKeys = maxKeys;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        ConfigurationException.requireBetween(WINDOW, windowSeconds, 1, 86_400);
        ConfigurationException.requireBetween(SYNC_INTERVAL, syncIntervalMillis, 10, 60_000);
        ConfigurationException.requireBetween(MAX_KEYS, maxKeys, 100, 10_000_000);
        for (Limited limited : Limited.values()) {
            int limit = config.getValue(limited.property(), Integer.class);
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
        return limits.get(limited);
    }
}
