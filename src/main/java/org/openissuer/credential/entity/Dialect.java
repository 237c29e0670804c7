package org.openissuer.credential.entity;

/** Which version of OID4VCI a wallet speaks; the answer takes the shape of the question. */
public enum Dialect {
    V1("1.0"),
    DRAFT_13("draft-13");

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
