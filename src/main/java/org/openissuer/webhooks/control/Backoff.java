package org.openissuer.webhooks.control;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential backoff (initial, doubled per attempt, capped
 * at maxInterval) with "equal jitter" (a random point in the upper half of the interval), so that
 * receivers coming back after an outage are not hit by every instance's retries at the same
 * instant, yet no retry comes sooner than half its interval. A delivery is given up (failed) once
 * the next attempt would fall later than {@code retryFor} after the event.
 */
public record Backoff(Duration initial, Duration maxInterval, Duration retryFor) {

    /** The wait after the {@code attempts}-th failed attempt (1 for the first), before jitter. */
    public Duration interval(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 40));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < maxInterval.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxInterval.toMillis()));
    }

    /** The jittered wait: between half the interval and the whole of it; {@code random} gives [0, 1). */
    public Duration delay(int attempts, DoubleSupplier random) {
        long interval = interval(attempts).toMillis();
        long half = interval / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (interval - half)));
    }

    /** Whether an attempt {@code after} the event's creation is still within the retry time. */
    public boolean within(Duration after) {
        return after.compareTo(retryFor) <= 0;
    }
}
