package org.openissuer.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openissuer.audit.entity.AuditAppended;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.webhooks.entity.Subscriptions;

class WebhookOutboxTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 10, 15, 2, 113_456_789, ZoneOffset.UTC);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static Subscriptions subscriptions(String... entries) {
        return Subscriptions.parse(("{'subscriptions': [" + String.join(", ", entries) + "]}").replace('\'', '"'), "test");
    }

    private static String subscription(String id, String types, String extra) {
        return "{'id': '" + id + "', 'url': 'https://" + id + ".example/', 'secret': '" + SECRET + "', 'event_types': "
                + types + extra + "}";
    }

    private static AuditContext context(String subject) {
        return AuditContext.of("req-1", "credential", "203.0.113.7")
                .withToken("https://as.example|" + subject, subject, java.util.Optional.empty(), java.util.Optional.of("tok-1"),
                        java.util.Optional.empty())
                .withRequest("1.0", "IdentityCredential", "https://credentials.example.com/identity_credential", "dc+sd-jwt");
    }

    private static AuditAppended issuance(String subject) {
        IssuanceEvent started = IssuanceEvent.requestStarted(context(subject), AT);
        IssuanceEvent issued = IssuanceEvent.credentialIssued(context(subject), new IssuanceEvent.IssuedCredential(
                "cred-1", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "NzbLsXh8",
                List.of("given_name", "address.locality")), AT);
        return new AuditAppended(List.of(started, issued), List.of(1893L, 1894L));
    }

    @Test
    void queuesOneDeliveryPerMatchingEventAndSubscription() {
        List<OutboxStore.NewDelivery> deliveries = WebhookOutbox.deliveries(subscriptions(
                subscription("all", "['*']", ""),
                subscription("issued", "['credential.issued']", ""),
                subscription("others", "['*']", ", 'subject_prefix': 'contractor-'"),
                subscription("otherconfig", "['*']", ", 'credential_configuration_ids': ['Other']")),
                issuance("employee-4711"));

        assertEquals(List.of("all:1893:credential.request.started", "all:1894:credential.issued",
                "issued:1894:credential.issued"), deliveries.stream()
                .map(d -> d.subscription() + ":" + d.eventId() + ":" + d.eventType()).toList());
        assertEquals("employee-4711", deliveries.get(0).subject());
        // the same event, the same body for every subscription: one rendering
        assertTrue(deliveries.get(1).payload() == deliveries.get(2).payload());
    }

    @Test
    void wrapsTheEventsApiJsonAsStandardWebhooksSuggests() {
        OutboxStore.NewDelivery issued = WebhookOutbox.deliveries(subscriptions(subscription("all", "['*']", "")),
                issuance("employee-4711")).get(1);
        JsonObject body = Json.createReader(new StringReader(issued.payload())).readObject();

        assertEquals("credential.issued", body.getString("type"));
        // microseconds, as the database keeps occurred_at and the events API answers it
        assertEquals("2026-12-01T10:15:02.113456Z", body.getString("timestamp"));
        JsonObject data = body.getJsonObject("data");
        assertEquals(WebhookOutbox.event(1894L, IssuanceEvent.credentialIssued(context("employee-4711"),
                new IssuanceEvent.IssuedCredential("cred-1", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        "NzbLsXh8", List.of("given_name", "address.locality")), AT)).toJson(), data);
        assertEquals("1894", data.getString("id"));
        assertEquals("cred-1", data.getString("credential_id"));
        assertEquals(List.of("given_name", "address.locality"), data.getJsonArray("disclosed_claims").getValuesAs(
                jakarta.json.JsonString::getString));
    }

    @Test
    void neverCarriesACredentialOrAClaimValue() {
        // whatever the request revealed, the trail (and so the webhook) has ids, digests and claim names only
        String payload = WebhookOutbox.deliveries(subscriptions(subscription("all", "['*']", "")),
                issuance("employee-4711")).get(1).payload();
        JsonObject data = Json.createReader(new StringReader(payload)).readObject().getJsonObject("data");
        for (String forbidden : List.of("credential", "credentials", "claims", "sd_jwt", "disclosures", "proof", "proofs")) {
            assertNull(data.get(forbidden), forbidden);
        }
        assertFalse(payload.contains("~"), "no SD-JWT or disclosure");
        assertFalse(payload.contains("eyJ"), "no JWT");
        assertTrue(data.keySet().stream().allMatch(k -> k.matches("[a-z_]+")), data.keySet().toString());
    }

    @Test
    void queuesNothingWhenNoSubscriptionMatches() {
        assertTrue(WebhookOutbox.deliveries(subscriptions(subscription("offers", "['offer.created']", "")),
                issuance("employee-4711")).isEmpty());
    }
}
