package org.openissuer.metadata.control;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.configuration.CredentialConfiguration;

/**
 * The configuration members pre-1.0 wallets read, published beside the 1.0 ones. 1.0 §12.2.4
 * moved display and claims under credential_metadata; drafts 13 and 15 (§11.2.3, Appendix A.3.2)
 * read them at the top of each configuration. 1.0 wallets ignore them (§12.2.4: unknown
 * parameters are ignored). format, scope, vct, cryptographic_binding_methods_supported,
 * credential_signing_alg_values_supported and proof_types_supported {jwt: {...}} have the same
 * shape in all three, so only display, claims and draft 13's order are added.
 */
public final class LegacyMetadata {

    /** Drafts 13 and 15 both say {@code claims}, in two shapes; one document can carry only one. */
    public enum ClaimsShape {
        /** Draft 13 Appendix A.3.2: an object keyed by claim name, nested like the credential, plus order. */
        DRAFT_13,
        /** Draft 15 Appendix A.3.2: the claims description array (path, mandatory, display), as in 1.0. */
        DRAFT_15
    }

    private LegacyMetadata() {
    }

    /** The document with the legacy members added to every configuration it lists. */
    public static JsonObject extend(JsonObject metadata, Collection<CredentialConfiguration> configurations,
            ClaimsShape shape) {
        JsonObject supported = metadata.getJsonObject("credential_configurations_supported");
        JsonObjectBuilder extended = Json.createObjectBuilder();
        for (CredentialConfiguration config : configurations) {
            extended.add(config.id(), extend(supported.getJsonObject(config.id()), config, shape));
        }
        return Json.createObjectBuilder(metadata).add("credential_configurations_supported", extended).build();
    }

    private static JsonObject extend(JsonObject published, CredentialConfiguration config, ClaimsShape shape) {
        JsonObjectBuilder json = Json.createObjectBuilder(published);
        JsonObject credentialMetadata = published.getJsonObject("credential_metadata");
        if (credentialMetadata == null) {
            return json.build();
        }
        if (credentialMetadata.containsKey("display")) {
            json.add("display", credentialMetadata.get("display"));
        }
        if (credentialMetadata.containsKey("claims")) {
            if (shape == ClaimsShape.DRAFT_15) {
                json.add("claims", credentialMetadata.get("claims"));
            } else {
                json.add("claims", draft13Claims(config.claims()));
                json.add("order", config.isMdoc() ? mdocOrder(config.claims()) : order(config.claims()));
            }
        }
        return json.build();
    }

    // draft 13 Appendix A.3.2: {"address": {"display": [...], "locality": {...}}}; a name per path segment
    static JsonObject draft13Claims(List<ClaimDefinition> claims) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (ClaimDefinition claim : claims) {
            if (claim.path().stream().allMatch(String.class::isInstance)) {
                place(root, claim, 0);
            }
            // array segments (null, index) have no name to key an object by: left to credential_metadata
        }
        return toJson(root);
    }

    @SuppressWarnings("unchecked")
    private static void place(Map<String, Object> node, ClaimDefinition claim, int depth) {
        String name = (String) claim.path().get(depth);
        Map<String, Object> child = (Map<String, Object>) node.computeIfAbsent(name,
                k -> new LinkedHashMap<String, Object>());
        if (depth + 1 < claim.path().size()) {
            place(child, claim, depth + 1);
            return;
        }
        if (claim.mandatory()) {
            child.put("mandatory", Boolean.TRUE);
        }
        if (!claim.display().isEmpty()) {
            child.put("display", claim.display());
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonObject toJson(Map<String, Object> node) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        node.forEach((name, value) -> {
            if (value instanceof Map<?, ?> child) {
                json.add(name, toJson((Map<String, Object>) child));
            } else if (value instanceof Boolean b) {
                json.add(name, b);
            } else {
                json.add(name, (JsonValue) value);
            }
        });
        return json.build();
    }

    // draft 13 Appendix A.2.2 order: "namespace~element" in display order
    private static JsonArrayBuilder mdocOrder(List<ClaimDefinition> claims) {
        JsonArrayBuilder order = Json.createArrayBuilder();
        claims.forEach(c -> order.add(c.path().get(0) + "~" + c.name()));
        return order;
    }

    // draft 13 Appendix A.3.2 order: the top-level claim names in display order
    private static JsonArrayBuilder order(List<ClaimDefinition> claims) {
        JsonArrayBuilder order = Json.createArrayBuilder();
        claims.stream().filter(ClaimDefinition::isTopLevel).filter(c -> c.path().get(0) instanceof String)
                .map(ClaimDefinition::name).distinct().forEach(order::add);
        return order;
    }
}
