package org.openissuer.deferred.entity;

import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/**
 * The body of {@code POST /admin/deferred-credentials/{id}/approve}: empty, or the final claims
 * (which replace the offer's and are checked against the configuration like an offer's).
 */
public record ApprovalRequest(Optional<JsonObject> claims) {

    public static ApprovalRequest parse(String body) {
        if (body.isBlank()) {
            return new ApprovalRequest(Optional.empty());
        }
        JsonObject json = BoundedJson.object(body, IssuerError.INVALID_REQUEST);
        JsonValue claims = json.get("claims");
        if (claims == null || claims == JsonValue.NULL) {
            return new ApprovalRequest(Optional.empty());
        }
        if (claims.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "claims must be a JSON object with the data to attest");
        }
        return new ApprovalRequest(Optional.of(claims.asJsonObject()));
    }
}
