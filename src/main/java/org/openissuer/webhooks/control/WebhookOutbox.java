package org.openissuer.webhooks.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.openissuer.audit.entity.AuditAppended;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.events.entity.Event;
import org.openissuer.webhooks.entity.Subscription;
import org.openissuer.webhooks.entity.Subscriptions;
import org.openissuer.webhooks.entity.WebhookMessage;

/**
 * Puts the events the subscriptions ask for into the outbox, in the transaction that writes
 * their audit rows (CDI 4.0 §10.4.5: an observer without a transaction phase is called at once,
 * inside it): a delivery exists exactly when its event committed. Wakes the sender once that
 * transaction has committed. Without subscriptions it returns at once: no request pays for webhooks
 * it does not use.
 */
@ApplicationScoped
public class WebhookOutbox {

    private final WebhookSubscriptions subscriptions;
    private final OutboxStore store;
    private final WebhookSender sender;

    /** For the CDI proxy only. */
    protected WebhookOutbox() {
        this(null, null, null);
    }

    @Inject
    public WebhookOutbox(WebhookSubscriptions subscriptions, OutboxStore store, WebhookSender sender) {
        this.subscriptions = subscriptions;
        this.store = store;
        this.sender = sender;
    }

    void appended(@Observes AuditAppended appended) {
        if (!subscriptions.active()) {
            return;
        }
        // one statement for all the rows of the append, as the audit writer does
        store.insert(deliveries(subscriptions.current(), appended));
    }

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditAppended appended) {
        if (subscriptions.active() && matchesAny(subscriptions.current(), appended)) {
            sender.wake();
        }
    }

    /** The outbox rows of one append: for each row, one per matching subscription, with the same body. */
    static List<OutboxStore.NewDelivery> deliveries(Subscriptions subscriptions, AuditAppended appended) {
        List<OutboxStore.NewDelivery> deliveries = new ArrayList<>();
        for (int i = 0; i < appended.rows().size(); i++) {
            Event event = event(appended.ids().get(i), appended.rows().get(i));
            String body = null;
            for (Subscription subscription : subscriptions.all()) {
                if (subscription.matches(event)) {
                    body = body == null ? WebhookMessage.body(event) : body;
                    deliveries.add(new OutboxStore.NewDelivery(subscription.id(), event.id(), event.type().name(),
                            event.columns().get("subject"), body));
                }
            }
        }
        return deliveries;
    }

    private static boolean matchesAny(Subscriptions subscriptions, AuditAppended appended) {
        for (int i = 0; i < appended.rows().size(); i++) {
            Event event = event(appended.ids().get(i), appended.rows().get(i));
            if (subscriptions.all().stream().anyMatch(s -> s.matches(event))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The row as the events API will read it back (the row's time is already cut to the database's
     * microseconds), so a webhook's data equals GET /admin/events' event.
     */
    static Event event(long id, IssuanceEvent row) {
        Object[] values = row.columnValues();
        Map<String, String> columns = new HashMap<>();
        for (int i = 1; i < values.length; i++) {
            if (values[i] != null) {
                columns.put(IssuanceEvent.COLUMNS.get(i), values[i].toString());
            }
        }
        return Event.fromRow(id, (OffsetDateTime) values[0], columns);
    }
}
