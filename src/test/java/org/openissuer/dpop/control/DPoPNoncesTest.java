package org.openissuer.dpop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class DPoPNoncesTest {

    private static final byte[] SECRET = DPoPNonces.secretFrom("shared key".getBytes(StandardCharsets.US_ASCII));
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static DPoPNonces at(Instant now) {
        return new DPoPNonces(SECRET, 120, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void everyInstanceWithTheSameKeyDerivesTheSameNonce() {
        assertEquals(at(T0).current(), at(T0.plusSeconds(30)).current());
        assertTrue(at(T0.plusSeconds(60)).isValid(at(T0).current()));
    }

    @Test
    void nonceStaysValidForTheNextSlotThenExpires() {
        String nonce = at(T0).current();
        assertTrue(at(T0.plusSeconds(120)).isValid(nonce));
        assertFalse(at(T0.plusSeconds(240)).isValid(nonce));
        assertNotEquals(nonce, at(T0.plusSeconds(120)).current());
    }

    @Test
    void anotherKeyGivesOtherNonces() {
        DPoPNonces other = new DPoPNonces(DPoPNonces.secretFrom("other".getBytes(StandardCharsets.US_ASCII)), 120,
                Clock.fixed(T0, ZoneOffset.UTC));
        assertFalse(other.isValid(at(T0).current()));
        assertFalse(at(T0).isValid("guess"));
    }

    @Test
    void nonceHasAtLeast128Bits() {
        assertTrue(at(T0).current().length() >= 22);
    }
}
