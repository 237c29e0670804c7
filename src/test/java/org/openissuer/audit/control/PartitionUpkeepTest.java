package org.openissuer.audit.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.HandClock;

class PartitionUpkeepTest {

    /** Records the months asked for; fails while {@code failing} is set. */
    static final class FakePartitions extends AuditPartitions {
        final List<Integer> calls = new ArrayList<>();
        RuntimeException failing;

        @Override
        public int createAhead(int monthsAhead) {
            calls.add(monthsAhead);
            if (failing != null) {
                throw failing;
            }
            return 1;
        }
    }

    private final FakePartitions partitions = new FakePartitions();
    private final List<Object[]> scheduled = new ArrayList<>();
    private final HandClock clock = new HandClock();
    private final PartitionUpkeep upkeep = new PartitionUpkeep(partitions, new AuditSettings(5), clock);

    PartitionUpkeepTest() {
        upkeep.scheduler = (ManagedScheduledExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("scheduleWithFixedDelay")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    scheduled.add(args);
                    return null;
                });
    }

    @Test
    void createsTheConfiguredMonthsAtStartUpThenDaily() {
        upkeep.prepare();

        assertEquals(List.of(5), partitions.calls);
        assertEquals(1, scheduled.size());
        Object[] schedule = scheduled.get(0);
        Runnable tick = (Runnable) schedule[0];
        clock.advance(Duration.ofHours(23).plusMinutes(59));
        tick.run();
        assertEquals(List.of(5), partitions.calls, "not before a day has passed");
        clock.advance(Duration.ofMinutes(1));
        tick.run();
        tick.run();
        assertEquals(List.of(5, 5), partitions.calls, "once a day");
        clock.advance(Duration.ofHours(24));
        tick.run();
        assertEquals(List.of(5, 5, 5), partitions.calls);
    }

    /**
     * A cancelled task waits in the executor's queue until its delay has passed, holding the
     * application's class loader: the delay must be short, whatever the period of the work.
     */
    @Test
    void theScheduleTicksEveryMinuteSoACancelledTaskLeavesTheQueueSoon() {
        upkeep.prepare();

        Object[] schedule = scheduled.get(0);
        assertEquals(60L, ((TimeUnit) schedule[3]).toSeconds((Long) schedule[1]));
        assertEquals(60L, ((TimeUnit) schedule[3]).toSeconds((Long) schedule[2]));
    }

    @Test
    void aFailureAtStartUpStopsTheDeploymentBeforeAnythingIsScheduled() {
        partitions.failing = new IllegalStateException("permission denied for function issuance_event_create_partitions");

        assertThrows(IllegalStateException.class, upkeep::prepare);
        assertEquals(List.of(), scheduled);
    }

    @Test
    void aFailedDailyRunKeepsTheScheduleForTheNextDay() {
        partitions.failing = new IllegalStateException("lock timeout");

        assertDoesNotThrow(upkeep::upkeep);
        partitions.failing = null;
        upkeep.upkeep();

        assertEquals(List.of(5, 5), partitions.calls);
    }
}
