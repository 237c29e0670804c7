package org.openissuer.deferred.control;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Runs the expiry of deferred transactions in the background; safe on every instance at once. */
@ApplicationScoped
public class DeferredSweep {

    private static final Logger LOG = Logger.getLogger(DeferredSweep.class.getName());
    // a backlog is worked off in batches, but one run never holds the thread for long
    private static final int MAX_BATCHES = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final DeferredExpiry expiry;
    private final DeferredSettings settings;

    private ScheduledFuture<?> task;

    @Inject
    public DeferredSweep(DeferredExpiry expiry, DeferredSettings settings) {
        this.expiry = expiry;
        this.settings = settings;
    }

    protected DeferredSweep() {
        this(null, null);
    }

    public void schedule() {
        long every = settings.sweepInterval().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::sweep, every, every, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            for (int batch = 0; batch < MAX_BATCHES && expiry.sweep() == DeferredExpiry.BATCH; batch++) {
                LOG.fine("Expired a full batch of deferred transactions; continuing");
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: the next run retries
            LOG.log(Level.WARNING, "Expiring deferred credential transactions failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
