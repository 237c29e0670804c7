package org.openissuer.webhooks.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerException;

class DeliveryQueryTest {

    @Test
    void readsEveryFilter() {
        DeliveryQuery query = DeliveryQuery.parse(Map.of("subscription", List.of("crm"), "state", List.of("failed"),
                "event_id", List.of("42"), "subject", List.of("employee-1"), "limit", List.of("5"), "cursor", List.of("99")));
        assertEquals(new DeliveryQuery(Optional.of("crm"), Optional.of(DeliveryState.FAILED), Optional.of(42L),
                Optional.of("employee-1"), 5, Optional.of(99L)), query);
        assertEquals(DeliveryQuery.DEFAULT_LIMIT, DeliveryQuery.parse(Map.of()).limit());
    }

    @Test
    void refusesWhatWouldWidenTheAnswer() {
        for (Map<String, List<String>> bad : List.of(Map.of("subscriptions", List.of("crm")),
                Map.of("state", List.of("done")), Map.of("limit", List.of("0")), Map.of("limit", List.of("1001")),
                Map.of("event_id", List.of("-1")), Map.of("cursor", List.of("99999999999999999999")),
                Map.of("subject", List.of("a", "b")), Map.of("subject", List.of("a\nb")))) {
            assertThrows(IssuerException.class, () -> DeliveryQuery.parse(bad), bad.toString());
        }
    }
}
