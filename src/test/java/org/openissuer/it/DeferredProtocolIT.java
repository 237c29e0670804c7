package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.it.DeferredIT.assertError;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.Deferred;
import org.openissuer.testsupport.Deferred.Redeemed;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Jwe;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.Wallet;

/**
 * The deferred credential endpoint against each kind of wallet (draft 13, encrypted 1.0, DPoP), two
 * polls racing for one approved transaction, and hostile polls.
 */
@IssuerIT
class DeferredProtocolIT {

    private static final String JWT = "application/jwt";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static String subject() {
        return "it-deferred-" + UUID.randomUUID();
    }

    private static String transactionId(HttpResponse<String> answer) {
        assertEquals(202, answer.statusCode(), answer.body());
        return Http.json(answer).getString("transaction_id");
    }

    @Test
    void aDraft13WalletGetsItsOwnShapesIncludingIssuancePending() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        HttpResponse<String> accepted = Wallet.post(offer.token(),
                Wallet.draft13Request("dc+sd-jwt", Wallet.nonce(), Wallet.holders(1).get(0)));
        String transactionId = transactionId(accepted);
        // draft 13 §7.3: the deferred answer carries the next c_nonce
        assertTrue(Http.json(accepted).containsKey("c_nonce"), accepted.body());
        String id = Deferred.idOf(offer.subject());

        // draft 13 §9.3: issuance_pending with the interval, not a 202
        HttpResponse<String> pending = Deferred.poll(offer.token(), transactionId);
        assertError(pending, 400, "issuance_pending");
        assertEquals(1, Http.json(pending).getInt("interval"));

