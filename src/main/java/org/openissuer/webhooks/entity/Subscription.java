package org.openissuer.webhooks.entity;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

import org.openissuer.events.entity.Event;

/**
 * One receiver of webhooks: where, with which secret, and which events. An event is sent when its
 * type is among {@code eventTypes} (or all types), its subject starts with {@code subjectPrefix}
 * (when given; an event without a subject then never matches) and its configuration is among
 * {@code configurationIds} (when given; likewise).
 */
public record Subscription(String id, URI url, WebhookSecret secret, boolean allTypes, Set<String> eventTypes,
        Optional<String> subjectPrefix, Set<String> configurationIds) {

    public Subscription {
        eventTypes = Set.copyOf(eventTypes);
        configurationIds = Set.copyOf(configurationIds);
    }

    public boolean matches(Event event) {
        if (!allTypes && !eventTypes.contains(event.type().name())) {
            return false;
        }
        if (subjectPrefix.isPresent()) {
            String subject = event.columns().get("subject");
            if (subject == null || !subject.startsWith(subjectPrefix.get())) {
                return false;
            }
        }
        return configurationIds.isEmpty() || configurationIds.contains(event.columns().get("credential_configuration_id"));
    }
}
