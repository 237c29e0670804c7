package org.openissuer.configuration;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.platform.ConfigurationException;

/**
 * Reads and strictly validates the credential configurations file. Unknown members are
 * refused so that a typo fails the deployment instead of silently issuing the wrong thing.
 */
public final class CredentialConfigurationParser {

    public static final String PROPERTY = "issuer.credential-configurations";

    private static final Set<String> FILE_MEMBERS = Set.of("display", "credential_configurations");
    private static final Set<String> CONFIGURATION_MEMBERS = Set.of("format", "scope", "vct", "validity",
            "credential_profile", "proof_signing_alg_values_supported", "display", "claims", "status_list");
    // OID4VCI 1.0 Appendix A.2.2: an mdoc is named by doctype; its issuer signs with COSE algorithms
    private static final Set<String> MDOC_CONFIGURATION_MEMBERS = Set.of("format", "scope", "doctype", "validity",
            "proof_signing_alg_values_supported", "credential_signing_alg_values_supported", "display", "claims",
            "status_list");
    private static final Set<String> CLAIM_MEMBERS = Set.of("path", "mandatory", "selectively_disclosable", "display");
    // every mdoc element is disclosed on its own (ISO 18013-5 §8.3.2.1.2.2), so no selectively_disclosable
    private static final Set<String> MDOC_CLAIM_MEMBERS = Set.of("path", "mandatory", "display", "value_type");
    /** RFC 9053 §2.1: ES256, the only algorithm the issuer signs with. */
    public static final int COSE_ES256 = -7;
    private static final Set<String> ASYMMETRIC_ALGS = Set.of("ES256", "ES384", "ES512", "EdDSA", "Ed25519",
            "PS256", "PS384", "PS512", "RS256", "RS384", "RS512");
    // SD-JWT VC §3.2.2.2 / RFC 9901 §3.1: set by the issuer, never taken from subject data
    // RFC 7519 §4.1: sub, aud and jti are registered too; the SD-JWT VC issuer refuses them as subject data
    private static final Set<String> RESERVED_CLAIMS = Set.of("iss", "sub", "aud", "jti", "nbf", "exp", "iat", "cnf",
            "vct", "vct#integrity", "status", "_sd", "_sd_alg", "...");

    private final String source;

    private CredentialConfigurationParser(String source) {
        this.source = source;
    }

    public record Parsed(JsonArray issuerDisplay, Map<String, CredentialConfiguration> configurations) {
    }

    public static Parsed parse(String json, String source) {
        return new CredentialConfigurationParser(source).parse(json);
    }

