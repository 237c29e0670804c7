package org.openissuer.events.entity;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import org.openissuer.platform.Jsonp;

/**
 * One event as the organisation's systems see it: an audit row under its public type. The JSON
 * is the envelope (id, type, occurred_at, request_id, endpoint), the request's context as far as
 * the row knows it, and the type's own fields; absent values are left out, never null. Ids,
 * digests and claim names only: the trail holds no credential and no claim value.
 */
public record Event(long id, EventType type, OffsetDateTime occurredAt, Map<String, String> columns) {

    /** Members every type may carry: what the request revealed of itself (audit/entity/AuditContext). */
    public static final List<String> CONTEXT = List.of("client_address", "client_id", "principal", "subject",
            "token_id", "offer_id", "credential_configuration_id", "vct", "doctype", "format", "dialect", "deferred_id");

    public Event {
        columns = Map.copyOf(columns);
    }

    /** From an audit row's values by column name (nulls left out). */
    public static Event fromRow(long id, OffsetDateTime occurredAt, Map<String, String> columns) {
        return new Event(id, EventTypes.of(columns.get("event"), columns.get("endpoint")),
                occurredAt.withOffsetSameInstant(ZoneOffset.UTC), columns);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder()
                .add("id", Long.toString(id))
                .add("type", type.name())
                .add("occurred_at", DateTimeFormatter.ISO_INSTANT.format(occurredAt))
                .add("request_id", columns.getOrDefault("request_id", ""))
                .add("endpoint", columns.getOrDefault("endpoint", ""));
        CONTEXT.forEach(name -> add(json, name));
        type.fields().forEach(name -> add(json, name));
        return json.build();
    }

    private void add(JsonObjectBuilder json, String name) {
        String value = columns.get(name);
        if (value == null) {
            return;
        }
        if ("disclosed_claims".equals(name)) {
            json.add(name, array(value));
        } else {
            json.add(name, value);
        }
    }

    // a CHECK (V003) keeps disclosed_claims a JSON array of claim paths
    private static JsonArray array(String value) {
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(value))) {
            return reader.readArray();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return Jsonp.PROVIDER.createArrayBuilder().build();
        }
    }
}
