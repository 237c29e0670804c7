package org.openissuer.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class EventCursorTest {

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripsTheOrderTheIdAndTheTime() {
        Event last = Event.fromRow(4711, OffsetDateTime.parse("2026-12-01T10:00:00.123456Z"),
                Map.of("event", "credential_issued", "endpoint", "credential"));
        EventCursor cursor = EventCursor.after(EventOrder.OLDEST, last);
        EventCursor parsed = EventCursor.parse(cursor.encode());
        assertEquals(cursor, parsed);
        assertEquals(4711, parsed.lastId());
        assertEquals(Optional.of(1_796_119_200_123_456L), parsed.lastMicros());
        assertEquals(EventOrder.NEWEST, EventCursor.parse(EventCursor.after(EventOrder.NEWEST, last).encode()).order());
    }

    @Test
    void startsOldestFirstBeforeTheFirstId() {
        EventCursor start = EventCursor.parse(EventCursor.start(EventOrder.OLDEST).encode());
        assertEquals(0, start.lastId());
        assertEquals(Optional.empty(), start.lastMicros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "v1.o.12", "not base64!", "djEuby4=", "djEueC4xMg", "djEuby4tMTI", "djEuby4wMTI"})
    void refusesWhatItDidNotHandOut(String cursor) {
        IssuerException refusal = assertThrows(IssuerException.class, () -> EventCursor.parse(cursor));
        assertEquals(IssuerError.INVALID_REQUEST, refusal.error());
    }

    @Test
    void refusesOverlongOrOverflowingCursors() {
        assertThrows(IssuerException.class, () -> EventCursor.parse(b64("v1.o.99999999999999999999")));
        assertThrows(IssuerException.class, () -> EventCursor.parse(b64("v1.o.9999999999999999999")));
        assertThrows(IssuerException.class, () -> EventCursor.parse("A".repeat(EventCursor.MAX_LENGTH + 1)));
        assertThrows(IssuerException.class, () -> EventCursor.parse(b64("v1.o.1.99999999999999999999")));
        assertThrows(IssuerException.class, () -> EventCursor.parse(b64("v1.o.1\n")));
        assertEquals(9_223_372_036_854_775_807L, EventCursor.parse(b64("v1.n.9223372036854775807")).lastId());
    }
}
