package org.openissuer.configuration;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;

import org.openissuer.mdoc.entity.ElementType;

/**
 * One claim of a credential configuration. {@code path} follows OID4VCI 1.0 Appendix C
 * (claims path pointer): strings name object members, {@code null} selects all array elements.
 * For an mdoc the path is {@code [namespace, element identifier]} (Appendix A.2.2) and
 * {@code elementType} the CBOR type its value is issued as.
 */
public record ClaimDefinition(List<Object> path, boolean mandatory, boolean selectivelyDisclosable, JsonArray display,
        Optional<ElementType> elementType) {

    public ClaimDefinition {
        path = List.copyOf(path.stream().map(p -> p == null ? NullSegment.ALL : p).toList());
    }

    public ClaimDefinition(List<Object> path, boolean mandatory, boolean selectivelyDisclosable, JsonArray display) {
        this(path, mandatory, selectivelyDisclosable, display, Optional.empty());
    }

    public String name() {
        Object last = path.get(path.size() - 1);
        return last instanceof String s ? s : String.valueOf(last);
    }

    public boolean isTopLevel() {
        return path.size() == 1;
    }

    /** Stands for a {@code null} path segment (all array elements), since List.copyOf refuses nulls. */
    public enum NullSegment {
        ALL
    }
}
