package org.openissuer.events.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openissuer.audit.entity.IssuanceEvent;

class EventTypesTest {

    @Test
    void namesTheCredentialRequestsLifecycle() {
        assertEquals("credential.request.started", EventTypes.of("request_started", "credential").name());
        assertEquals("credential.issued", EventTypes.of("credential_issued", "credential").name());
        assertEquals("credential.issued", EventTypes.of("credential_issued", "deferred_credential").name());
        assertEquals("credential.request.failed", EventTypes.of("request_failed", "credential").name());
        assertEquals("deferred.request.failed", EventTypes.of("request_failed", "deferred_credential").name());
        assertEquals("token.request.failed", EventTypes.of("request_failed", "token").name());
        assertEquals("admin.events.request.failed", EventTypes.of("request_failed", "admin_events").name());
    }

    @Test
    void acceptsMattrsNamesAsAliases() {
        assertEquals("credential.request.started", EventTypes.named("OPENID_CREDENTIAL_START").orElseThrow().name());
        assertEquals("credential.issued", EventTypes.named("OPENID_CREDENTIAL_SUCCESS").orElseThrow().name());
        assertEquals("credential.request.failed", EventTypes.named("OPENID_CREDENTIAL_FAIL").orElseThrow().name());
        assertEquals("credential.issued", EventTypes.named("credential.request.succeeded").orElseThrow().name());
        assertTrue(EventTypes.named("openid_credential_start").isEmpty(), "aliases are exact");
        assertTrue(EventTypes.named("credential").isEmpty());
    }

    @Test
    void givesEveryAuditEventAPublicType() {
        for (IssuanceEvent.Kind kind : IssuanceEvent.Kind.values()) {
            String event = kind.name().toLowerCase(Locale.ROOT);
            assertFalse(EventTypes.of(event, "credential").name().startsWith("other."), event);
        }
    }

    @Test
    void putsRequestsAtEndpointsItDoesNotKnowUnderOther() {
        assertEquals("other.request.failed", EventTypes.of("request_failed", "some_new_endpoint").name());
        assertEquals("other.request.started", EventTypes.of("request_started", "some_new_endpoint").name());
        assertEquals("other.some.future.event", EventTypes.of("some_future_event", "credential").name());
    }

    @Test
    void hasUniqueNamesThatRoundTrip() {
        Set<String> names = new HashSet<>();
        for (EventType type : EventTypes.all()) {
            assertTrue(names.add(type.name()), type.name());
            assertEquals(type, EventTypes.named(type.name()).orElseThrow());
            assertTrue(type.name().matches("[a-z]+(\\.[a-z]+)+"), type.name());
        }
    }

    @Test
    void carriesTheFieldsOfItsRowsOnly() {
        assertEquals(EventTypes.ISSUED, EventTypes.of("credential_issued", "credential").fields());
        assertEquals(EventTypes.FAILED, EventTypes.of("request_failed", "nonce").fields());
        assertTrue(EventTypes.of("request_started", "credential").fields().isEmpty());
    }

    @Test
    void docsEventsMdDocumentsEveryType() throws Exception {
        String docs = Files.readString(Path.of("docs/events.md"));
        for (EventType type : EventTypes.all()) {
            assertTrue(docs.contains("`" + type.name() + "`"), "docs/events.md does not name " + type.name());
        }
        EventTypes.ALIASES.keySet().forEach(alias -> assertTrue(docs.contains("`" + alias + "`"), alias));
    }
}
