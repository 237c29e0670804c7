package org.openissuer.audit.control;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the audit trail's monthly partitions ahead of time: at start-up (a failure stops the
 * deployment: without a partition for the month, no audit row, and so no credential, can be
 * written) and then daily, so an instance that runs for months never writes into a month that has
 * none. A daily run that fails is retried the next day; the months ahead are the margin.
 */
@ApplicationScoped
public class PartitionUpkeep {

    private static final Logger LOG = Logger.getLogger(PartitionUpkeep.class.getName());
    static final long EVERY_HOURS = 24;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AuditPartitions partitions;
    private final AuditSettings settings;

    private ScheduledFuture<?> task;

    @Inject
    public PartitionUpkeep(AuditPartitions partitions, AuditSettings settings) {
        this.partitions = partitions;
        this.settings = settings;
    }

    protected PartitionUpkeep() {
        this(null, null);
    }

    /** Called once at deployment, after the migrations. */
    public void prepare() {
        create();
        task = scheduler.scheduleWithFixedDelay(this::upkeep, EVERY_HOURS, EVERY_HOURS, TimeUnit.HOURS);
    }

    void upkeep() {
        try {
            create();
        } catch (RuntimeException e) {
            // keep the schedule alive: the next run retries, months before a partition is needed
            LOG.log(Level.WARNING, "Cannot create the audit trail's partitions ahead (issuance_event_create_partitions)", e);
        }
    }

    private void create() {
        int added = partitions.createAhead(settings.partitionsAhead());
        if (added > 0) {
            LOG.info(() -> "Audit trail: " + added + " monthly partition(s) of issuance_event added");
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
