package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deferred;
import org.openissuer.testsupport.Deferred.Redeemed;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Wallet;

/** OID4VCI 1.0 §8.3, §9: a deferred offer's life, from the 202 to the one delivery, rejection or expiry. */
@IssuerIT
class DeferredIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static String subject() {
        return "it-deferred-" + UUID.randomUUID();
    }

    /** A redeemed deferred offer whose credential request was answered 202; returns its transaction_id. */
    private static String deferredRequest(Redeemed offer, List<ECKey> holders) {
        HttpResponse<String> answer = Deferred.request(offer.token(), holders);
        assertEquals(202, answer.statusCode(), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        JsonObject body = Http.json(answer);
        assertEquals(1, body.getInt("interval"), "the advertised interval (issuer.deferred.interval-seconds)");
        assertFalse(body.containsKey("credentials") || body.containsKey("notification_id"), body.toString());
        return body.getString("transaction_id");
    }

    static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Http.json(response).getString("error"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void pendingThenApprovedWithTheFinalClaimsThenDeliveredOnce() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        List<ECKey> holders = Wallet.holders(2);
        String transactionId = deferredRequest(offer, holders);
        // 256 random bits, base64url
        assertTrue(transactionId.matches("[A-Za-z0-9_-]{43}"), transactionId);
        String id = Deferred.idOf(offer.subject());

        HttpResponse<String> pending = Deferred.poll(offer.token(), transactionId);
        assertEquals(202, pending.statusCode(), pending.body());
        assertEquals("no-store", pending.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(transactionId, Http.json(pending).getString("transaction_id"), "§9.2: the same transaction_id");
        assertEquals(1, Http.json(pending).getInt("interval"));

        HttpResponse<String> approved = Deferred.approve(id, Deferred.FINAL_CLAIMS);
        assertEquals(200, approved.statusCode(), approved.body());
        assertEquals("approved", Http.json(approved).getString("state"));
        assertEquals(List.of("birthdate", "family_name", "given_name"),
                Http.json(approved).getJsonArray("claim_names").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());

        HttpResponse<String> delivered = Deferred.poll(offer.token(), transactionId);
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertEquals("no-store", delivered.headers().firstValue("Cache-Control").orElse(null));
        JsonObject body = Http.json(delivered);
        assertEquals(2, body.getJsonArray("credentials").size());
        assertTrue(body.getString("notification_id").matches("[A-Za-z0-9_-]{43}"));
        IndependentSdJwt.Verified credential = IndependentSdJwt.verify(
                body.getJsonArray("credentials").getJsonObject(0).getString("credential"), IndependentSdJwt.publishedIssuerKeys());
        assertEquals("1964-08-12", credential.disclosed().get("birthdate"), "the approval's claims are attested");

        // §9.1: a transaction_id is invalidated once its credentials are obtained
        assertError(Deferred.poll(offer.token(), transactionId), 400, "invalid_transaction_id");

        // each credential bound to the key of its proof
        List<String> thumbprints = Deferred.column(id, "SELECT holder_key_thumbprint FROM issuance_event"
                + " WHERE deferred_id = ? AND event = 'credential_issued' ORDER BY holder_key_thumbprint");
        assertEquals(holders.stream().map(DeferredIT::thumbprint).sorted().toList(), thumbprints);
        assertEquals(List.of("request_started credential -", "credential_deferred credential -",
                "deferred_approved admin_deferred_credentials -", "request_started deferred_credential -",
                "credential_issued deferred_credential -", "credential_issued deferred_credential -",
                "request_started deferred_credential -", "request_failed deferred_credential invalid_transaction_id"),
                Deferred.trail(id));
        assertEquals(List.of("delivered"), Deferred.column(id, "SELECT state FROM deferred_credential WHERE id = ?"));
        List<String> principals = Deferred.column(id, "SELECT coalesce(principal, '-') FROM issuance_event"
                + " WHERE deferred_id = ? AND event = 'deferred_approved'");
        assertEquals(Deferred.column(offer.offerId(), "SELECT principal FROM issuance_event WHERE offer_id = ?"
                + " AND event = 'offer_created'"), principals, "the approval names the back-office principal");

        // §11: the delivered response's notification_id works like an immediate one's
        HttpResponse<String> accepted = Http.post("/oid4vci/notification", "{\"notification_id\":\""
                + body.getString("notification_id") + "\",\"event\":\"credential_accepted\"}",
                "Authorization", "Bearer " + offer.token(), "Content-Type", "application/json");
        assertEquals(204, accepted.statusCode(), accepted.body());
        assertEquals(2, Deferred.column(offer.subject(), "SELECT event FROM issuance_event WHERE subject = ?"
                + " AND event = 'credential_accepted'").size());
    }

    @Test
    void aRejectedTransactionIsCredentialRequestDeniedAndOnRecordWithItsReason() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = deferredRequest(offer, Wallet.holders(1));
        String id = Deferred.idOf(offer.subject());

        HttpResponse<String> rejected = Deferred.reject(id, "identity documents could not be verified");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("rejected", Http.json(rejected).getString("state"));

        assertError(Deferred.poll(offer.token(), transactionId), 400, "credential_request_denied");
        assertError(Deferred.reject(id, "again"), 409, "conflict");
        assertError(Deferred.approve(id, ""), 409, "conflict");
        assertEquals(List.of("identity documents could not be verified"), Deferred.column(id,
                "SELECT reason FROM issuance_event WHERE deferred_id = ? AND event = 'deferred_rejected'"));
        assertEquals(List.of("request_started credential -", "credential_deferred credential -",
                "deferred_rejected admin_deferred_credentials -", "request_started deferred_credential -",
                "request_failed deferred_credential credential_request_denied"), Deferred.trail(id));
    }

    @Test
    void anApprovalIsCheckedLikeAnOfferAndOnlyPendingOnesAreDecided() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = deferredRequest(offer, Wallet.holders(1));
        String id = Deferred.idOf(offer.subject());

        // the offer lacks the mandatory birthdate, so an approval without claims is refused
        assertError(Deferred.approve(id, ""), 400, "invalid_request");
        assertError(Deferred.approve(id, "{\"claims\": {\"given_name\": \"E\", \"family_name\": \"M\","
                + " \"birthdate\": \"1964-08-12\", \"shoe_size\": 42}}"), 400, "invalid_request");
        assertError(Deferred.approve(id, "{\"claims\": [1]}"), 400, "invalid_request");
        assertError(Deferred.approve(id, "{\"claims\":"), 400, "invalid_request");
        assertError(Deferred.approve("no-such-transaction", Deferred.FINAL_CLAIMS), 404, "not_found");
        assertError(Deferred.reject(id, ""), 400, "invalid_request");
        assertEquals(202, Deferred.poll(offer.token(), transactionId).statusCode(), "still pending");

        assertEquals(200, Deferred.approve(id, Deferred.FINAL_CLAIMS).statusCode());
        assertError(Deferred.approve(id, Deferred.FINAL_CLAIMS), 409, "conflict");
        assertError(Deferred.reject(id, "too late"), 409, "conflict");
        assertEquals(1, Deferred.column(id, "SELECT event FROM issuance_event WHERE deferred_id = ?"
                + " AND event = 'deferred_approved'").size());
    }

    @Test
    void aTransactionPastItsTimeIsUnknownAtOnceAndItsExpiryOnRecord() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), ", 'deferred_expires_in': 1");
        String transactionId = deferredRequest(offer, Wallet.holders(1));
        String id = Deferred.idOf(offer.subject());
        Thread.sleep(1_500);

        assertError(Deferred.poll(offer.token(), transactionId), 400, "invalid_transaction_id");
        assertError(Deferred.approve(id, Deferred.FINAL_CLAIMS), 409, "conflict");
        // the sweep (every second in the tests) marks it and puts it on record, once
        List<String> expired = List.of();
        for (int i = 0; i < 50 && expired.isEmpty(); i++) {
            Thread.sleep(200);
            expired = Deferred.column(id, "SELECT event || ' ' || endpoint || ' ' || subject FROM issuance_event"
                    + " WHERE deferred_id = ? AND event = 'deferred_expired'");
        }
        assertEquals(List.of("deferred_expired deferred_expiry " + offer.subject()), expired);
        assertEquals(List.of("expired"), Deferred.column(id, "SELECT state FROM deferred_credential WHERE id = ?"));
        Thread.sleep(1_500);
        assertEquals(1, Deferred.column(id, "SELECT id FROM issuance_event WHERE deferred_id = ?"
                + " AND event = 'deferred_expired'").size(), "expired once");
    }

    @Test
    void anotherTokenOrAnUnknownIdGetsInvalidTransactionIdAndNothingIsDelivered() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = deferredRequest(offer, Wallet.holders(1));
        String id = Deferred.idOf(offer.subject());
        assertEquals(200, Deferred.approve(id, Deferred.FINAL_CLAIMS).statusCode());
        // another token of the same subject, and a stranger's
        Redeemed sameSubject = Deferred.redeemedOffer(offer.subject(), "");
        Redeemed stranger = Deferred.redeemedOffer(subject(), "");

        HttpResponse<String> foreign = Deferred.poll(stranger.token(), transactionId);
        HttpResponse<String> otherToken = Deferred.poll(sameSubject.token(), transactionId);
        HttpResponse<String> unknown = Deferred.poll(offer.token(), "x".repeat(43));
        HttpResponse<String> publicHandle = Deferred.poll(offer.token(), id);

        assertError(foreign, 400, "invalid_transaction_id");
        assertError(otherToken, 400, "invalid_transaction_id");
        assertError(unknown, 400, "invalid_transaction_id");
        assertError(publicHandle, 400, "invalid_transaction_id");
        // §9.3: the same answer, so a transaction's owner is never revealed
        assertEquals(Http.json(unknown), Http.json(foreign));
        assertEquals(200, Deferred.poll(offer.token(), transactionId).statusCode(), "the owner still collects it");
    }

    private static String thumbprint(ECKey key) {
        try {
            return key.computeThumbprint().toString();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theBackOfficeListsPendingTransactionsByConfigurationAndAge() throws SQLException {
        Redeemed first = Deferred.redeemedOffer(subject(), "");
        deferredRequest(first, Wallet.holders(1));
        Redeemed second = Deferred.redeemedOffer(subject(), "");
        deferredRequest(second, Wallet.holders(1));
        String firstId = Deferred.idOf(first.subject());
        String secondId = Deferred.idOf(second.subject());

        List<String> all = ids(Deferred.list("?credential_configuration_id=IdentityCredential&limit=1000"));
        assertTrue(all.containsAll(List.of(firstId, secondId)), all.toString());
        assertTrue(ids(Deferred.list("?credential_configuration_id=NoSuchCredential")).isEmpty());
        assertFalse(ids(Deferred.list("?older_than_seconds=86400")).contains(firstId), "created just now");
        assertEquals(1, ids(Deferred.list("?limit=1")).size());
        assertError(Deferred.list("?limit=0"), 400, "invalid_request");
        assertError(Deferred.list("?older_than_seconds=soon"), 400, "invalid_request");
        assertError(Http.get(Deferred.ADMIN_PATH), 401, "invalid_token");

        Deferred.reject(firstId, "not needed");
        assertFalse(ids(Deferred.list("?limit=1000")).contains(firstId), "only pending ones are listed");
    }

    private static List<String> ids(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        return Http.json(response).getJsonArray("deferred_credentials").stream()
                .map(t -> t.asJsonObject().getString("id")).toList();
    }
}
