package org.openissuer.mdoc.entity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;

import jakarta.json.JsonObject;

/**
 * What one mso_mdoc credential is made of.
 *
 * @param elements the configuration's elements, in configuration order; only these are issued
 * @param data     {"namespace": {"element": value}}; members no element names are never issued
 * @param holderKey the device key the MSO binds the credential to (deviceKeyInfo)
 * @param validity validUntil = signed + validity
 * @param status   the MSO "status" member, e.g. {"status_list":{"idx":5,"uri":"https://..."}}
 */
public record MdocRequest(String docType, List<MdocElement> elements, JsonObject data, JWK holderKey,
        Duration validity, Optional<JsonObject> status) {

    public MdocRequest {
        Objects.requireNonNull(docType, "docType");
        elements = List.copyOf(elements);
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(holderKey, "holderKey");
        Objects.requireNonNull(validity, "validity");
        Objects.requireNonNull(status, "status");
        if (docType.isBlank()) {
            throw new IllegalArgumentException("docType must not be blank");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("validity must be positive");
        }
    }
}
