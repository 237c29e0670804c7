package org.openissuer.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void doublesFromTheInitialIntervalUpToTheLongest() {
        List<Long> seconds = IntStream.rangeClosed(1, 12).mapToObj(backoff::interval).map(Duration::toSeconds).toList();
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 640L, 1280L, 2560L, 3600L, 3600L), seconds);
        assertEquals(Duration.ofHours(1), backoff.interval(Integer.MAX_VALUE));
    }

    @Test
    void jittersBetweenHalfAndAllOfTheInterval() {
        assertEquals(Duration.ofMillis(10_000), backoff.delay(3, () -> 0.0));
        assertEquals(Duration.ofMillis(19_999), backoff.delay(3, () -> 0.99995));
        assertEquals(Duration.ofMillis(15_000), backoff.delay(3, () -> 0.5));
    }

    @Test
    void retriesForTheConfiguredTimeOnly() {
        assertTrue(backoff.within(Duration.ofHours(24)));
        assertFalse(backoff.within(Duration.ofHours(24).plusMillis(1)));
        // about 32 attempts in the first day: 5 s doubling to the hour, then hourly
        long total = 0;
        int attempts = 0;
        while (backoff.within(Duration.ofSeconds(total))) {
            total += backoff.interval(++attempts).toSeconds();
        }
        assertTrue(attempts > 25 && attempts < 35, "attempts in a day: " + attempts);
    }
}
