package org.openissuer.notification.entity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/**
 * A parsed Notification Request (OID4VCI 1.0 §11.1). Everything wrong with its shape is
 * invalid_notification_request (§11.3); whether the id is known is the control's question.
 */
public record NotificationRequest(String notificationId, NotificationEvent event, Optional<String> eventDescription) {

    // far longer than any id this issuer hands out, short enough to never reach the database unbounded
    public static final int MAX_ID_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 1024;

    public static NotificationRequest parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the request body is not UTF-8");
        }
        return parse(BoundedJson.object(text, IssuerError.INVALID_NOTIFICATION_REQUEST));
    }

    public static NotificationRequest parse(JsonObject body) {
        String id = string(body, "notification_id")
                .orElseThrow(() -> invalid("notification_id is required"));
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw invalid("notification_id must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        String eventName = string(body, "event").orElseThrow(() -> invalid("event is required"));
        NotificationEvent event = NotificationEvent.of(eventName).orElseThrow(() -> invalid(
                "event must be credential_accepted, credential_failure or credential_deleted"));
        Optional<String> description = string(body, "event_description");
        description.ifPresent(NotificationRequest::checkDescription);
        // §11.1 defines no other members; one we do not know is ignored, as JSON extensions are
        return new NotificationRequest(id, event, description);
    }

    /** §11.1: event_description values MUST NOT include characters outside %x20-21 / %x23-5B / %x5D-7E. */
    private static void checkDescription(String description) {
        if (description.length() > MAX_DESCRIPTION_LENGTH) {
            throw invalid("event_description is longer than " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                throw invalid("event_description may hold printable ASCII only, without \" and \\");
            }
        }
    }

    private static Optional<String> string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw invalid(name + " must be a string");
        }
        return Optional.of(((JsonString) value).getString());
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_NOTIFICATION_REQUEST, description);
    }
}
