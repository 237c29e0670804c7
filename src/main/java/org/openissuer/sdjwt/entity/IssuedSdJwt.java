package org.openissuer.sdjwt.entity;

import java.util.List;

/**
 * An issued SD-JWT VC. {@code digestHex} (SHA-256 of the serialization) and {@code disclosedClaims}
 * (claim paths such as {@code address.locality} or {@code nationalities[]}, never values) are
 * what may be recorded about it without keeping personal data.
 */
public record IssuedSdJwt(String serialized, String digestHex, List<String> disclosedClaims) {

    public IssuedSdJwt {
        disclosedClaims = List.copyOf(disclosedClaims);
    }

    @Override
    public String toString() {
        // the serialization carries personal data: keep it out of logs that print records
        return "IssuedSdJwt[digestHex=" + digestHex + ", disclosedClaims=" + disclosedClaims + "]";
    }
}
