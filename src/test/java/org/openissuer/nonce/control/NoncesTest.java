package org.openissuer.nonce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NoncesTest {

    private final Nonces nonces = new Nonces(Clock.systemUTC(), new TestSettings());

    @Test
    void valueIs43CharactersOfBase64urlWithoutPadding() {
        String value = nonces.newValue();

        assertEquals(43, value.length());
        assertTrue(value.matches("[A-Za-z0-9_-]{43}"), value);
    }

    @Test
    void valueDecodesTo32RandomBytes() {
        assertEquals(32, Base64.getUrlDecoder().decode(nonces.newValue()).length);
    }

    @Test
    void tenThousandValuesAreAllDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String value = nonces.newValue();
            assertTrue(value.matches("[A-Za-z0-9_-]{43}"), value);
            assertTrue(seen.add(value), "repeated nonce " + value);
        }
    }

    @Test
    void twoInstancesDoNotShareASequence() {
        assertNotEquals(nonces.newValue(), new Nonces(Clock.systemUTC(), new TestSettings()).newValue());
    }
}
