package org.openissuer.mdoc.entity;

import java.util.Arrays;
import java.util.Optional;

/** CDDL type of one data element's value (ISO 18013-5 §7.2.1 table 5; EU PID rulebook). */
public enum ElementType {
    TSTR("tstr"),
    UINT("uint"),
    INT("int"),
    BOOL("bool"),
    /** #6.1004(tstr) "YYYY-MM-DD" (RFC 8943) */
    FULL_DATE("full-date"),
    /** #6.0(tstr) RFC 3339 date-time */
    TDATE("tdate"),
    /** from base64url or base64 in JSON (portraits) */
    BSTR("bstr"),
    /** ISO 18013-5 §7.2.4 */
    DRIVING_PRIVILEGES("driving_privileges"),
    /** JSON mapped onto CBOR as it comes */
    ANY("any");

    private final String label;

    ElementType(String label) {
        this.label = label;
    }

    /** The configuration-file spelling. */
    public String label() {
        return label;
    }

    public static Optional<ElementType> byLabel(String label) {
        return Arrays.stream(values()).filter(type -> type.label.equals(label)).findFirst();
    }
}
