package org.openissuer.status.entity;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/**
 * The body of {@code POST /admin/credential-status}: the new status, the reason, and which
 * credentials: one by its credential_id, all of a subject, or all of an offer.
 */
public record StatusChangeRequest(Selector selector, String value, StatusValue status, String reason) {

    public enum Selector {
        CREDENTIAL_ID("credential_id"), SUBJECT("subject"), OFFER_ID("offer_id");

        private final String member;

        Selector(String member) {
            this.member = member;
        }

        public String member() {
            return member;
        }
    }

    static final int MAX_VALUE = 255;
    static final int MAX_REASON = 1024;

    public static StatusChangeRequest parse(String body) {
        JsonObject json = BoundedJson.object(body, IssuerError.INVALID_REQUEST);
        List<Selector> given = new ArrayList<>();
        for (Selector s : Selector.values()) {
            if (json.containsKey(s.member())) {
                given.add(s);
            }
        }
        if (given.size() != 1) {
            throw invalid("exactly one of credential_id, subject or offer_id is required");
        }
        Selector selector = given.get(0);
        String value = text(json, selector.member(), MAX_VALUE);
        StatusValue status = StatusValue.ofLabel(text(json, "status", 16))
                .orElseThrow(() -> invalid("status must be revoked, suspended or valid"));
        return new StatusChangeRequest(selector, value, status, text(json, "reason", MAX_REASON));
    }

    private static String text(JsonObject json, String member, int max) {
        JsonValue value = json.get(member);
        if (!(value instanceof JsonString s) || s.getString().isBlank()) {
            throw invalid(member + " must be a non-empty string");
        }
        if (s.getString().length() > max) {
            throw invalid(member + " is longer than " + max + " characters");
        }
        return s.getString();
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
