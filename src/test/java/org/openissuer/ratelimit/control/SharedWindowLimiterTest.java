package org.openissuer.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.openissuer.ratelimit.entity.BucketId;
import org.openissuer.testsupport.HandClock;

class SharedWindowLimiterTest {

    private static final Duration MINUTE = Duration.ofSeconds(60);

    /** The database's part, in memory: sums increments, answers totals. */
    static final class FakeStore implements BucketStore {
        final Map<BucketId, Long> totals = new HashMap<>();
        int exchanges;

        @Override
        public synchronized Map<BucketId, Long> exchange(SortedMap<BucketId, Long> increments) {
            exchanges++;
            Map<BucketId, Long> answer = new HashMap<>();
            increments.forEach((id, hits) -> answer.put(id, totals.merge(id, hits, Long::sum)));
            return answer;
        }
    }

    private final HandClock clock = new HandClock();

    @Test
    void admitsUpToTheLimitThenRefusesWithTheSecondsUntilTheWindowReopens() {
        SharedWindowLimiter limiter = new SharedWindowLimiter(MINUTE, 1_000, clock);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("k", 3));
        }
        clock.millis += 20_500;
        assertEquals(40, limiter.acquire("k", 3), "39.5 s left, rounded up");
        assertEquals(0, limiter.acquire("other", 3), "other keys are counted apart");
    }

    @Test
    void aNewWindowStartsFromZero() {
        SharedWindowLimiter limiter = new SharedWindowLimiter(MINUTE, 1_000, clock);
        assertEquals(0, limiter.acquire("k", 1));
        clock.millis += 59_999;
        assertEquals(1, limiter.acquire("k", 1));
        clock.millis += 1;
        assertEquals(0, limiter.acquire("k", 1));
    }

    @Test
    void decidesOnTheGlobalTotalAtTheLastSyncPlusLocalHitsSince() {
        FakeStore store = new FakeStore();
        SharedWindowLimiter a = new SharedWindowLimiter(MINUTE, 1_000, clock);
        SharedWindowLimiter b = new SharedWindowLimiter(MINUTE, 1_000, clock);
        for (int i = 0; i < 6; i++) {
            assertEquals(0, a.acquire("k", 10));
        }
        a.sync(store);
        assertEquals(0, b.acquire("k", 10), "b has not seen a's hits yet");
        b.sync(store);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.acquire("k", 10), "6 of a + 1 + 3 of b");
        }
        assertTrue(b.acquire("k", 10) > 0);
        a.sync(store);
        assertEquals(0, a.acquire("k", 10), "a knows the total 7, not b's 3 unsynced hits: the bounded over-admission");
        b.sync(store);
        a.sync(store);
        assertTrue(a.acquire("k", 10) > 0);
        assertTrue(b.acquire("k", 10) > 0);
        assertEquals(11, store.totals.values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void aFailedSyncKeepsTheIncrementsForTheNextOne() {
        FakeStore store = new FakeStore();
        SharedWindowLimiter limiter = new SharedWindowLimiter(MINUTE, 1_000, clock);
        limiter.acquire("k", 10);
        limiter.acquire("k", 10);
        assertThrows(IllegalStateException.class, () -> limiter.sync(increments -> {
            throw new IllegalStateException("database down");
        }));
        limiter.acquire("k", 10);
        limiter.sync(store);
        assertEquals(3, store.totals.values().iterator().next());
        assertEquals(0, limiter.acquire("k", 4));
        assertTrue(limiter.acquire("k", 4) > 0);
    }

    @Test
    void memoryIsBoundedByTheNumberOfKeys() {
        SharedWindowLimiter limiter = new SharedWindowLimiter(MINUTE, 100, clock);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.acquire("k" + i, 5));
        }
        assertTrue(limiter.acquire("one too many", 5) > 0, "a new key beyond the bound is refused, not stored");
        assertEquals(0, limiter.acquire("k1", 5), "known keys are still served");
        assertEquals(100, limiter.size());
        clock.millis += 60_000;
        assertEquals(0, limiter.acquire("fresh", 5), "ended windows make room");
        assertEquals(1, limiter.size());
    }

    @Test
    void syncForgetsEndedWindowsAndSendsNothingWhenIdle() {
        FakeStore store = new FakeStore();
        SharedWindowLimiter limiter = new SharedWindowLimiter(MINUTE, 1_000, clock);
        limiter.acquire("k", 5);
        clock.millis += 60_000;
        assertEquals(0, limiter.sync(store));
        assertEquals(0, store.exchanges);
        assertEquals(0, limiter.size());
    }

    @Test
    void keysRevealNeitherPrincipalNorAddressAndAreShort() {
        String key = SharedWindowLimiter.key("credential:per-principal:", "https://as.example " + "x".repeat(5_000));
        assertTrue(key.startsWith("credential:per-principal:"));
        assertEquals("credential:per-principal:".length() + 43, key.length());
    }
}
