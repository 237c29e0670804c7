package org.openissuer.webhooks.entity;

import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import org.openissuer.events.entity.EventType;
import org.openissuer.events.entity.EventTypes;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.Jsonp;

/**
 * The webhook subscriptions file (docs/webhooks.md), read and strictly validated at deployment:
 * unknown members, unknown event types, a URL that is not https, a secret that is not
 * {@code whsec_...} stop it with a message that names the property, as the credential
 * configurations file does. A typo must not silently send events elsewhere, or none.
 */
public record Subscriptions(List<Subscription> all) {

    public static final String PROPERTY = "issuer.webhooks.subscriptions";
    public static final String ALL_TYPES = "*";
    static final int MAX_SUBSCRIPTIONS = 50;
    private static final Set<String> FILE_MEMBERS = Set.of("subscriptions");
    private static final Set<String> MEMBERS = Set.of("id", "url", "secret", "event_types", "subject_prefix",
            "credential_configuration_ids");

    public Subscriptions {
        all = List.copyOf(all);
    }

    public static Subscriptions none() {
        return new Subscriptions(List.of());
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public Optional<Subscription> byId(String id) {
        return all.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public static Subscriptions parse(String json, String source) {
        JsonObject root = object(json, source);
        onlyKnown(root, FILE_MEMBERS, source, "the file");
        if (!(root.get("subscriptions") instanceof JsonArray array) || array.isEmpty()) {
            throw fail(source, "needs a non-empty array 'subscriptions' (leave " + PROPERTY + " unset for no webhooks)");
        }
        if (array.size() > MAX_SUBSCRIPTIONS) {
            throw fail(source, "has " + array.size() + " subscriptions, at most " + MAX_SUBSCRIPTIONS);
        }
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof JsonObject entry)) {
                throw fail(source, "subscriptions[" + i + "] is not an object");
            }
            Subscription subscription = subscription(entry, source, "subscriptions[" + i + "]");
            if (!ids.add(subscription.id())) {
                throw fail(source, "has two subscriptions with id '" + subscription.id() + "'");
            }
            subscriptions.add(subscription);
        }
        return new Subscriptions(subscriptions);
    }

    private static Subscription subscription(JsonObject entry, String source, String where) {
        onlyKnown(entry, MEMBERS, source, where);
        String id = string(entry, "id", source, where).orElseThrow(() -> fail(source, where + " needs an 'id'"));
        if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw fail(source, where + ".id must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        String at = "subscription '" + id + "'";
        URI url;
        WebhookSecret secret;
        try {
            url = TargetUrl.parse(string(entry, "url", source, at).orElseThrow(() -> fail(source, at + " needs a 'url'")));
        } catch (IllegalArgumentException e) {
            throw fail(source, at + ": url " + e.getMessage());
        }
        try {
            secret = WebhookSecret.parse(string(entry, "secret", source, at)
                    .orElseThrow(() -> fail(source, at + " needs a 'secret'")));
        } catch (IllegalArgumentException e) {
            // the message never repeats the secret
            throw fail(source, at + ": secret " + e.getMessage());
        }
        Set<String> types = strings(entry, "event_types", source, at)
                .orElseThrow(() -> fail(source, at + " needs 'event_types': type names (docs/events.md) or [\"*\"]"));
        boolean allTypes = types.contains(ALL_TYPES);
        if (allTypes && types.size() > 1) {
            throw fail(source, at + ": event_types is either [\"*\"] or a list of types");
        }
        Set<String> canonical = new LinkedHashSet<>();
        if (!allTypes) {
            for (String type : types) {
                canonical.add(EventTypes.named(type).map(EventType::name)
                        .orElseThrow(() -> fail(source, at + ": unknown event type '" + type + "' (docs/events.md)")));
            }
        }
        Optional<String> prefix = string(entry, "subject_prefix", source, at);
        if (prefix.isPresent() && (prefix.get().isEmpty() || prefix.get().length() > 255)) {
            throw fail(source, at + ": subject_prefix must be 1 to 255 characters");
        }
        Set<String> configurations = strings(entry, "credential_configuration_ids", source, at).orElse(Set.of());
        return new Subscription(id, url, secret, allTypes, canonical, prefix, configurations);
    }

    private static JsonObject object(String json, String source) {
        // a parser rather than a JsonReader: readObject() ignores whatever follows the object
        try (JsonParser parser = Jsonp.PROVIDER.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw fail(source, "is not a JSON object");
            }
            JsonObject root = parser.getObject();
            if (parser.hasNext()) {
                throw fail(source, "is not a JSON object: content follows its closing brace");
            }
            return root;
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw fail(source, "is not a JSON object: " + e.getMessage());
        }
    }

    private static void onlyKnown(JsonObject object, Set<String> known, String source, String where) {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw fail(source, where + " has an unknown member '" + name + "' (known: " + known.stream().sorted().toList() + ")");
            }
        }
    }

    private static Optional<String> string(JsonObject object, String name, String source, String where) {
        JsonValue value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString text)) {
            throw fail(source, where + ": '" + name + "' must be a string");
        }
        return Optional.of(text.getString());
    }

    private static Optional<Set<String>> strings(JsonObject object, String name, String source, String where) {
        JsonValue value = object.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw fail(source, where + ": '" + name + "' must be a non-empty array of strings");
        }
        Set<String> values = new LinkedHashSet<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString text) || text.getString().isEmpty()) {
                throw fail(source, where + ": '" + name + "' must be a non-empty array of strings");
            }
            values.add(text.getString());
        }
        return Optional.of(values);
    }

    private static ConfigurationException fail(String source, String problem) {
        return new ConfigurationException(PROPERTY, source + " " + problem);
    }
}
