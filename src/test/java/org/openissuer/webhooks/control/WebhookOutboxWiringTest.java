package org.openissuer.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.audit.entity.AuditAppended;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.platform.ConfigurationException;

/** The observer's two sides: nothing at all without subscriptions, one insert per append and a wake after commit with them. */
class WebhookOutboxWiringTest {

    private static final AuditAppended OFFER = new AuditAppended(List.of(IssuanceEvent.offerStep(
            IssuanceEvent.Kind.OFFER_CREATED, AuditContext.of("req-1", "admin_credential_offers", "127.0.0.1")
                    .withOffer("offer-1", "employee-1"), OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC))),
            List.of(7L));

    @TempDir
    Path dir;

    private final List<Object> calls = new ArrayList<>();

    private static WebhookSettings settings(Optional<String> file) {
        return new WebhookSettings(file, 5, 10, 60, 5, 3600, 86400);
    }

    private WebhookOutbox outbox(WebhookSubscriptions subscriptions) {
        OutboxStore store = new OutboxStore() {
            @Override
            public void insert(List<NewDelivery> deliveries) {
                calls.add(deliveries);
            }
        };
        WebhookSender sender = new WebhookSender(subscriptions, store, null, null, null) {
            @Override
            public void wake() {
                calls.add("wake");
            }
        };
        return new WebhookOutbox(subscriptions, store, sender);
    }

    @Test
    void doesNothingAtAllWithoutSubscriptions() {
        WebhookSubscriptions none = new WebhookSubscriptions(settings(Optional.empty()));
        none.load();
        WebhookOutbox outbox = outbox(none);

        outbox.appended(OFFER);
        outbox.committed(OFFER);

        assertTrue(calls.isEmpty(), calls.toString());
    }

    @Test
    void insertsInTheTransactionAndWakesTheSenderAfterTheCommit() throws IOException {
        Path file = dir.resolve("hooks.json");
        Files.writeString(file, ("{'subscriptions': [{'id': 'crm', 'url': 'https://crm.example/', 'secret': "
                + "'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'event_types': ['offer.created']}]}").replace('\'', '"'));
        WebhookSubscriptions subscriptions = new WebhookSubscriptions(settings(Optional.of(file.toString())));
        subscriptions.load();
        WebhookOutbox outbox = outbox(subscriptions);

        outbox.appended(OFFER);
        assertEquals(1, calls.size());
        List<?> inserted = (List<?>) calls.get(0);
        assertEquals(7L, ((OutboxStore.NewDelivery) inserted.get(0)).eventId());
        outbox.committed(OFFER);
        assertEquals("wake", calls.get(1));
    }

    @Test
    void stopsTheDeploymentOnAFileItCannotRead() {
        WebhookSubscriptions missing = new WebhookSubscriptions(settings(Optional.of(dir.resolve("none.json").toString())));
        ConfigurationException e = assertThrows(ConfigurationException.class, missing::load);
        assertTrue(e.getMessage().startsWith("issuer.webhooks.subscriptions: cannot read "), e.getMessage());
    }
}
