package org.openissuer.ratelimit.control;

import java.time.Clock;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.ratelimit.entity.Limited;

/**
 * The issuer's rate limits: decided in memory per request, shared with the other instances
 * through the database every sync interval, in the background.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
    // ended windows are deleted about once a minute, whatever the sync interval
    private static final long PURGE_EVERY_MILLIS = 60_000;

    private final RateLimitSettings settings;
    private final Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource(lookup = "java:comp/env/jdbc/issuer")
    DataSource dataSource;

    private SharedWindowLimiter limiter;
    private JdbcBucketStore store;
    private ScheduledFuture<?> task;
    private long lastPurge;

    @Inject
    public RateLimits(RateLimitSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    protected RateLimits() {
        this(null, null);
    }

    /** Called once at deployment, after the migrations created rate_limit_bucket. */
    public void start() {
        limiter = new SharedWindowLimiter(settings.window(), settings.maxKeys(), clock);
        store = new JdbcBucketStore(dataSource);
        if (settings.enabled()) {
            long every = settings.syncInterval().toMillis();
            task = scheduler.scheduleWithFixedDelay(this::sync, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Counts one request; over the limit: 429 temporarily_unavailable with Retry-After. */
    public void admit(Limited limited, String value) {
        if (!settings.enabled() || value == null) {
            return;
        }
        long retryAfter = limiter.acquire(SharedWindowLimiter.key(limited.prefix(), value), settings.limit(limited));
        if (retryAfter > 0) {
            throw IssuerException.retryAfter(IssuerError.TEMPORARILY_UNAVAILABLE,
                    "too many " + limited.describe() + "; retry later", retryAfter);
        }
    }

    void sync() {
        try {
            limiter.sync(store);
            long now = System.currentTimeMillis();
            if (now - lastPurge >= PURGE_EVERY_MILLIS) {
                lastPurge = now;
                store.purgeBefore(limiter.previousWindowStart());
            }
        } catch (RuntimeException e) {
            // decisions go on with this instance's counts; the next run retries with what is pending
            LOG.log(Level.WARNING, "Sharing rate-limit counts failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
