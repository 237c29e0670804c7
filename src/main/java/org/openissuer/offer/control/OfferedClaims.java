package org.openissuer.offer.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.mdoc.control.ElementValues;
import org.openissuer.mdoc.entity.ElementValueException;
import org.openissuer.mdoc.entity.MdocElement;

/**
 * Checks the data a back-office system binds to an offer against the offered configurations'
 * claims (OID4VCI 1.0 Appendix B.2, claims path pointers of Appendix C): every claim must be
 * declared by one of them, and every mandatory claim must be there. A declared claim with no
 * declared children takes any value.
 */
public final class OfferedClaims {

    private OfferedClaims() {
    }

    public static void check(JsonObject claims, Collection<CredentialConfiguration> configurations) {
        checkDeclared(claims, configurations);
        for (CredentialConfiguration configuration : configurations) {
            for (ClaimDefinition definition : configuration.claims()) {
                if (definition.mandatory() && missing(claims, definition.path(), 0)) {
                    throw invalid("claims lack " + dotted(definition.path()) + ", mandatory in " + configuration.id());
                }
            }
        }
    }

    /**
     * Every claim is declared by one of the configurations, and an mdoc element's value has the
     * CBOR type its configuration names; whether the mandatory ones are there is not asked.
     */
    public static void checkDeclared(JsonObject claims, Collection<CredentialConfiguration> configurations) {
        checkDeclared(claims, List.of(), configurations.stream().flatMap(c -> c.claims().stream()).toList());
        configurations.stream().filter(CredentialConfiguration::isMdoc).forEach(c -> checkElementValues(claims, c));
    }

    // ISO 18013-5 §7.2.1: a value that cannot be encoded as its element's type is refused now, not at issuance
    private static void checkElementValues(JsonObject claims, CredentialConfiguration configuration) {
        for (MdocElement element : configuration.mdocElements()) {
            if (claims.get(element.namespace()) instanceof JsonObject elements && elements.containsKey(element.identifier())
                    && elements.get(element.identifier()).getValueType() != JsonValue.ValueType.NULL) {
                try {
                    ElementValues.check(element, elements.get(element.identifier()));
                } catch (ElementValueException e) {
                    throw invalid("claims of " + configuration.id() + ": " + e.getMessage());
                }
            }
        }
    }

    private static void checkDeclared(JsonValue value, List<Object> path, List<ClaimDefinition> definitions) {
        List<ClaimDefinition> below = definitions.stream()
                .filter(d -> d.path().size() > path.size() && matches(d.path(), path)).toList();
        if (below.isEmpty() && !path.isEmpty()) {
            return; // a declared leaf: its value is the source's business
        }
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                checkChild(member.getValue(), append(path, member.getKey()), below);
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                checkChild(array.get(i), append(path, i), below);
            }
        } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            throw invalid("claim " + dotted(path) + " must be an object or array: the configuration declares claims inside it");
        }
    }

    private static void checkChild(JsonValue value, List<Object> path, List<ClaimDefinition> below) {
        if (below.stream().noneMatch(d -> matches(d.path(), path))) {
            throw invalid("claim " + dotted(path) + " is not declared by the offered credential configurations");
        }
        checkDeclared(value, path, below);
    }

    /** Whether the concrete path (names and indexes) is a prefix the definition's path selects. */
    private static boolean matches(List<Object> definition, List<Object> concrete) {
        for (int i = 0; i < concrete.size(); i++) {
            Object segment = definition.get(i);
            Object actual = concrete.get(i);
            boolean same = segment instanceof String s ? s.equals(actual)
                    : segment instanceof Integer n ? n.equals(actual)
                    : actual instanceof Integer; // NullSegment.ALL: any array element
            if (!same) {
                return false;
            }
        }
        return true;
    }

    // Appendix B.2: a nested mandatory claim is required where its parent is present; whether the
    // parent must be present is its own definition's business
    private static boolean missing(JsonValue container, List<Object> path, int depth) {
        Object segment = path.get(depth);
        boolean last = depth == path.size() - 1;
        List<JsonValue> children;
        if (segment instanceof String name && container instanceof JsonObject object) {
            children = Collections.singletonList(object.get(name));
        } else if (segment instanceof Integer index && container instanceof JsonArray array) {
            children = Collections.singletonList(index < array.size() ? array.get(index) : null);
        } else if (segment instanceof ClaimDefinition.NullSegment && container instanceof JsonArray array) {
            children = array;
        } else {
            return false;
        }
        for (JsonValue child : children) {
            boolean absent = child == null || child.getValueType() == JsonValue.ValueType.NULL;
            if (last ? absent : !absent && missing(child, path, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return longer;
    }

    static String dotted(List<Object> path) {
        return path.stream().map(s -> s instanceof ClaimDefinition.NullSegment ? "[]" : String.valueOf(s))
                .collect(Collectors.joining("."));
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
