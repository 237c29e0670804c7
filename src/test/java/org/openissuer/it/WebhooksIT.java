package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Events;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.SecondIssuer;
import org.openissuer.testsupport.Wallet;
import org.openissuer.testsupport.WebhookReceiver;
import org.openissuer.testsupport.WebhookReceiver.Received;

/**
 * Webhooks end to end on one instance (docs/webhooks.md): the IT subscriptions
 * (src/test/it-webhooks) send events of subjects starting with it-webhook- to the receiver in this
 * JVM, it-all every type, it-issued credential.issued only. Each test uses subjects of its own.
 */
@IssuerIT
class WebhooksIT {

    static final Duration WAIT = Duration.ofSeconds(30);
    // one receiver for the class: the port is fixed (the issuer's subscriptions name it)
    private static WebhookReceiver receiver;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @BeforeAll
    static void listen() {
        receiver = WebhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    static String subject() {
        return "it-webhook-" + UUID.randomUUID();
    }

    @Test
    void deliversExactlyTheEventsOfARequestSequenceSignedInOrderAsTheEventsApiShowsThem() {
        String subject = subject();
        Offers.create(subject, null);
        HttpResponse<String> issued = Wallet.post(AccessTokenJwt.forSubject(subject).build(),
                Wallet.request(Wallet.nonce(), Wallet.holders(2)));
        assertEquals(200, issued.statusCode(), issued.body());

        List<Received> all = receiver.await(r -> r.path().equals(WebhookReceiver.ALL) && r.subject().equals(subject),
                4, WAIT);
        List<Received> onlyIssued = receiver.await(r -> r.path().equals(WebhookReceiver.ISSUED)
                && r.subject().equals(subject), 2, WAIT);
        // time for a duplicate or a stray event to show up
        WebhookReceiver.sleep(Duration.ofSeconds(2));
        all = receiver.of(WebhookReceiver.ALL, subject);
        onlyIssued = receiver.of(WebhookReceiver.ISSUED, subject);

        assertEquals(List.of("offer.created", "credential.request.started", "credential.issued", "credential.issued"),
                all.stream().map(r -> r.json().getString("type")).toList());
        assertEquals(List.of("credential.issued", "credential.issued"),
                onlyIssued.stream().map(r -> r.json().getString("type")).toList());
        for (Received r : concat(all, onlyIssued)) {
            assertTrue(r.signatureVerifies(), () -> "signature of " + r);
            assertTrue(r.fresh(), () -> "timestamp of " + r);
            assertEquals(r.id(), r.json().getJsonObject("data").getString("id"), "webhook-id is the event id");
            assertFalse(r.body().contains("~"), "no SD-JWT, no disclosure");
        }

        // the events API, oldest first: the same ids, in the order delivered, and the same JSON
        JsonObject page = Events.page(Events.query("subject", subject));
        List<JsonObject> events = new ArrayList<>(page.getJsonArray("events").stream().map(JsonValue::asJsonObject).toList());
        Collections.reverse(events);
        assertEquals(events.stream().map(e -> e.getString("id")).toList(), all.stream().map(Received::id).toList());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(events.get(i), all.get(i).json().getJsonObject("data"));
            assertEquals(events.get(i).getString("occurred_at"), all.get(i).json().getString("timestamp"));
        }
        assertEquals(all.subList(2, 4).stream().map(Received::id).toList(), onlyIssued.stream().map(Received::id).toList());
    }

    @Test
    void retriesAfterAServerErrorWithTheSameWebhookIdAndShowsTheAttempts() {
        String subject = subject();
        receiver.answer(r -> r.subject().equals(subject) && receiver.of(WebhookReceiver.ALL, subject).size() == 1 ? 500 : 200);
        try {
            Offers.create(subject, null);
            List<Received> attempts = receiver.await(r -> r.path().equals(WebhookReceiver.ALL) && r.subject().equals(subject),
                    2, WAIT);
            assertEquals(attempts.get(0).id(), attempts.get(1).id(), "a retry is the same message");
            assertEquals(attempts.get(0).body(), attempts.get(1).body());
            assertTrue(attempts.get(1).signatureVerifies());
            // retry-initial-seconds is 1 here, jittered to half of it at least
            assertTrue(Duration.between(attempts.get(0).at(), attempts.get(1).at()).toMillis() >= 450,
                    () -> "retried after " + Duration.between(attempts.get(0).at(), attempts.get(1).at()));

            JsonObject delivery = awaitDelivery(subject, "delivered");
            assertEquals(2, delivery.getInt("attempts"));
            assertEquals(200, delivery.getInt("last_status"));
            assertEquals(attempts.get(0).id(), delivery.getString("event_id"));
            assertEquals("offer.created", delivery.getString("event_type"));
            assertFalse(delivery.containsKey("payload"));
            WebhookReceiver.sleep(Duration.ofSeconds(2));
            assertEquals(2, receiver.of(WebhookReceiver.ALL, subject).size(), "nothing after the 2xx");
        } finally {
            receiver.answer(r -> 200);
        }
    }

    @Test
    void showsDeliveriesToAdminsAndAuditorsOnly() {
        assertEquals(401, Http.get(DELIVERIES).statusCode());
        HttpResponse<String> auditor = Http.get(DELIVERIES + "?limit=1", "Authorization", "Bearer " + Events.auditor());
        assertEquals(200, auditor.statusCode(), auditor.body());
        assertEquals("no-store", auditor.headers().firstValue("Cache-Control").orElse(null));
        HttpResponse<String> bad = Http.get(DELIVERIES + "?state=done", "Authorization", "Bearer " + Events.auditor());
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("invalid_request", Http.json(bad).getString("error"));
    }

