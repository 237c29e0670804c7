package org.openissuer.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openissuer.status.entity.ServedList;

class StatusListResourceTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private final ServedList served = new ServedList(1, 3, "a.b.c", new byte[0], "\"abc\"", NOW.plusSeconds(100),
            NOW.plusSeconds(50), NOW);

    @Test
    void matchesEitherRepresentationsTagWeaklyOrAStar() {
        assertTrue(StatusListResource.matches("\"abc\"", served));
        assertTrue(StatusListResource.matches("W/\"abc-gzip\"", served));
        assertTrue(StatusListResource.matches("\"x\", \"abc\"", served));
        assertTrue(StatusListResource.matches("*", served));
        assertFalse(StatusListResource.matches("\"abd\"", served));
        assertFalse(StatusListResource.matches(null, served));
        assertFalse(StatusListResource.matches("abc", served));
    }

    @Test
    void gzipsOnlyWhenTheClientTakesIt() {
        assertTrue(StatusListResource.acceptsGzip("gzip"));
        assertTrue(StatusListResource.acceptsGzip("br, GZIP;q=0.5"));
        assertFalse(StatusListResource.acceptsGzip("gzip;q=0"));
        assertFalse(StatusListResource.acceptsGzip("gzip; q=0.000"));
        assertFalse(StatusListResource.acceptsGzip("deflate, br"));
        assertFalse(StatusListResource.acceptsGzip(null));
        assertFalse(StatusListResource.acceptsGzip("x-gzip2"));
    }

    @Test
    void cachesForTtlButNeverPastExp() {
        assertEquals(60, served.maxAgeSeconds(Duration.ofSeconds(60), NOW));
        assertEquals(100, served.maxAgeSeconds(Duration.ofSeconds(300), NOW));
        assertEquals(0, served.maxAgeSeconds(Duration.ofSeconds(300), NOW.plusSeconds(200)));
    }
}
