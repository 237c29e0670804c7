package org.openissuer.events.entity;

import java.util.List;
import java.util.Set;

/**
 * One public event type: its dotted name, the audit trail's {@code event} value it is made from,
 * and at which endpoints (empty: any endpoint; {@code otherEndpoints}: any endpoint no other
 * type of the same event names). {@code fields} are the members its events may carry beyond
 * the envelope and the request's context (docs/events.md has one table per type).
 */
public record EventType(String name, String auditEvent, Set<String> endpoints, boolean otherEndpoints,
        List<String> fields) {

    public EventType {
        endpoints = Set.copyOf(endpoints);
        fields = List.copyOf(fields);
    }

}
