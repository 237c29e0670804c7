package org.openissuer.nonce.control;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.dpop.control.DPoPReplay;
import org.openissuer.platform.IssuerSettings;

/** Deletes the records of expired consumed nonces and DPoP proof ids in the background; safe on every instance at once. */
@ApplicationScoped
public class NoncePurge {

    private static final Logger LOG = Logger.getLogger(NoncePurge.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Nonces nonces;
    private final DPoPReplay dpopReplay;
    private final IssuerSettings settings;

    private ScheduledFuture<?> task;

    @Inject
    public NoncePurge(Nonces nonces, DPoPReplay dpopReplay, IssuerSettings settings) {
        this.nonces = nonces;
        this.dpopReplay = dpopReplay;
        this.settings = settings;
    }

    protected NoncePurge() {
        this(null, null, null);
    }

    public void schedule() {
        long every = settings.noncePurgeInterval().toSeconds();
        task = scheduler.scheduleWithFixedDelay(this::purge, every, every, TimeUnit.SECONDS);
    }

    void purge() {
        try {
            int purged = nonces.purgeExpired();
            if (purged > 0) {
                LOG.fine(() -> "Purged " + purged + " expired consumed nonces");
            }
            // RFC 9449 §11.1: a jti is kept only while its proof could still be accepted
            int jtis = dpopReplay.purgeExpired();
            if (jtis > 0) {
                LOG.fine(() -> "Purged " + jtis + " expired DPoP proof ids");
            }
        } catch (RuntimeException e) {
            // keep the schedule alive: the next run retries
            LOG.log(Level.WARNING, "Purging expired nonces failed", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
