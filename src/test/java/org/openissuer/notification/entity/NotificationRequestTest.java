package org.openissuer.notification.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class NotificationRequestTest {

    private static NotificationRequest parse(String json) {
        return NotificationRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json) {
        IssuerException e = assertThrows(IssuerException.class, () -> parse(json));
        assertEquals(IssuerError.INVALID_NOTIFICATION_REQUEST, e.error(), e.description());
    }

    @Test
    void readsEachEventOfSection11() {
        for (NotificationEvent event : NotificationEvent.values()) {
            NotificationRequest request = parse("{\"notification_id\":\"n-1\",\"event\":\"" + event.wire() + "\"}");
            assertEquals("n-1", request.notificationId());
            assertEquals(event, request.event());
            assertEquals(Optional.empty(), request.eventDescription());
        }
    }

    @Test
    void keepsThePrintableDescription() {
        NotificationRequest request = parse("{\"notification_id\":\"n-1\",\"event\":\"credential_failure\","
                + "\"event_description\":\"Could not store the Credential. Out of storage!\"}");
        assertEquals(Optional.of("Could not store the Credential. Out of storage!"), request.eventDescription());
    }

    @Test
    void mapsEventsOntoTheAuditTrailsNames() {
        for (NotificationEvent event : NotificationEvent.values()) {
            assertEquals(event.wire(), event.auditKind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"event\":\"credential_accepted\"}",
        "{\"notification_id\":\"n-1\"}",
        "{\"notification_id\":\"\",\"event\":\"credential_accepted\"}",
        "{\"notification_id\":7,\"event\":\"credential_accepted\"}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_stored\"}",
        "{\"notification_id\":\"n-1\",\"event\":\"CREDENTIAL_ACCEPTED\"}",
        "{\"notification_id\":\"n-1\",\"event\":[\"credential_accepted\"]}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_failure\",\"event_description\":\"line\\nbreak\"}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_failure\",\"event_description\":\"caf\u00e9\"}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_failure\",\"event_description\":\"say \\\"no\\\"\"}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_failure\",\"event_description\":\"back\\\\slash\"}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_failure\",\"event_description\":null}",
        "{\"notification_id\":\"n-1\",\"event\":\"credential_accepted\",\"event\":\"credential_deleted\"}",
        "[\"n-1\",\"credential_accepted\"]",
        "notification_id=n-1&event=credential_accepted",
        ""
    })
    void refusesWhatSection11DoesNotAllow(String json) {
        assertRefused(json);
    }

    @Test
    void refusesOverlongIdAndDescription() {
        assertRefused("{\"notification_id\":\"" + "n".repeat(NotificationRequest.MAX_ID_LENGTH + 1)
                + "\",\"event\":\"credential_accepted\"}");
        assertRefused("{\"notification_id\":\"n-1\",\"event\":\"credential_failure\",\"event_description\":\""
                + "d".repeat(NotificationRequest.MAX_DESCRIPTION_LENGTH + 1) + "\"}");
    }

    @Test
    void refusesABodyThatIsNotUtf8() {
        IssuerException e = assertThrows(IssuerException.class,
                () -> NotificationRequest.parse(new byte[] {'{', (byte) 0xC3, '}'}));
        assertEquals(IssuerError.INVALID_NOTIFICATION_REQUEST, e.error());
    }
}
