package org.openissuer.mdoc.entity;

import java.util.Arrays;
import java.util.Optional;

/** CDDL type of one data element's value (ISO 18013-5 §7.2.1 table 5; EU PID rulebook). */
public enum ElementType {
    TSTR("tstr"), UINT("uint"), INT("int"), BOOL("bool"), FULL_DATE("full-date"), TDATE("tdate"), BSTR("bstr"),
    DRIVING_PRIVILEGES("driving_privileges"), ANY("any");

    private final String label;

    ElementType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<ElementType> byLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
