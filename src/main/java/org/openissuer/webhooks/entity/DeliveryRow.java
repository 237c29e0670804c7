package org.openissuer.webhooks.entity;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.platform.Jsonp;

/** One outbox row as the back office reads it (GET /admin/webhook-deliveries): never the payload, never a secret. */
public record DeliveryRow(long id, String subscription, long eventId, String eventType, Optional<String> subject,
        String state, OffsetDateTime createdAt, int attempts, OffsetDateTime nextAttemptAt,
        Optional<OffsetDateTime> lastAttemptAt, Optional<Integer> lastStatus, Optional<String> lastError,
        Optional<OffsetDateTime> finishedAt) {

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder()
                .add("id", Long.toString(id))
                .add("subscription", subscription)
                .add("event_id", Long.toString(eventId))
                .add("event_type", eventType)
                .add("state", state)
                .add("created_at", time(createdAt))
                .add("attempts", attempts);
        subject.ifPresent(s -> json.add("subject", s));
        if ("pending".equals(state)) {
            json.add("next_attempt_at", time(nextAttemptAt));
        }
        lastAttemptAt.ifPresent(t -> json.add("last_attempt_at", time(t)));
        lastStatus.ifPresent(s -> json.add("last_status", s));
        lastError.ifPresent(e -> json.add("last_error", e));
        finishedAt.ifPresent(t -> json.add("finished_at", time(t)));
        return json.build();
    }

    private static String time(OffsetDateTime at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
