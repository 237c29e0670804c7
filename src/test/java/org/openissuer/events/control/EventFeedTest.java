package org.openissuer.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openissuer.events.entity.Event;
import org.openissuer.events.entity.EventCursor;
import org.openissuer.events.entity.EventOrder;
import org.openissuer.events.entity.EventPage;
import org.openissuer.events.entity.EventQuery;

class EventFeedTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    /** Answers ids from..down or up, as many as asked; remembers what it was asked. */
    private static final class FakeStore extends EventStore {
        final List<Event> rows = new ArrayList<>();
        int askedLimit;
        OffsetDateTime askedSettled;

        @Override
        public List<Event> read(EventQuery query, int limit, OffsetDateTime settledBefore, long settleSeconds) {
            askedLimit = limit;
            askedSettled = settledBefore;
            return rows.subList(0, Math.min(limit, rows.size()));
        }
    }

    private static Event event(long id) {
        return Event.fromRow(id, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC), Map.of("event", "request_started",
                "endpoint", "credential"));
    }

    private static EventFeed feed(FakeStore store) {
        return new EventFeed(store, new EventSettings(30), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static EventQuery query(String... pairs) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return EventQuery.parse(map);
    }

    @Test
    void asksOneMoreNewestFirstToKnowWhetherAPageFollows() {
        FakeStore store = new FakeStore();
        for (long id = 10; id > 0; id--) {
            store.rows.add(event(id));
        }
        EventPage page = feed(store).page(query("limit", "3"));
        assertEquals(4, store.askedLimit);
        assertEquals(List.of(10L, 9L, 8L), page.events().stream().map(Event::id).toList());
        assertEquals(8, page.next().orElseThrow().lastId());
        assertEquals(EventOrder.NEWEST, page.next().orElseThrow().order());
        assertTrue(feed(store).page(query("limit", "10")).next().isEmpty(), "the last page has no next cursor");
    }

    @Test
    void alwaysGivesAFollowerACursorAndKeepsItsPlaceWhenNothingSettled() {
        FakeStore store = new FakeStore();
        EventPage empty = feed(store).page(query("order", "oldest"));
        assertEquals(0, empty.next().orElseThrow().lastId());
        assertEquals(OffsetDateTime.parse("2026-12-01T11:59:30Z"), store.askedSettled);
        String cursor = EventCursor.after(EventOrder.OLDEST, event(41)).encode();
        assertEquals(cursor, feed(store).page(query("cursor", cursor)).next().orElseThrow().encode());
        store.rows.add(event(42));
        store.rows.add(event(43));
        EventPage page = feed(store).page(query("cursor", cursor, "limit", "2"));
        assertEquals(2, store.askedLimit);
        assertEquals(43, page.next().orElseThrow().lastId());
    }
}
