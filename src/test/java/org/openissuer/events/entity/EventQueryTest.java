package org.openissuer.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class EventQueryTest {

    private static Map<String, List<String>> params(String... pairs) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return map;
    }

    private static String refusal(String... pairs) {
        IssuerException refusal = assertThrows(IssuerException.class, () -> EventQuery.parse(params(pairs)));
        assertEquals(IssuerError.INVALID_REQUEST, refusal.error());
        return refusal.getMessage();
    }

    @Test
    void defaultsToTheNewestHundredOfEveryType() {
        EventQuery query = EventQuery.parse(Map.of());
        assertEquals(EventOrder.NEWEST, query.order());
        assertEquals(100, query.limit());
        assertTrue(query.types().isEmpty() && query.equal().isEmpty() && query.cursor().isEmpty());
    }

    @Test
    void parsesEveryFilter() {
        EventQuery query = EventQuery.parse(params("since", "2026-11-01T00:00:00+01:00", "until", "2026-12-01T00:00:00Z",
                "type", "credential.issued, OPENID_CREDENTIAL_FAIL", "credential_configuration_id", "IdentityCredential",
                "subject", "employee-4711", "offer_id", "o1", "credential_id", "c1", "error_code", "invalid_proof",
                "request_id", "r1", "order", "oldest", "limit", "1000"));
        assertEquals(Optional.of(OffsetDateTime.parse("2026-10-31T23:00:00Z")), query.since());
        assertEquals(Set.of("credential.issued", "credential.request.failed"),
                Set.copyOf(query.types().stream().map(EventType::name).toList()));
        assertEquals("employee-4711", query.equal().get("subject"));
        assertEquals(6, query.equal().size());
        assertEquals(EventOrder.OLDEST, query.order());
        assertEquals(1000, query.limit());
    }

    @Test
    void refusesBadTimes() {
        refusal("since", "yesterday");
        refusal("since", "2026-12-01T00:00:00");
        refusal("until", "2026-12-01");
        refusal("since", "0001-01-01T00:00:00Z");
        refusal("since", "2026-12-01T00:00:00Z".repeat(3));
        refusal("since", "2026-12-02T00:00:00Z", "until", "2026-12-01T00:00:00Z");
        refusal("since", "2026-12-01T00:00:00Z", "until", "2026-12-01T00:00:00Z");
    }

    @Test
    void refusesUnknownTypesAndTooMany() {
        assertTrue(refusal("type", "credential.exploded").contains("unknown event type"));
        refusal("type", "");
        refusal("type", "credential.issued,");
        refusal("type", String.join(",", java.util.Collections.nCopies(31, "credential.issued")));
    }

    @Test
    void refusesTooLongEmptyOrControlValues() {
        refusal("subject", "x".repeat(256));
        refusal("credential_id", "x".repeat(65));
        refusal("subject", "");
        refusal("subject", "a\u0000b");
        refusal("error_code", "a\nb");
        EventQuery.parse(params("subject", "x".repeat(255)));
    }

    @Test
    void refusesBadLimitsAndOrders() {
        refusal("limit", "0");
        refusal("limit", "1001");
        refusal("limit", "ten");
        refusal("limit", "99999999999999999999");
        refusal("order", "random");
        refusal("order", "Oldest");
    }

    @Test
    void refusesUnknownOrRepeatedParameters() {
        assertTrue(refusal("typ", "credential.issued").contains("unknown query parameter"));
        refusal("subject", "a", "subject", "b");
    }

    @Test
    void takesTheOrderFromTheCursorAndRefusesAnotherOne() {
        String oldest = EventCursor.start(EventOrder.OLDEST).encode();
        assertEquals(EventOrder.OLDEST, EventQuery.parse(params("cursor", oldest)).order());
        assertEquals(EventOrder.OLDEST, EventQuery.parse(params("cursor", oldest, "order", "oldest")).order());
        refusal("cursor", oldest, "order", "newest");
        refusal("cursor", "garbage");
    }

    @Test
    void repeatsItsFiltersInTheNextLink() {
        EventQuery query = EventQuery.parse(params("type", "OPENID_CREDENTIAL_START", "subject", "s", "limit", "5",
                "since", "2026-11-01T00:00:00Z"));
        Map<String, String> next = query.parametersWith(EventCursor.start(EventOrder.OLDEST));
        assertEquals("credential.request.started", next.get("type"));
        assertEquals("s", next.get("subject"));
        assertEquals("5", next.get("limit"));
        assertEquals("2026-11-01T00:00:00Z", next.get("since"));
        assertEquals(EventQuery.parse(params("type", next.get("type"), "subject", "s", "limit", "5",
                "since", next.get("since"))).types(), query.types());
    }
}