        assertEquals(200, Deferred.approve(id, Deferred.FINAL_CLAIMS).statusCode());
        HttpResponse<String> delivered = Deferred.poll(offer.token(), transactionId);
        assertEquals(200, delivered.statusCode(), delivered.body());
        JsonObject body = Http.json(delivered);
        assertTrue(body.getString("credential").contains("~"), "draft 13 §7.3: one credential string");
        assertFalse(body.containsKey("credentials"));
        assertTrue(body.containsKey("notification_id"));
        // a pending poll is not a refusal: nothing on record for it
        assertEquals(List.of("request_started credential -", "credential_deferred credential -",
                "deferred_approved admin_deferred_credentials -", "request_started deferred_credential -",
                "credential_issued deferred_credential -"), Deferred.trail(id));
        assertEquals(List.of("draft-13"), Deferred.column(id, "SELECT DISTINCT dialect FROM issuance_event"
                + " WHERE deferred_id = ? AND event = 'credential_issued'"));
    }

    @Test
    void anEncryptedPollIsAnsweredEncryptedWithItsOwnKeyWhilePendingAndOnDelivery() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = transactionId(Deferred.request(offer.token(), Wallet.holders(1)));
        String id = Deferred.idOf(offer.subject());
        JWK issuerKey = issuerRequestKey();
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "deferred-wallet");

        HttpResponse<String> pending = encryptedPoll(offer.token(), transactionId, wallet, issuerKey);
        assertEquals(202, pending.statusCode(), pending.body());
        assertEquals(JWT, pending.headers().firstValue("Content-Type").orElse(""));
        assertEquals(transactionId, json(Jwe.decrypt(pending.body(), wallet).getPayload().toString())
                .getString("transaction_id"));
        // §9.1: response encryption only inside an encrypted request
        JsonObject plaintext = Json.createObjectBuilder().add("transaction_id", transactionId)
                .add("credential_response_encryption", encryption(wallet)).build();
        assertError(Deferred.poll("Bearer " + offer.token(), plaintext.toString(), "application/json"), 400,
                "invalid_encryption_parameters");

        assertEquals(200, Deferred.approve(id, Deferred.FINAL_CLAIMS).statusCode());
        JWK otherWallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "deferred-wallet-2");
        HttpResponse<String> delivered = encryptedPoll(offer.token(), transactionId, otherWallet, issuerKey);
        assertEquals(200, delivered.statusCode(), delivered.body());
        assertEquals(JWT, delivered.headers().firstValue("Content-Type").orElse(""));
        // §9.2: encrypted to this request's key, whatever the earlier ones had
        JsonObject body = json(Jwe.decrypt(delivered.body(), otherWallet).getPayload().toString());
        assertEquals(1, body.getJsonArray("credentials").size());
    }

    @Test
    void aDPoPBoundTokenPollsWithAProofForThisEndpoint() throws Exception {
        DPoPWallet wallet = DPoPWallet.forIssuerUnderTest();
        String subject = subject();
        HttpResponse<String> created = Offers.post(("{'credential_configuration_ids': ['IdentityCredential'], 'subject': '"
                + subject + "', 'issuance': 'deferred', 'claims': " + Deferred.PARTIAL_CLAIMS + "}").replace('\'', '"'));
        String code = Offers.code(Http.json(created));
        String token = Http.json(DPoPWallet.token(Http.base(), code, wallet.tokenProof().build())).getString("access_token");
        String transactionId = transactionId(DPoPWallet.credential(Http.base(), token, wallet.credentialProof(token).build(),
                DPoPWallet.credentialRequest()));
        String body = Deferred.body(transactionId);

        assertError(Deferred.poll("DPoP " + token, body, "application/json"), 401, "invalid_dpop_proof");
        assertError(Deferred.poll("Bearer " + token, body, "application/json"), 401, "invalid_token");
        assertError(Http.post(Deferred.PATH, body, "Authorization", "DPoP " + token, "Content-Type", "application/json",
                "DPoP", wallet.credentialProof(token).build()), 401, "invalid_dpop_proof");
        String proof = DPoPJwt.signedBy(wallet.key()).htu(Http.base() + Deferred.PATH).accessToken(token).build();
        HttpResponse<String> pending = Http.post(Deferred.PATH, body, "Authorization", "DPoP " + token,
                "Content-Type", "application/json", "DPoP", proof);
        assertEquals(202, pending.statusCode(), pending.body());
        // RFC 9449 §11.1: a proof is used once, even by a poll that changed nothing
        HttpResponse<String> replayed = Http.post(Deferred.PATH, body, "Authorization", "DPoP " + token,
                "Content-Type", "application/json", "DPoP", proof);
        assertError(replayed, 401, "invalid_dpop_proof");
        assertTrue(replayed.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP"));

        assertEquals(200, Deferred.approve(Deferred.idOf(subject), Deferred.FINAL_CLAIMS).statusCode());
        HttpResponse<String> delivered = Http.post(Deferred.PATH, body, "Authorization", "DPoP " + token,
                "Content-Type", "application/json", "DPoP",
                DPoPJwt.signedBy(wallet.key()).htu(Http.base() + Deferred.PATH).accessToken(token).build());
        assertEquals(200, delivered.statusCode(), delivered.body());
    }

    @Test
    void pollsRacingForOneApprovedTransactionDeliverItOnce() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = transactionId(Deferred.request(offer.token(), Wallet.holders(2)));
        String id = Deferred.idOf(offer.subject());
        assertEquals(200, Deferred.approve(id, Deferred.FINAL_CLAIMS).statusCode());

        int polls = 6;
        ExecutorService pool = Executors.newFixedThreadPool(polls);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < polls; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return Deferred.poll(offer.token(), transactionId);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() != 200) {
                    assertError(response, 400, "invalid_transaction_id");
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        // one set of credentials; every loser wrote its refusal and nothing else
        assertEquals(2, Deferred.column(id, "SELECT credential_id FROM issuance_event WHERE deferred_id = ?"
                + " AND event = 'credential_issued'").size());
        assertEquals(polls - 1, Deferred.column(id, "SELECT error_code FROM issuance_event WHERE deferred_id = ?"
                + " AND event = 'request_failed'").size());
        assertEquals(1, Deferred.column(offer.subject(), "SELECT notification_hash FROM credential_notification"
                + " WHERE subject = ?").size());
    }

    @Test
    void hostilePollsGetTheProtocolErrorAndGoOnRecord() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = transactionId(Deferred.request(offer.token(), Wallet.holders(1)));
        String bearer = "Bearer " + offer.token();

        for (String body : List.of("{not json", "{}", "{\"transaction_id\":5}", "{\"transaction_id\":null}",
                "[\"" + transactionId + "\"]", "{\"transaction_id\":\"a\",\"transaction_id\":\"b\"}", "")) {
            assertError(Deferred.poll(bearer, body, "application/json"), 400, "invalid_credential_request");
        }
        String huge = "{\"transaction_id\":\"" + transactionId + "\",\"pad\":\"" + "x".repeat(20_000) + "\"}";
        assertError(Deferred.poll(bearer, huge, "application/json"), 400, "invalid_credential_request");
        assertError(Deferred.poll(bearer, Deferred.body(transactionId), "text/plain"), 400, "invalid_credential_request");
        assertError(Deferred.poll(bearer, "not-a-jwe", JWT), 400, "invalid_encryption_parameters");
        HttpResponse<String> noToken = Http.post(Deferred.PATH, Deferred.body(transactionId), "Content-Type",
                "application/json");
        assertError(noToken, 401, "invalid_token");
        assertTrue(noToken.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertError(Deferred.poll("Bearer not-a-jwt", Deferred.body(transactionId), "application/json"), 401,
                "invalid_token");
        // the transaction survived it all
        assertEquals(202, Deferred.poll(offer.token(), transactionId).statusCode());

        String requestId = "hostile-" + UUID.randomUUID();
        Http.post(Deferred.PATH, "{\"transaction_id\":7}", "Authorization", bearer, "Content-Type", "application/json",
                "X-Request-Id", requestId);
        assertEquals(List.of("request_started -", "request_failed invalid_credential_request"), Deferred.column(requestId,
                "SELECT event || ' ' || coalesce(error_code, '-') FROM issuance_event WHERE request_id = ?"
                        + " AND endpoint = 'deferred_credential' ORDER BY id"));
    }

    @Test
    void aDeliveredResponsesNotificationIdRefusesMalformedEvents() throws Exception {
        Redeemed offer = Deferred.redeemedOffer(subject(), "");
        String transactionId = transactionId(Deferred.request(offer.token(), Wallet.holders(1)));
        assertEquals(200, Deferred.approve(Deferred.idOf(offer.subject()), Deferred.FINAL_CLAIMS).statusCode());
        String notificationId = Http.json(Deferred.poll(offer.token(), transactionId)).getString("notification_id");

        for (String body : List.of("{\"notification_id\":\"" + notificationId + "\",\"event\":\"credential_approved\"}",
                "{\"notification_id\":\"" + notificationId + "\"}", "{\"notification_id\":\"" + notificationId
                        + "\",\"event\":7}", "{\"notification_id\":\"" + notificationId + "\",\"event\":\"credential_accepted\","
                        + "\"event_description\":\"\\u0007\"}")) {
            assertError(Http.post("/oid4vci/notification", body, "Authorization", "Bearer " + offer.token(),
                    "Content-Type", "application/json"), 400, "invalid_notification_request");
        }
        Redeemed stranger = Deferred.redeemedOffer(subject(), "");
        assertError(Http.post("/oid4vci/notification", "{\"notification_id\":\"" + notificationId
                + "\",\"event\":\"credential_accepted\"}", "Authorization", "Bearer " + stranger.token(),
                "Content-Type", "application/json"), 400, "invalid_notification_id");
    }

    private static HttpResponse<String> encryptedPoll(String token, String transactionId, JWK wallet, JWK issuerKey) {
        JsonObject request = Json.createObjectBuilder().add("transaction_id", transactionId)
                .add("credential_response_encryption", encryption(wallet)).build();
        return Http.post(Deferred.PATH, Jwe.encrypt(request.toString(), issuerKey, EncryptionMethod.A128GCM, null),
                "Authorization", "Bearer " + token, "Content-Type", JWT);
    }

    private static JsonObject encryption(JWK wallet) {
        return Json.createObjectBuilder().add("jwk", json(wallet.toPublicJWK().toJSONString())).add("enc", "A128GCM").build();
    }

    private static JWK issuerRequestKey() throws ParseException {
        JsonObject metadata = Http.json(Http.get("/.well-known/openid-credential-issuer"));
        return JWKSet.parse(metadata.getJsonObject("credential_request_encryption").getJsonObject("jwks").toString())
                .getKeys().get(0);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
