package org.openissuer.ratelimit.control;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts requests per key in fixed windows. Lock-free per key; this instance's view only
 * (the limit shared by several instances comes with the rate limit issue).
 */
public final class FixedWindowLimiter {

    // Forget idle keys once the map grows, so a flood of distinct keys cannot exhaust memory
    private static final int SWEEP_THRESHOLD = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int count) {
    }

    public FixedWindowLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /** Counts one request; returns 0 when allowed, else the seconds until the window reopens. */
    public long acquire(String key) {
        long now = clock.millis();
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis);
        }
        Window window = windows.compute(key, (k, w) -> w == null || now - w.start() >= windowMillis
                ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (window.count() <= limit) {
            return 0;
        }
        return Math.max(1, (window.start() + windowMillis - now + 999) / 1000);
    }
}
