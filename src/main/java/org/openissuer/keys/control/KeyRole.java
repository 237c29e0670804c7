package org.openissuer.keys.control;

import java.util.Locale;

/**
 * What a set of ES256 keys signs. Each role has its own properties and its own generated file,
 * so the credential signing key and the access token key can be rotated independently.
 */
public enum KeyRole {
    CREDENTIAL_SIGNING("issuer.signing", "keys/signing-keys.jwks", "Credential signing"),
    AUTHORIZATION_SERVER("issuer.authorization-server.signing", "keys/authorization-server-keys.jwks",
            "Access token signing");

    private final String prefix;
    private final String generatedFile;
    private final String purpose;

    KeyRole(String prefix, String generatedFile, String purpose) {
        this.prefix = prefix;
        this.generatedFile = generatedFile;
        this.purpose = purpose;
    }

    public String keysProperty() {
        return prefix + ".keys";
    }

    public String passwordProperty() {
        return prefix + ".keystore.password";
    }

    public String activeKidProperty() {
        return prefix + ".active-kid";
    }

    String generatedFile() {
        return generatedFile;
    }

    String purpose() {
        return purpose;
    }

    /** The environment variable MicroProfile Config maps onto a property. */
    static String env(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
