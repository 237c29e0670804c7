package org.openissuer.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.openissuer.ratelimit.control.JdbcBucketStore;
import org.openissuer.ratelimit.control.SharedWindowLimiter;

/**
 * N limiter instances, each with C deciding threads and one sync thread on its own connection,
 * sharing one PostgreSQL: what the rate limit costs and how far the instances over-admit.
 * The clock is pinned inside one window, so the figures never straddle a roll-over.
 */
public final class LimiterLoad {

    /** Load shape; ratePerInstance 0 = as fast as the threads go. */
    public record Shape(int instances, int threads, int keys, int limit, Duration syncInterval, Duration duration,
            int ratePerInstance) {
    }

    public record Result(long decisions, long admitted, double decisionsPerSecond, long syncs, double syncsPerSecond,
            double syncP50Millis, double syncP99Millis, long worstOverAdmission) {

        @Override
        public String toString() {
            return String.format("decisions %,d (%,.0f/s), admitted %,d; sync statements %,d (%,.1f/s), latency p50 %.2f ms,"
                    + " p99 %.2f ms; worst over-admission per key %d", decisions,
                    decisionsPerSecond, admitted, syncs, syncsPerSecond, syncP50Millis, syncP99Millis, worstOverAdmission);
        }
    }

    /** Opens a connection to the shared database (autocommit), where rate_limit_bucket exists. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private LimiterLoad() {
    }

    public static Result run(Shape shape, Connections db) throws Exception {
        // a window of a day starting now: nothing rolls over during the run
        Clock clock = Clock.fixed(Instant.ofEpochMilli(System.currentTimeMillis() / 86_400_000L * 86_400_000L + 1),
                ZoneOffset.UTC);
        String run = Long.toString(System.nanoTime(), 36) + ":";
        AtomicLongArray[] admittedBy = new AtomicLongArray[shape.instances()];
        long[] decisions = new long[shape.instances() * shape.threads()];
        ConcurrentLinkedQueue<Long> syncNanos = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        List<SharedWindowLimiter> limiters = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        long durationNanos = shape.duration().toNanos();
        volatileStop = false;
        for (int i = 0; i < shape.instances(); i++) {
            SharedWindowLimiter limiter = new SharedWindowLimiter(Duration.ofDays(1), 1_000_000, clock);
            limiters.add(limiter);
            Connection connection = db.open();
            connections.add(connection);
            AtomicLongArray admitted = new AtomicLongArray(shape.keys());
            admittedBy[i] = admitted;
            for (int t = 0; t < shape.threads(); t++) {
                int slot = i * shape.threads() + t;
                long pauseNanos = shape.ratePerInstance() == 0 ? 0
                        : TimeUnit.SECONDS.toNanos(1) * shape.threads() / shape.ratePerInstance();
                workers.add(new Thread(() -> {
                    await(start);
                    long n = 0;
                    long next = System.nanoTime();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (!volatileStop) {
                        int key = random.nextInt(shape.keys());
                        if (limiter.acquire(run + key, shape.limit()) == 0) {
                            admitted.incrementAndGet(key);
                        }
                        n++;
                        if (pauseNanos > 0) {
                            next += pauseNanos;
                            LockSupport.parkNanos(next - System.nanoTime());
                        }
                    }
                    decisions[slot] = n;
                }));
            }
            workers.add(new Thread(() -> {
                await(start);
                while (!volatileStop) {
                    LockSupport.parkNanos(shape.syncInterval().toNanos());
                    long began = System.nanoTime();
                    limiter.sync(increments -> exchange(connection, increments));
                    syncNanos.add(System.nanoTime() - began);
                }
            }));
        }
        workers.forEach(Thread::start);
        long began = System.nanoTime();
        start.countDown();
        LockSupport.parkNanos(durationNanos);
        volatileStop = true;
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        for (int i = 0; i < shape.instances(); i++) {
            Connection connection = connections.get(i);
            limiters.get(i).sync(increments -> exchange(connection, increments));
            connection.close();
        }
        long over = 0;
        long admittedTotal = 0;
        for (int k = 0; k < shape.keys(); k++) {
            long sum = 0;
            for (AtomicLongArray admitted : admittedBy) {
                sum += admitted.get(k);
            }
            admittedTotal += sum;
            over = Math.max(over, sum - shape.limit());
        }
        long decided = Arrays.stream(decisions).sum();
        long[] latencies = syncNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(decided, admittedTotal, decided / seconds, latencies.length, latencies.length / seconds,
                percentile(latencies, 0.50), percentile(latencies, 0.99), over);
    }

    private static volatile boolean volatileStop;

    private static Map<org.openissuer.ratelimit.entity.BucketId, Long> exchange(Connection connection,
            java.util.SortedMap<org.openissuer.ratelimit.entity.BucketId, Long> increments) {
        try {
            return JdbcBucketStore.exchange(connection, increments);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    private static void await(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
