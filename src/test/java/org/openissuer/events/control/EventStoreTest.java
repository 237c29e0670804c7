package org.openissuer.events.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.events.entity.Event;
import org.openissuer.events.entity.EventCursor;
import org.openissuer.events.entity.EventOrder;
import org.openissuer.events.entity.EventQuery;

class EventStoreTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T12:00:00Z");

    private static EventQuery query(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], List.of(pairs[i + 1]));
        }
        return EventQuery.parse(map);
    }

    @Test
    void readsTheNewestPageByIdWithoutASettleBound() {
        EventStore.Statement statement = EventStore.statement(query(), 101, NOW, 30);
        assertEquals("SELECT " + EventStore.COLUMNS + " FROM issuance_event ORDER BY id DESC LIMIT 101", statement.sql());
        assertTrue(statement.parameters().isEmpty());
    }

    @Test
    void holdsBackUnsettledRowsOldestFirst() {
        EventStore.Statement statement = EventStore.statement(query("order", "oldest"), 100, NOW, 30);
        assertTrue(statement.sql().contains("occurred_at <= CAST(?1 AS timestamptz)"), statement.sql());
        assertTrue(statement.sql().contains("id < COALESCE((SELECT min(id) FROM issuance_event WHERE occurred_at > "
                + "CAST(?2 AS timestamptz)), 9223372036854775807)"), statement.sql());
        assertTrue(statement.sql().endsWith("ORDER BY id ASC LIMIT 100"));
        assertEquals(List.of("2026-12-01T12:00:00Z", "2026-12-01T12:00:00Z"), statement.parameters());
    }

    @Test
    void continuesAfterTheCursorAndSkipsMonthsBeforeIt() {
        Event last = Event.fromRow(42, OffsetDateTime.parse("2026-11-30T00:00:00Z"), Map.of("event", "request_started",
                "endpoint", "credential"));
        String cursor = EventCursor.after(EventOrder.OLDEST, last).encode();
        EventStore.Statement statement = EventStore.statement(query("cursor", cursor), 10, NOW, 30);
        assertTrue(statement.sql().contains("id > 42 AND occurred_at > CAST(?1 AS timestamptz)"), statement.sql());
        assertEquals("2026-11-29T23:59:30Z", statement.parameters().get(0));
        String newest = EventCursor.after(EventOrder.NEWEST, last).encode();
        EventStore.Statement back = EventStore.statement(query("cursor", newest), 10, NOW, 30);
        assertTrue(back.sql().contains("WHERE id < 42 ORDER BY id DESC"), back.sql());
    }

    @Test
    void bindsCallersValuesAndWritesOnlyTypeConstants() {
        EventStore.Statement statement = EventStore.statement(query("type", "credential.request.failed,credential.issued",
                "subject", "x' OR '1'='1", "error_code", "invalid_proof", "since", "2026-11-01T00:00:00Z"), 10, NOW, 30);
        assertTrue(statement.sql().contains("((event = 'credential_issued') OR (event = 'request_failed' AND endpoint IN "
                + "('credential')))"), statement.sql());
        assertTrue(statement.sql().contains("subject = ?2") && statement.sql().contains("error_code = ?3"), statement.sql());
        assertFalse(statement.sql().contains("OR '1'"));
        assertEquals(List.of("2026-11-01T00:00:00Z", "x' OR '1'='1", "invalid_proof"), statement.parameters());
    }

    @Test
    void excludesTheKnownEndpointsForOther() {
        String sql = EventStore.statement(query("type", "other.request.failed"), 10, NOW, 30).sql();
        assertTrue(sql.contains("event = 'request_failed' AND endpoint NOT IN ('admin_credential_offers'"), sql);
    }

    @Test
    void turnsARowIntoAnEventWithoutNulls() {
        Object[] row = new Object[IssuanceEvent.COLUMNS.size() + 1];
        row[0] = 7L;
        row[1] = Timestamp.from(NOW.toInstant());
        set(row, "event", "credential_issued");
        set(row, "request_id", "r-1");
        set(row, "endpoint", "credential");
        set(row, "subject", "employee-4711");
        set(row, "credential_id", "c-1");
        set(row, "credential_digest", "ab");
        set(row, "holder_key_thumbprint", "t");
        set(row, "disclosed_claims", "[\"given_name\",\"address.locality\"]");
        set(row, "error_code", "never shown for this type");
        JsonObject json = EventStore.event(row).toJson();
        assertEquals("7", json.getString("id"));
        assertEquals("credential.issued", json.getString("type"));
        assertEquals("2026-12-01T12:00:00Z", json.getString("occurred_at"));
        assertEquals("employee-4711", json.getString("subject"));
        assertEquals("address.locality", json.getJsonArray("disclosed_claims").getString(1));
        assertFalse(json.containsKey("error_code"));
        assertFalse(json.containsKey("client_id"), "absent values are left out");
    }

    private static void set(Object[] row, String column, String value) {
        row[IssuanceEvent.COLUMNS.indexOf(column) + 1] = value;
    }

    @Test
    void looksCredentialsUpThroughThePartialIndexesOfTheRowsThatNameThem() {
        EventStore.Statement statement = EventStore.statement(query("credential_id", "c-1"), 10, NOW, 30);
        assertTrue(statement.sql().contains("WHERE ((credential_id = ?1 AND event = 'credential_issued') OR (credential_id = ?2"
                + " AND event IN ('credential_revoked'"), statement.sql());
        assertEquals(List.of("c-1", "c-1", "c-1"), statement.parameters());
        // every type whose rows carry a credential_id is among those rows
        for (org.openissuer.events.entity.EventType type : org.openissuer.events.entity.EventTypes.all()) {
            if (type.fields().contains("credential_id")) {
                assertTrue(EventStore.CREDENTIAL_ROWS.stream().anyMatch(rows -> rows.contains("'" + type.auditEvent() + "'")),
                        type.name());
            }
        }
    }

    @Test
    void namesTheTransactionOfDeferredTypesForTheirIndex() {
        String sql = EventStore.statement(query("type", "deferred.rejected"), 10, NOW, 30).sql();
        assertTrue(sql.contains("(event = 'deferred_rejected' AND deferred_id IS NOT NULL)"), sql);
    }
}