    private Parsed parse(String json) {
        JsonObject root;
        // A parser rather than a JsonReader: readObject() ignores whatever follows the object
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw fail("is not a JSON object");
            }
            root = parser.getObject();
            if (parser.hasNext()) {
                throw fail("is not a JSON object: content follows its closing brace");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw fail("is not a JSON object: " + e.getMessage());
        }
        onlyKnown(root, FILE_MEMBERS, "the file");
        JsonArray display = displayArray(root, "display", "the file", true);
        JsonValue configs = root.get("credential_configurations");
        if (!(configs instanceof JsonObject configObject) || configObject.isEmpty()) {
            throw fail("needs a non-empty object 'credential_configurations'");
        }
        Map<String, CredentialConfiguration> result = new LinkedHashMap<>();
        Set<String> scopes = new HashSet<>();
        for (Map.Entry<String, JsonValue> entry : configObject.entrySet()) {
            String id = entry.getKey();
            if (id.isBlank()) {
                throw fail("a credential configuration id is empty");
            }
            if (!(entry.getValue() instanceof JsonObject config)) {
                throw fail("credential configuration '" + id + "' is not an object");
            }
            CredentialConfiguration parsed = configuration(id, config);
            if (!scopes.add(parsed.scope())) {
                throw fail("scope '" + parsed.scope() + "' is used by two credential configurations");
            }
            result.put(id, parsed);
        }
        return new Parsed(display, result);
    }

    private CredentialConfiguration configuration(String id, JsonObject config) {
        String where = "credential configuration '" + id + "'";
        String format = requiredString(config, "format", where);
        if (CredentialConfiguration.FORMAT_MSO_MDOC.equals(format)) {
            return mdocConfiguration(id, config, where);
        }
        if (!CredentialConfiguration.FORMAT_SD_JWT_VC.equals(format)) {
            throw fail(where + ": format '" + format + "' is not supported (dc+sd-jwt or mso_mdoc)");
        }
        onlyKnown(config, CONFIGURATION_MEMBERS, where);
        String scope = scope(config, where);
        String vct = requiredString(config, "vct", where);
        Duration validity = validity(config, where);
        Optional<String> profile = config.containsKey("credential_profile")
                ? Optional.of(requiredString(config, "credential_profile", where)) : Optional.empty();
        List<String> algs = proofAlgorithms(config, where);
        JsonArray display = displayArray(config, "display", where, true);
        List<ClaimDefinition> claims = claims(config, where, false);
        // false: the credentials carry no status claim and rely on exp alone
        boolean statusList = bool(config, "status_list", true, where);
        return new CredentialConfiguration(id, format, scope, vct, validity, profile, algs, display, claims, statusList);
    }

    private CredentialConfiguration mdocConfiguration(String id, JsonObject config, String where) {
        onlyKnown(config, MDOC_CONFIGURATION_MEMBERS, where);
        String scope = scope(config, where);
        String doctype = requiredString(config, "doctype", where);
        if (config.containsKey("credential_signing_alg_values_supported")) {
            JsonArray algs = array(config, "credential_signing_alg_values_supported", where);
            // OID4VCI 1.0 Appendix A.2.2: numeric COSE algorithm identifiers; the issuer key is P-256
            if (algs.size() != 1 || !(algs.get(0) instanceof JsonNumber n) || !n.isIntegral() || n.intValue() != COSE_ES256) {
                throw fail(where + ": credential_signing_alg_values_supported must be [-7] (ES256), the algorithm the issuer signs with");
            }
        }
        List<ClaimDefinition> claims = claims(config, where, true);
        return new CredentialConfiguration(id, CredentialConfiguration.FORMAT_MSO_MDOC, scope, null, validity(config, where),
                Optional.empty(), proofAlgorithms(config, where), displayArray(config, "display", where, true), claims,
                bool(config, "status_list", true, where), Optional.of(doctype));
    }

    private String scope(JsonObject config, String where) {
        String scope = requiredString(config, "scope", where);
        if (!scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
            throw fail(where + ": scope '" + scope + "' is not a valid OAuth scope token (RFC 6749 §3.3)");
        }
        return scope;
    }

    private Duration validity(JsonObject config, String where) {
        if (!config.containsKey("validity")) {
            return Duration.ofDays(365);
        }
        String text = requiredString(config, "validity", where);
        try {
            Duration validity = Duration.parse(text);
            if (validity.isNegative() || validity.isZero()) {
                throw fail(where + ": validity must be positive");
            }
            return validity;
        } catch (DateTimeParseException e) {
            throw fail(where + ": validity '" + text + "' is not an ISO-8601 duration such as P365D");
        }
    }

    private List<String> proofAlgorithms(JsonObject config, String where) {
        if (!config.containsKey("proof_signing_alg_values_supported")) {
            return List.of("ES256");
        }
        List<String> algs = new ArrayList<>();
        for (JsonValue value : array(config, "proof_signing_alg_values_supported", where)) {
            String alg = value instanceof JsonString s ? s.getString() : "";
            // OID4VCI 1.0 Appendix F.1: proofs are signed with an asymmetric algorithm, never none or MAC
            if (!ASYMMETRIC_ALGS.contains(alg)) {
                throw fail(where + ": proof_signing_alg_values_supported holds '" + value + "', not an asymmetric JWS algorithm");
            }
            algs.add(alg);
        }
        if (algs.isEmpty()) {
            throw fail(where + ": proof_signing_alg_values_supported is empty");
        }
        return algs;
    }

    private List<ClaimDefinition> claims(JsonObject config, String where, boolean mdoc) {
        if (!config.containsKey("claims")) {
            return List.of();
        }
        List<ClaimDefinition> claims = new ArrayList<>();
        Set<List<Object>> paths = new HashSet<>();
        for (JsonValue value : array(config, "claims", where)) {
            if (!(value instanceof JsonObject claim)) {
                throw fail(where + ": every entry of claims must be an object");
            }
            String label = where + ", claim " + claim.get("path");
            onlyKnown(claim, mdoc ? MDOC_CLAIM_MEMBERS : CLAIM_MEMBERS, label);
            ClaimDefinition definition = mdoc ? element(claim, where, label) : new ClaimDefinition(path(claim, where),
                    bool(claim, "mandatory", false, where), bool(claim, "selectively_disclosable", true, where),
                    displayArray(claim, "display", label, false));
            if (!paths.add(definition.path())) {
                throw fail(label + " is declared twice");
            }
            if (mdoc) {
                claims.add(definition);
                continue;
            }
            if (definition.isTopLevel() && RESERVED_CLAIMS.contains(definition.name())) {
                throw fail(label + ": '" + definition.name() + "' is set by the issuer and cannot be a subject claim");
            }
            if (!definition.isTopLevel() && !paths.contains(definition.path().subList(0, definition.path().size() - 1))) {
                throw fail(label + ": its parent " + definition.path().subList(0, definition.path().size() - 1)
                        + " must be declared before it");
            }
            claims.add(definition);
        }
        return claims;
    }

    // OID4VCI 1.0 Appendix A.2.2: an mdoc claim's path is [namespace, element identifier]
    private ClaimDefinition element(JsonObject claim, String where, String label) {
        List<Object> path = path(claim, where);
        if (path.size() != 2 || !(path.get(1) instanceof String element) || element.isEmpty() || ((String) path.get(0)).isEmpty()) {
            throw fail(label + ": an mdoc claim's path is [namespace, element identifier]");
        }
        ElementType type = ElementType.ANY;
        if (claim.containsKey("value_type")) {
            String text = requiredString(claim, "value_type", label);
            type = ElementType.byLabel(text).orElseThrow(() -> fail(label + ": value_type '" + text + "' is not one of "
                    + String.join(", ", Arrays.stream(ElementType.values()).map(ElementType::label).toList())));
        }
        return new ClaimDefinition(path, bool(claim, "mandatory", false, where), true,
                displayArray(claim, "display", label, false), Optional.of(type));
    }

    private List<Object> path(JsonObject claim, String where) {
        JsonValue value = claim.get("path");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw fail(where + ": a claim needs a non-empty 'path' array");
        }
        List<Object> path = new ArrayList<>();
        for (JsonValue segment : array) {
            switch (segment.getValueType()) {
                case STRING -> path.add(((JsonString) segment).getString());
                case NULL -> path.add(null);
                case NUMBER -> {
                    JsonNumber n = (JsonNumber) segment;
                    // bitLength > 31: beyond int, where intValue() would silently wrap to another index
                    if (!n.isIntegral() || n.bigIntegerValue().signum() < 0 || n.bigIntegerValue().bitLength() > 31) {
                        throw fail(where + ": path " + array + " has a segment that is not a non-negative integer");
                    }
                    path.add(n.intValue());
                }
                default -> throw fail(where + ": path " + array + " may hold only strings, null and non-negative integers");
            }
        }
        if (!(path.get(0) instanceof String)) {
            throw fail(where + ": path " + array + " must start with a claim name");
        }
        return path;
    }

    private JsonArray displayArray(JsonObject owner, String member, String where, boolean needsName) {
        if (!owner.containsKey(member)) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        JsonArray display = array(owner, member, where);
        Set<String> locales = new HashSet<>();
        for (JsonValue entry : display) {
            if (!(entry instanceof JsonObject object)) {
                throw fail(where + ": display entries must be objects");
            }
            if ((needsName || object.containsKey("name")) && !(object.get("name") instanceof JsonString)) {
                throw fail(where + ": every display entry needs a string 'name'");
            }
            String locale = object.getString("locale", "");
            if (!locales.add(locale)) {
                throw fail(where + ": two display entries for locale '" + locale + "'");
            }
            for (String image : List.of("logo", "background_image")) {
                if (object.containsKey(image)) {
                    JsonValue logo = object.get(image);
                    if (!(logo instanceof JsonObject l) || !(l.get("uri") instanceof JsonString uri) || !isUri(uri.getString())) {
                        throw fail(where + ": display '" + image + "' needs a 'uri' that is a valid URI");
                    }
                }
            }
        }
        return display;
    }

    private static boolean isUri(String value) {
        try {
            return new URI(value).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private JsonArray array(JsonObject owner, String member, String where) {
        if (!(owner.get(member) instanceof JsonArray array)) {
            throw fail(where + ": '" + member + "' must be an array");
        }
        return array;
    }

    private String requiredString(JsonObject owner, String member, String where) {
        if (!(owner.get(member) instanceof JsonString s) || s.getString().isBlank()) {
            throw fail(where + ": '" + member + "' must be a non-empty string");
        }
        return s.getString();
    }

    private boolean bool(JsonObject owner, String member, boolean defaultValue, String where) {
        JsonValue value = owner.get(member);
        if (value == null) {
            return defaultValue;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw fail(where + ": '" + member + "' must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    private void onlyKnown(JsonObject object, Set<String> known, String where) {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw fail(where + ": unknown member '" + key + "' (allowed: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private ConfigurationException fail(String problem) {
        return new ConfigurationException(PROPERTY, source + " " + problem);
    }
}
