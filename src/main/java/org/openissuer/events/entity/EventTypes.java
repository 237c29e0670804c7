package org.openissuer.events.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one mapping from audit rows (event, endpoint) to public event types, and the names a
 * filter accepts. In {@code entity} so that any feature that publishes events (the events API,
 * a webhook) reads the same table without depending on another feature's control code.
 * The names are part of the API: a type is added, never renamed (docs/events.md).
 */
public final class EventTypes {

    // audit endpoint -> the prefix of its request.started / request.failed types
    private static final Map<String, String> PREFIXES = prefixes();

    static final List<String> ISSUED = List.of("credential_id", "credential_digest", "holder_key_thumbprint",
            "disclosed_claims");
    static final List<String> FAILED = List.of("error_code", "error_description");
    static final List<String> STATUS = List.of("credential_id", "reason");
    static final List<String> NOTIFIED = List.of("credential_id", "event_description");
    static final List<String> REASON = List.of("reason");

    private static final List<EventType> ALL = build();
    private static final Map<String, EventType> BY_NAME = byName();

    /**
     * MATTR's names for the credential request's lifecycle, accepted in filters; answers always
     * name the canonical type. A credential request succeeds with one credential.issued per credential.
     */
    static final Map<String, String> ALIASES = Map.of(
            "OPENID_CREDENTIAL_START", "credential.request.started",
            "OPENID_CREDENTIAL_SUCCESS", "credential.issued",
            "OPENID_CREDENTIAL_FAIL", "credential.request.failed",
            "credential.request.succeeded", "credential.issued");

    private EventTypes() {
    }

    private static Map<String, String> prefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put("credential", "credential");
        prefixes.put("deferred_credential", "deferred");
        prefixes.put("nonce", "nonce");
        prefixes.put("token", "token");
        prefixes.put("notification", "notification");
        prefixes.put("credential_offer", "offer");
        prefixes.put("admin_credential_offers", "admin.offers");
        prefixes.put("admin_credential_status", "admin.status");
        prefixes.put("admin_deferred_credentials", "admin.deferred");
        prefixes.put("admin_events", "admin.events");
        prefixes.put("admin_webhook_deliveries", "admin.webhooks");
        prefixes.put("deferred_expiry", "deferred.expiry");
        return Collections.unmodifiableMap(prefixes);
    }

    private static List<EventType> build() {
        List<EventType> types = new ArrayList<>();
        PREFIXES.forEach((endpoint, prefix) -> {
            types.add(new EventType(prefix + ".request.started", "request_started", Set.of(endpoint), false, List.of()));
            types.add(new EventType(prefix + ".request.failed", "request_failed", Set.of(endpoint), false, FAILED));
        });
        types.add(new EventType("other.request.started", "request_started", Set.of(), true, List.of()));
        types.add(new EventType("other.request.failed", "request_failed", Set.of(), true, FAILED));
        types.add(plain("credential.issued", "credential_issued", ISSUED));
        types.add(plain("credential.deferred", "credential_deferred", List.of()));
        types.add(plain("deferred.approved", "deferred_approved", List.of()));
        types.add(plain("deferred.rejected", "deferred_rejected", REASON));
        types.add(plain("deferred.expired", "deferred_expired", List.of()));
        types.add(plain("offer.created", "offer_created", List.of()));
        types.add(plain("offer.revoked", "offer_revoked", List.of()));
        types.add(plain("offer.redeemed", "offer_redeemed", List.of()));
        types.add(plain("token.issued", "token_issued", List.of()));
        types.add(plain("credential.status.revoked", "credential_revoked", STATUS));
        types.add(plain("credential.status.suspended", "credential_suspended", STATUS));
        types.add(plain("credential.status.reinstated", "credential_reinstated", STATUS));
        types.add(plain("credential.notification.accepted", "credential_accepted", NOTIFIED));
        types.add(plain("credential.notification.failure", "credential_failure", NOTIFIED));
        types.add(plain("credential.notification.deleted", "credential_deleted", NOTIFIED));
        return List.copyOf(types);
    }

    private static EventType plain(String name, String event, List<String> fields) {
        return new EventType(name, event, Set.of(), false, fields);
    }

    private static Map<String, EventType> byName() {
        Map<String, EventType> names = new LinkedHashMap<>();
        ALL.forEach(type -> names.put(type.name(), type));
        return Collections.unmodifiableMap(names);
    }

    /** Every type, in the order docs/events.md lists them. */
    public static List<EventType> all() {
        return ALL;
    }

    /** The type of an audit row; a row of an event this version does not know becomes other.<event>. */
    public static EventType of(String auditEvent, String endpoint) {
        EventType fallback = null;
        for (EventType type : ALL) {
            if (!type.auditEvent().equals(auditEvent)) {
                continue;
            }
            if (type.endpoints().contains(endpoint) || type.endpoints().isEmpty() && !type.otherEndpoints()) {
                return type;
            }
            if (type.otherEndpoints()) {
                fallback = type;
            }
        }
        if (fallback != null) {
            return fallback;
        }
        return new EventType("other." + auditEvent.toLowerCase(Locale.ROOT).replace('_', '.'), auditEvent, Set.of(),
                false, List.of());
    }

    /** A type by its canonical name or one of the aliases; empty for a name no type has. */
    public static Optional<EventType> named(String name) {
        return Optional.ofNullable(BY_NAME.get(ALIASES.getOrDefault(name, name)));
    }

    /** The audit endpoints a type's endpoint-bound siblings name: what other.* excludes. */
    public static Set<String> knownEndpoints() {
        return PREFIXES.keySet();
    }
}
