package org.openissuer.webhooks.entity;

import java.time.format.DateTimeFormatter;

import org.openissuer.events.entity.Event;
import org.openissuer.platform.Jsonp;

/**
 * The body of a delivery, in the envelope Standard Webhooks suggests: {@code type}, {@code timestamp}
 * (when the event occurred) and {@code data}, the events API's JSON of the event (docs/events.md):
 * one schema per type, ids, digests and claim names only, never a credential or a claim value.
 */
public final class WebhookMessage {

    private WebhookMessage() {
    }

    public static String body(Event event) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("type", event.type().name())
                .add("timestamp", DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()))
                .add("data", event.toJson())
                .build().toString();
    }
}
