package org.openissuer.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FixedWindowLimiterTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsTheLimitThenSaysHowLongToWaitPerKey() {
        FixedWindowLimiter limiter = new FixedWindowLimiter(3, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("alice"));
        }
        now = now.plusSeconds(20);
        assertEquals(40, limiter.acquire("alice"));
        assertEquals(0, limiter.acquire("bob"), "other keys are unaffected");
        now = now.plusSeconds(40);
        assertEquals(0, limiter.acquire("alice"), "a new window opens");
    }

    @Test
    void neverAsksForLessThanOneSecond() {
        FixedWindowLimiter limiter = new FixedWindowLimiter(1, Duration.ofSeconds(1), clock);
        limiter.acquire("k");
        now = now.plusMillis(999);
        assertTrue(limiter.acquire("k") >= 1);
    }
}
