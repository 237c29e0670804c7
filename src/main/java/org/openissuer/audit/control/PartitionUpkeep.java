package org.openissuer.audit.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * <p>
 * The schedule ticks every minute and works once a day. A cancelled task stays in the managed
 * executor's queue until its delay has passed (WildFly's does not remove it on cancel), holding the
 * application's class loader: a task with a daily delay kept every undeployed copy of the
 * application in memory for a day.
 */
@ApplicationScoped
public class PartitionUpkeep {

    private static final Logger LOG = Logger.getLogger(PartitionUpkeep.class.getName());
    static final Duration EVERY = Duration.ofHours(24);
    static final long TICK_SECONDS = 60;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AuditPartitions partitions;
    private final AuditSettings settings;
    private final Clock clock;

    private ScheduledFuture<?> task;
    private volatile Instant nextRun;

    @Inject
    public PartitionUpkeep(AuditPartitions partitions, AuditSettings settings, Clock clock) {
        this.partitions = partitions;
        this.settings = settings;
        this.clock = clock;
    }

    protected PartitionUpkeep() {
        this(null, null, null);
    }

    /** Called once at deployment, after the migrations. */
    public void prepare() {
        create();
        nextRun = clock.instant().plus(EVERY);
        task = scheduler.scheduleWithFixedDelay(this::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    void tick() {
        Instant now = clock.instant();
        if (now.isBefore(nextRun)) {
            return;
        }
        nextRun = now.plus(EVERY);
        upkeep();
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
