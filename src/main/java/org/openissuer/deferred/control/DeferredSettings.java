package org.openissuer.deferred.control;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;

/** Settings of deferred issuance (OID4VCI 1.0 §8.3, §9); checked at deployment. */
@ApplicationScoped
public class DeferredSettings implements Settings {

    static final String INTERVAL = "issuer.deferred.interval-seconds";
    static final String LIFETIME = "issuer.deferred.lifetime-seconds";
    static final String SWEEP_INTERVAL = "issuer.deferred.sweep-interval-seconds";
    static final String MAX_BODY = "issuer.deferred.max-request-bytes";

    private final long interval;
    private final long lifetime;
    private final long sweepInterval;
    private final int maxRequestBytes;

    /** For the CDI proxy only. */
    protected DeferredSettings() {
        this(0, 0, 0, 0);
    }

    @Inject
    public DeferredSettings(@ConfigProperty(name = INTERVAL) long interval, @ConfigProperty(name = LIFETIME) long lifetime,
            @ConfigProperty(name = SWEEP_INTERVAL) long sweepInterval, @ConfigProperty(name = MAX_BODY) int maxRequestBytes) {
        this.interval = interval;
        this.lifetime = lifetime;
        this.sweepInterval = sweepInterval;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Called once, from Startup: fails the deployment on a setting that cannot work. */
    @Override
    public void validate() {
        // §8.3: interval is a positive number of seconds
        ConfigurationException.requireBetween(INTERVAL, interval, 1, 86_400, "seconds");
        ConfigurationException.requireBetween(LIFETIME, lifetime, Math.max(60, interval), 31_536_000, "seconds",
                "at least a minute and at least " + INTERVAL);
        ConfigurationException.requireBetween(SWEEP_INTERVAL, sweepInterval, 1, 86_400, "seconds");
        ConfigurationException.requireBetween(MAX_BODY, maxRequestBytes, 1_024, 1024 * 1024);
    }

    /** §8.3 interval: how long a wallet should wait between polls. */
    public Duration interval() {
        return Duration.ofSeconds(interval);
    }

    /** How long a transaction waits for the back office and then for the wallet; an offer may ask for less. */
    public Duration lifetime() {
        return Duration.ofSeconds(lifetime);
    }

    public Duration sweepInterval() {
        return Duration.ofSeconds(sweepInterval);
    }

    public int maxRequestBytes() {
        return maxRequestBytes;
    }
}
