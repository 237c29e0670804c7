package org.openissuer.token.control;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.token.entity.TrustedAuthorizationServer;

/**
 * Reads the external authorization servers file. Strict like the credential configurations:
 * an unknown member is a typo that would silently weaken a security decision.
 */
public final class TrustedServersParser {

    public static final String PROPERTY = "issuer.trusted-authorization-servers";
    private static final Set<String> MEMBERS = Set.of("issuer", "jwks_uri", "jwks_file", "audience", "claim_mappings");

    private TrustedServersParser() {
    }

    public static List<TrustedAuthorizationServer> parse(String json, String source, String defaultAudience) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw fail(source, "is not a JSON object: " + e.getMessage());
        }
        if (!root.keySet().equals(Set.of("authorization_servers"))
                || root.get("authorization_servers").getValueType() != JsonValue.ValueType.ARRAY) {
            throw fail(source, "must be {\"authorization_servers\": [...]} and nothing else");
        }
        List<TrustedAuthorizationServer> servers = new ArrayList<>();
        Set<String> issuers = new HashSet<>();
        for (JsonValue entry : root.getJsonArray("authorization_servers")) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw fail(source, "every authorization server must be an object");
            }
            TrustedAuthorizationServer server = server(entry.asJsonObject(), source, defaultAudience);
            if (!issuers.add(server.issuer())) {
                throw fail(source, "lists issuer " + server.issuer() + " twice");
            }
            servers.add(server);
        }
        return servers;
    }

    private static TrustedAuthorizationServer server(JsonObject json, String source, String defaultAudience) {
        Set<String> unknown = new HashSet<>(json.keySet());
        unknown.removeAll(MEMBERS);
        if (!unknown.isEmpty()) {
            throw fail(source, "unknown member(s) " + unknown + "; allowed: " + MEMBERS);
        }
        String issuer = string(json, "issuer", source).orElseThrow(() -> fail(source, "an entry lacks issuer"));
        url(issuer, source, "issuer");
        Optional<String> uri = string(json, "jwks_uri", source);
        Optional<String> file = string(json, "jwks_file", source);
        if (uri.isPresent() == file.isPresent()) {
            throw fail(source, issuer + ": give exactly one of jwks_uri and jwks_file");
        }
        uri.ifPresent(u -> url(u, source, issuer + " jwks_uri"));
        String audience = string(json, "audience", source).orElse(defaultAudience);
        return new TrustedAuthorizationServer(issuer, uri.or(() -> file), audience, mappings(json, source, issuer), false);
    }

    private static Map<String, Map<String, String>> mappings(JsonObject json, String source, String issuer) {
        Map<String, Map<String, String>> mappings = new HashMap<>();
        JsonValue value = json.get("claim_mappings");
        if (value == null) {
            return mappings;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw fail(source, issuer + ": claim_mappings must map configuration ids to {claim: token claim} objects");
        }
        value.asJsonObject().forEach((configuration, mapping) -> {
            if (mapping.getValueType() != JsonValue.ValueType.OBJECT
                    || !mapping.asJsonObject().values().stream().allMatch(JsonString.class::isInstance)) {
                throw fail(source, issuer + ": claim_mappings." + configuration + " must map claim names to token claim names");
            }
            Map<String, String> names = new HashMap<>();
            mapping.asJsonObject().forEach((claim, tokenClaim) -> names.put(claim, ((JsonString) tokenClaim).getString()));
            mappings.put(configuration, names);
        });
        return mappings;
    }

    private static Optional<String> string(JsonObject json, String name, String source) {
        JsonValue value = json.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw fail(source, name + " must be a non-empty string");
        }
        return Optional.of(s.getString());
    }

    private static void url(String value, String source, String what) {
        try {
            URI uri = new URI(value);
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw fail(source, what + " '" + value + "' must be an absolute https URL");
            }
        } catch (URISyntaxException e) {
            throw fail(source, what + " '" + value + "' is not a URL");
        }
    }

    private static ConfigurationException fail(String source, String problem) {
        return new ConfigurationException(PROPERTY, source + " " + problem);
    }
}
