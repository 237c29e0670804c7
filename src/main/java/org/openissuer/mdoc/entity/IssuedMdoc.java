package org.openissuer.mdoc.entity;

import java.util.List;

/**
 * An issued mso_mdoc credential.
 *
 * @param serialized        base64url (no padding) of the CBOR IssuerSigned: the credential as OID4VCI sends it
 * @param digestHex         lowercase hex SHA-256 of exactly those CBOR bytes
 * @param disclosedElements "namespace/element" of every element issued, in configuration order
 */
public record IssuedMdoc(String serialized, String digestHex, List<String> disclosedElements) {

    public IssuedMdoc {
        disclosedElements = List.copyOf(disclosedElements);
    }
}
