package org.openissuer.webhooks.control;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Settings;
import org.openissuer.webhooks.entity.Subscriptions;

/** Settings of the webhooks (docs/webhooks.md); checked at deployment. The subscriptions file is read by {@link WebhookSubscriptions}. */
@ApplicationScoped
public class WebhookSettings implements Settings {

    static final String POLL = "issuer.webhooks.poll-interval-seconds";
    static final String TIMEOUT = "issuer.webhooks.timeout-seconds";
    static final String LEASE = "issuer.webhooks.lease-seconds";
    static final String RETRY_INITIAL = "issuer.webhooks.retry-initial-seconds";
    static final String RETRY_MAX_INTERVAL = "issuer.webhooks.retry-max-interval-seconds";
    static final String RETRY_FOR = "issuer.webhooks.retry-for-seconds";

    private final Optional<String> file;
    private final long pollSeconds;
    private final long timeoutSeconds;
    private final long leaseSeconds;
    private final long retryInitialSeconds;
    private final long retryMaxIntervalSeconds;
    private final long retryForSeconds;

    /** For the CDI proxy only. */
    protected WebhookSettings() {
        this(Optional.empty(), 0, 0, 0, 0, 0, 0);
    }

    @Inject
    public WebhookSettings(@ConfigProperty(name = Subscriptions.PROPERTY) Optional<String> file,
            @ConfigProperty(name = POLL) long pollSeconds, @ConfigProperty(name = TIMEOUT) long timeoutSeconds,
            @ConfigProperty(name = LEASE) long leaseSeconds, @ConfigProperty(name = RETRY_INITIAL) long retryInitialSeconds,
            @ConfigProperty(name = RETRY_MAX_INTERVAL) long retryMaxIntervalSeconds,
            @ConfigProperty(name = RETRY_FOR) long retryForSeconds) {
        this.file = file.filter(f -> !f.isBlank());
        this.pollSeconds = pollSeconds;
        this.timeoutSeconds = timeoutSeconds;
        this.leaseSeconds = leaseSeconds;
        this.retryInitialSeconds = retryInitialSeconds;
        this.retryMaxIntervalSeconds = retryMaxIntervalSeconds;
        this.retryForSeconds = retryForSeconds;
    }

    @Override
    public void validate() {
        ConfigurationException.requireBetween(POLL, pollSeconds, 1, 3600, "seconds");
        ConfigurationException.requireBetween(TIMEOUT, timeoutSeconds, 1, 120, "seconds");
        // an attempt takes at most the connect and the response timeout; the lease must outlast it with
        // room to record the outcome, or a second instance sends the same event while the first still waits
        ConfigurationException.requireBetween(LEASE, leaseSeconds, 3 * timeoutSeconds, 86400, "seconds",
                "at least three times " + TIMEOUT + ", so no other instance claims a delivery still being sent");
        ConfigurationException.requireBetween(RETRY_INITIAL, retryInitialSeconds, 1, 86400, "seconds");
        ConfigurationException.requireBetween(RETRY_MAX_INTERVAL, retryMaxIntervalSeconds, retryInitialSeconds, 86400,
                "seconds", "at least " + RETRY_INITIAL);
        ConfigurationException.requireBetween(RETRY_FOR, retryForSeconds, 1, 30L * 86400, "seconds");
    }

    /** The subscriptions file; empty: webhooks are off. */
    public Optional<String> file() {
        return file;
    }

    public Duration pollInterval() {
        return Duration.ofSeconds(pollSeconds);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }

    public Backoff backoff() {
        return new Backoff(Duration.ofSeconds(retryInitialSeconds), Duration.ofSeconds(retryMaxIntervalSeconds),
                Duration.ofSeconds(retryForSeconds));
    }
}
