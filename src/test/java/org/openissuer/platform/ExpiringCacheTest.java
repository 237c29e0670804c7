package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.openissuer.testsupport.HandClock;

class ExpiringCacheTest {

    private final HandClock clock = new HandClock();

    @Test
    void anEntryLapsesAtItsOwnInstant() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        cache.put("token", "verified", clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of("verified"), cache.get("token"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), cache.get("token"), "at its exp a token must be verified again");
        assertEquals(0, cache.size());
    }

    @Test
    void aValueThatHasLapsedAlreadyIsNotKept() {
        ExpiringCache<String, String> cache = new ExpiringCache<>(10, clock);
        cache.put("expired", "x", clock.instant());

        assertEquals(Optional.empty(), cache.get("expired"));
        assertEquals(0, cache.size());
    }

    @Test
    void neverHoldsMoreThanItsBoundAndDropsLapsedEntriesFirst() {
        ExpiringCache<Integer, Integer> cache = new ExpiringCache<>(100, clock);
        cache.put(-1, -1, clock.instant().plusSeconds(1));
        for (int i = 0; i < 99; i++) {
            cache.put(i, i, clock.instant().plusSeconds(3600));
        }
        clock.advance(Duration.ofSeconds(2));
        for (int i = 99; i < 1_000; i++) {
            cache.put(i, i, clock.instant().plusSeconds(3600));
            assertTrue(cache.size() <= 100, "size " + cache.size());
        }
        assertEquals(Optional.of(999), cache.get(999), "the newest entry is always kept");
        assertEquals(Optional.empty(), cache.get(-1));
    }
}
