package org.openissuer.deferred.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/** The body of {@code POST /admin/deferred-credentials/{id}/reject}: why, for the audit trail. */
public record RejectionRequest(String reason) {

    // issuance_event.reason holds 1024 characters
    static final int MAX_REASON = 1024;

    public static RejectionRequest parse(String body) {
        JsonObject json = BoundedJson.object(body, IssuerError.INVALID_REQUEST);
        if (!(json.get("reason") instanceof JsonString s) || s.getString().isBlank()) {
            throw invalid("reason must be a non-empty string");
        }
        String reason = s.getString();
        if (reason.length() > MAX_REASON || reason.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw invalid("reason must be at most " + MAX_REASON + " characters without control characters");
        }
        return new RejectionRequest(reason);
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
