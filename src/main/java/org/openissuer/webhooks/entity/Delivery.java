package org.openissuer.webhooks.entity;

/**
 * A claimed outbox row, as a sender needs it: the row, its subscription, the event's id (the
 * {@code webhook-id}) and the exact body to send. {@code attempts} counts the attempts made before this one.
 */
public record Delivery(long id, String subscription, long eventId, String eventType, String payload, int attempts) {

    /** Standard Webhooks' webhook-id: the events API id, the same on every attempt and every instance. */
    public String webhookId() {
        return Long.toString(eventId);
    }
}
