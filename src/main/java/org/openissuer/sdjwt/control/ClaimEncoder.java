package org.openissuer.sdjwt.control;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.sdjwt.control.ClaimTree.Node;
import org.openissuer.sdjwt.entity.Disclosure;

/**
 * Turns subject data into the claims of one SD-JWT: keeps only configured claims and replaces
 * the selectively disclosable ones by digests, collecting their disclosures. One per credential.
 */
final class ClaimEncoder {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    // RFC 9901 §4.2.1: the salt needs 128 bits of entropy
    private static final int SALT_BYTES = 16;

    private final JsonBuilderFactory json;
    private final SecureRandom random;
    private final int decoys;
    private final List<Disclosure> disclosures = new ArrayList<>();
    private final Set<ClaimDefinition> present = Collections.newSetFromMap(new IdentityHashMap<>());

    ClaimEncoder(JsonBuilderFactory json, SecureRandom random, int decoys) {
        this.json = json;
        this.random = random;
        this.decoys = decoys;
    }

    /** The subject data's configured claims, selectively disclosable ones as {@code _sd} digests. */
    JsonObject encode(JsonObject subjectData, ClaimTree tree) {
        return encodeObject(subjectData, tree.root());
    }

    /** In the order they were made; a disclosure's value may hold digests of disclosures listed before it. */
    List<Disclosure> disclosures() {
        return disclosures;
    }

    boolean isPresent(ClaimDefinition claim) {
        return present.contains(claim);
    }

    boolean isEmpty() {
        return present.isEmpty();
    }

    private JsonValue encode(JsonValue value, Node node) {
        if (!node.hasChildren()) {
            // a configured claim without configured children is issued whole (its structure is the subject's)
            requireNoDigestNames(value, node);
            return value;
        }
        return switch (value.getValueType()) {
            case OBJECT -> encodeObject(value.asJsonObject(), node);
            case ARRAY -> encodeArray(value.asJsonArray(), node);
            default -> value;
        };
    }

    private JsonObject encodeObject(JsonObject value, Node node) {
        JsonObjectBuilder object = json.createObjectBuilder();
        List<String> digests = new ArrayList<>();
        for (Map.Entry<Object, Node> child : node.children().entrySet()) {
            // only configured members: whatever else the subject data holds is dropped
            if (!(child.getKey() instanceof String name)) {
                continue;
            }
            JsonValue member = value.get(name);
            if (member == null || member.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            JsonValue encoded = encode(member, child.getValue());
            markPresent(child.getValue());
            if (child.getValue().selectivelyDisclosable()) {
                // RFC 9901 §4.2.1: object property disclosure [salt, name, value]; its digest goes into _sd
                digests.add(disclose(json.createArrayBuilder().add(salt()).add(name).add(encoded)));
            } else {
                object.add(name, encoded);
            }
        }
        if (!digests.isEmpty()) {
            // RFC 9901 §4.2.5: decoys hide how many claims are disclosable
            for (int i = 0; i < decoys; i++) {
                digests.add(Disclosure.digestOf(salt()));
            }
            // RFC 9901 §4.2.4.1: sorted, so the order of digests reveals nothing about the order of claims
            Collections.sort(digests);
            JsonArrayBuilder sd = json.createArrayBuilder();
            digests.forEach(sd::add);
            object.add("_sd", sd);
        }
        return object.build();
    }

    private JsonArray encodeArray(JsonArray value, Node node) {
        JsonArrayBuilder array = json.createArrayBuilder();
        for (int i = 0; i < value.size(); i++) {
            Node element = node.element(i);
            if (element == null) {
                continue; // an element no path selects is not configured
            }
            JsonValue encoded = encode(value.get(i), element);
            markPresent(element);
            if (element.selectivelyDisclosable()) {
                // RFC 9901 §4.2.2 and §4.2.4.2: array element disclosure [salt, value], replaced by {"...": digest}
                String digest = disclose(json.createArrayBuilder().add(salt()).add(encoded));
                array.add(json.createObjectBuilder().add("...", digest));
            } else {
                array.add(encoded);
            }
        }
        return array.build();
    }

    private String disclose(JsonArrayBuilder content) {
        Disclosure disclosure = Disclosure.of(content.build());
        disclosures.add(disclosure);
        return disclosure.digest();
    }

    private String salt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return BASE64URL.encodeToString(salt);
    }

    private void markPresent(Node node) {
        if (node.definition() != null) {
            present.add(node.definition());
        }
    }

    /** RFC 9901 §4.2.4: a member named _sd or an element {"...": x} in issued data would be read as digests. */
    private static void requireNoDigestNames(JsonValue value, Node node) {
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                if (ClaimTree.DIGEST_NAMES.contains(member.getKey())) {
                    throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, "subject data for claim "
                            + (node.definition() == null ? "?" : ClaimTree.label(node.definition()))
                            + " uses the reserved name " + member.getKey());
                }
                requireNoDigestNames(member.getValue(), node);
            }
        } else if (value instanceof JsonArray array) {
            array.forEach(element -> requireNoDigestNames(element, node));
        }
    }
}
