package org.openissuer.mdoc.entity;

import java.util.Objects;

/** One data element a credential configuration declares: where it lives, its type, and whether it must be there. */
public record MdocElement(String namespace, String identifier, ElementType type, boolean mandatory) {

    public MdocElement {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(type, "type");
    }

    /** "namespace/identifier": how messages and the issued list name the element. */
    public String path() {
        return namespace + "/" + identifier;
    }
}
