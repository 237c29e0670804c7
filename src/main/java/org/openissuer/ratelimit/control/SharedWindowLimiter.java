package org.openissuer.ratelimit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.openissuer.ratelimit.entity.BucketId;

/**
 * Fixed-window request counts, decided in memory and shared through a {@link BucketStore}.
 * A decision needs no I/O: it compares the limit with the global total at the last sync plus
 * this instance's hits since. {@link #sync} (one caller at a time, on a schedule) sends the
 * increments and reads back the totals in one exchange. Exact on one instance. Across N
 * instances an instance sees the others' hits up to their last sync before its own, so per key
 * at most (N - 1) x rate per instance x (2 x sync interval + sync latency) more are admitted,
 * and never more than N x limit in all. Windows are aligned to the epoch so that all instances agree.
 */
public final class SharedWindowLimiter {

    private final long windowMillis;
    private final int maxKeys;
    private final Clock clock;
    private final Map<BucketId, Slot> slots = new ConcurrentHashMap<>();

    /** Counts of one bucket; every field changes lock-free. */
    static final class Slot {
        final AtomicLong pending = new AtomicLong();   // admitted here, not yet sent
        final AtomicLong inFlight = new AtomicLong();  // sent, total not yet back
        volatile long global;                          // all instances' total at the last sync

        long count() {
            // read in this order, a concurrent sync can only make the count too high, never too low
            return global + inFlight.get() + pending.get();
        }
    }

    public SharedWindowLimiter(Duration window, int maxKeys, Clock clock) {
        this.windowMillis = window.toMillis();
        this.maxKeys = maxKeys;
        this.clock = clock;
    }

    /** Counts one request for key if under limit: 0 when admitted, else the seconds until the window reopens. */
    public long acquire(String key, int limit) {
        long now = clock.millis();
        long start = windowStart(now);
        BucketId id = new BucketId(key, start);
        Slot slot = slots.get(id);
        if (slot == null) {
            if (slots.size() >= maxKeys) {
                slots.keySet().removeIf(b -> b.windowStart() < start);
                if (slots.size() >= maxKeys) {
                    // bounded memory: a flood of distinct keys is refused until the window ends, not stored
                    return retryAfter(start, now);
                }
            }
            slot = slots.computeIfAbsent(id, b -> new Slot());
        }
        while (true) {
            long pending = slot.pending.get();
            if (slot.global + slot.inFlight.get() + pending >= limit) {
                return retryAfter(start, now);
            }
            if (slot.pending.compareAndSet(pending, pending + 1)) {
                return 0;
            }
        }
    }

    /**
     * Sends this instance's increments of the current window's buckets and takes the global
     * totals back. Ended windows are forgotten first. On failure the increments stay pending.
     */
    public synchronized int sync(BucketStore store) {
        long start = windowStart(clock.millis());
        slots.keySet().removeIf(b -> b.windowStart() < start);
        TreeMap<BucketId, Long> increments = new TreeMap<>();
        Map<BucketId, Slot> sent = new HashMap<>();
        slots.forEach((id, slot) -> {
            long taken = slot.pending.get();
            slot.inFlight.addAndGet(taken);
            slot.pending.addAndGet(-taken);
            increments.put(id, taken);
            sent.put(id, slot);
        });
        if (increments.isEmpty()) {
            return 0;
        }
        Map<BucketId, Long> totals;
        try {
            totals = store.exchange(increments);
        } catch (RuntimeException e) {
            sent.forEach((id, slot) -> {
                long taken = increments.get(id);
                slot.pending.addAndGet(taken);
                slot.inFlight.addAndGet(-taken);
            });
            throw e;
        }
        sent.forEach((id, slot) -> {
            Long total = totals.get(id);
            if (total != null) {
                slot.global = total;
            } else {
                slot.global += increments.get(id);
            }
            slot.inFlight.addAndGet(-increments.get(id));
        });
        return increments.size();
    }

    /** Buckets held in memory. */
    public int size() {
        return slots.size();
    }

    /** The start of the window that ended before the current one: rows older than it can go. */
    public long previousWindowStart() {
        return windowStart(clock.millis()) - windowMillis;
    }

    long windowStart(long millis) {
        return millis - Math.floorMod(millis, windowMillis);
    }

    private long retryAfter(long start, long now) {
        return Math.max(1, (start + windowMillis - now + 999) / 1000);
    }

    /** A bucket key that reveals neither the principal nor the address, of bounded length. */
    public static String key(String prefix, String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