    @Test
    void countsDeliveriesInTheMetrics() {
        String subject = subject();
        Offers.create(subject, null);
        awaitDelivery(subject, "delivered");
        String metrics = Http.get("/internal/metrics").body();
        assertTrue(metrics.contains("openissuer_webhook_deliveries_total{subscription=\"it-all\",outcome=\"delivered\"}"),
                metrics);
        assertTrue(metrics.contains("# TYPE openissuer_webhook_backlog gauge"), metrics);
    }

    /**
     * Two instances share the outbox: every event once, in order per subject, whichever instance
     * wrote it. Then one instance is killed (kill -9) while it holds the lease of a delivery it is
     * sending: once the lease runs out the other sends it, with the same webhook-id.
     */
    @Test
    void twoInstancesDeliverEachEventOnceAndTakeOverAKilledInstancesLease() throws Exception {
        try (SecondIssuer second = SecondIssuer.start(Map.of())) {
            List<String> subjects = List.of(subject(), subject(), subject(), subject(), subject());
            for (String subject : subjects) {
                Offers.create(subject, null);
                createOfferAt(second, subject);
                Offers.create(subject, null);
            }
            List<Received> all = receiver.await(r -> r.path().equals(WebhookReceiver.ALL) && subjects.contains(r.subject()),
                    15, WAIT);
            WebhookReceiver.sleep(Duration.ofSeconds(3));
            all = receiver.received(r -> r.path().equals(WebhookReceiver.ALL) && subjects.contains(r.subject()));
            assertEquals(15, all.size(), "each event once: " + all);
            assertEquals(15, all.stream().map(Received::id).distinct().count());
            for (String subject : subjects) {
                List<Long> ids = all.stream().filter(r -> r.subject().equals(subject)).map(r -> Long.parseLong(r.id())).toList();
                assertEquals(ids.stream().sorted().toList(), ids, "in event order for " + subject);
            }

            takesOverTheLeaseOfAKilledInstance(second);
        }
    }

    private void takesOverTheLeaseOfAKilledInstance(SecondIssuer second) throws Exception {
        long killed = second.processId().orElseThrow();
        CountDownLatch release = new CountDownLatch(1);
        String subject = subject();
        // hold every attempt for this subject open until the instance is dead (longer than the timeouts)
        receiver.answer(r -> {
            if (r.subject().equals(subject)) {
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        });
        try {
            // written on the second instance, whose commit wakes its sender at once; should the first
            // instance's poll claim it instead, its attempt times out and is retried: wait for the second's
            createOfferAt(second, subject);
            Instant deadline = Instant.now().plus(WAIT);
            Optional<String> holder = Optional.empty();
            while (Instant.now().isBefore(deadline)) {
                holder = leaseHolder(subject);
                if (holder.isPresent() && holder.get().contains("/" + killed + "/")
                        && !receiver.of(WebhookReceiver.ALL, subject).isEmpty()) {
                    break;
                }
                WebhookReceiver.sleep(Duration.ofMillis(50));
            }
            assertTrue(holder.isPresent() && holder.get().contains("/" + killed + "/"),
                    "the second instance never held the lease: " + holder);
            int before = receiver.of(WebhookReceiver.ALL, subject).size();
            second.kill();
            receiver.answer(r -> 200);
            release.countDown();

            List<Received> attempts = receiver.await(r -> r.path().equals(WebhookReceiver.ALL)
                    && r.subject().equals(subject), before + 1, Duration.ofSeconds(40));
            assertEquals(1, attempts.stream().map(Received::id).distinct().count(), "one webhook-id: " + attempts);
            assertTrue(attempts.get(attempts.size() - 1).signatureVerifies());
            JsonObject delivery = awaitDelivery(subject, "delivered");
            assertEquals(attempts.get(0).id(), delivery.getString("event_id"));
            assertFalse(leaseHolder(subject).orElse("").contains("/" + killed + "/"), "delivered by the survivor");
        } finally {
            release.countDown();
            receiver.answer(r -> 200);
        }
    }

    private static void createOfferAt(SecondIssuer second, String subject) {
        HttpResponse<String> created = Http.postTo(second.base() + "/admin/credential-offers",
                Offers.identityOffer(subject, null), "Content-Type", "application/json",
                "Authorization", AdminTokens.token().bearer());
        assertEquals(201, created.statusCode(), created.body());
    }

    /** Who holds (or last held) the lease of the subject's it-all delivery; the outbox row as the database has it. */
    private static Optional<String> leaseHolder(String subject) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT leased_by FROM webhook_delivery WHERE subscription = 'it-all' AND subject = ?"
                        + " AND (leased_until > now() OR state <> 'pending')")) {
            query.setString(1, subject);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
        }
    }

    static final String DELIVERIES = "/admin/webhook-deliveries";

    /** The it-all delivery of the subject's one event, once it is in the given state. */
    static JsonObject awaitDelivery(String subject, String state) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = Http.get(DELIVERIES + "?" + Events.query("subject", subject, "subscription",
                    "it-all"), "Authorization", "Bearer " + Events.auditor());
            assertEquals(200, response.statusCode(), response.body());
            List<JsonObject> rows = Http.json(response).getJsonArray("deliveries").stream().map(JsonValue::asJsonObject).toList();
            if (rows.size() == 1 && rows.get(0).getString("state").equals(state)) {
                return rows.get(0);
            }
            last = rows.isEmpty() ? null : rows.get(0);
            WebhookReceiver.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("no " + state + " delivery for " + subject + " within " + WAIT + "; last seen " + last);
    }

    private static List<Received> concat(List<Received> a, List<Received> b) {
        List<Received> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
