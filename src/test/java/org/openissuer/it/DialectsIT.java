package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Jwe;
import org.openissuer.testsupport.Wallet;

/** Draft 15 and draft-13-or-15 wallets each get an answer they can read (docs/dialects.md). */
@IssuerIT
class DialectsIT {

    private static final String IDENTIFIER = "identity-1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final JWKSet issuerKeys = IndependentSdJwt.publishedIssuerKeys();
    private final ECKey holder = Wallet.holders(1).get(0);

    @Test
    void aDraft15SingleProofByConfigurationIdGetsCredentialObjects() throws Exception {
        String requestId = "d15-" + UUID.randomUUID();
        JsonObject request = single(Json.createObjectBuilder().add("credential_configuration_id", Wallet.CONFIGURATION));

        HttpResponse<String> response = post(token(), request, requestId);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        // draft 15 §8.3: credentials (objects) and notification_id; no c_nonce, which came from the nonce endpoint
        IndependentSdJwt.verify(body.getJsonArray("credentials").getJsonObject(0).getString("credential"), issuerKeys);
        assertEquals(List.of("credentials", "notification_id"), List.copyOf(body.keySet()));
        assertEquals("draft-15", recordedDialect(requestId));
    }

    @Test
    void anIdentifierWithASingleProofIsAnsweredForDraft13AndDraft15Alike() throws Exception {
        String requestId = "d1315-" + UUID.randomUUID();
        String token = identifierToken();
        JsonObject request = single(Json.createObjectBuilder().add("credential_identifier", IDENTIFIER));

        HttpResponse<String> response = post(token, request, requestId);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        String credential = body.getString("credential");
        assertEquals(credential, body.getJsonArray("credentials").getJsonObject(0).getString("credential"));
        IndependentSdJwt.verify(credential, issuerKeys);
        assertEquals("draft-13/15", recordedDialect(requestId));
        // draft 13 §7.3: the c_nonce of the answer is live for the next request
        JsonObject next = single(Json.createObjectBuilder().add("credential_identifier", IDENTIFIER), body.getString("c_nonce"));
        assertEquals(200, Wallet.post(token, next).statusCode());
    }

    @Test
    void proofErrorsCarryAFreshNonceOnlyWhereTheDialectHadOne() {
        JsonObject draft15 = single(Json.createObjectBuilder().add("credential_configuration_id", Wallet.CONFIGURATION),
                "never-issued");
        HttpResponse<String> refused15 = Wallet.post(token(), draft15);
        assertEquals("invalid_nonce", Http.json(refused15).getString("error"), refused15.body());
        assertFalse(Http.json(refused15).containsKey("c_nonce"), "draft 15 §8.3.1.2 has no c_nonce in errors");

        JsonObject either = single(Json.createObjectBuilder().add("credential_identifier", IDENTIFIER), "never-issued");
        HttpResponse<String> refused = Wallet.post(identifierToken(), either);
        assertEquals("invalid_nonce", Http.json(refused).getString("error"), refused.body());
        assertTrue(Http.json(refused).containsKey("c_nonce"), "draft 13 §7.3.1.2 sends the next c_nonce");
    }

    @Test
    void aDraft15PlaintextRequestWithAlgBesideTheJwkGetsAnEncryptedDraft15Answer() {
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "d15-wallet");
        JsonObject request = Json.createObjectBuilder(
                single(Json.createObjectBuilder().add("credential_configuration_id", Wallet.CONFIGURATION)))
                .add("credential_response_encryption", draft15Encryption(wallet)).build();

        JsonObject body = decrypted(Wallet.post(token(), request), wallet);

        assertEquals(1, body.getJsonArray("credentials").size());
        assertFalse(body.containsKey("credential"));
    }

    @Test
    void aBatchWithAlgBesideTheJwkInAPlaintextRequestIsDraft15NotA10Error() throws Exception {
        String requestId = "d15b-" + UUID.randomUUID();
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "d15-batch");
        JsonObject request = Json.createObjectBuilder(Wallet.request(Wallet.nonce(), Wallet.holders(2)))
                .add("credential_response_encryption", draft15Encryption(wallet)).build();

        JsonObject body = decrypted(post(token(), request, requestId), wallet);

        assertEquals(2, body.getJsonArray("credentials").size());
        IndependentSdJwt.verify(body.getJsonArray("credentials").getJsonObject(1).getString("credential"), issuerKeys);
        assertEquals("draft-15", recordedDialect(requestId));
    }

    @Test
    void anEncryptedAnswerToTheDraft13Or15ShapeCarriesBothReadings() {
        JWK wallet = Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "d1315-wallet");
        JsonObject request = Json.createObjectBuilder(single(Json.createObjectBuilder().add("credential_identifier", IDENTIFIER)))
                .add("credential_response_encryption", draft15Encryption(wallet)).build();

        JsonObject body = decrypted(Wallet.post(identifierToken(), request), wallet);

        assertTrue(body.containsKey("credential") && body.containsKey("credentials") && body.containsKey("c_nonce"), body.toString());
    }

    private JsonObject single(JsonObjectBuilder request) {
        return single(request, Wallet.nonce());
    }

    private JsonObject single(JsonObjectBuilder request, String nonce) {
        return request.add("proof", Json.createObjectBuilder().add("proof_type", "jwt").add("jwt", Wallet.proof(holder, nonce)))
                .build();
    }

    // draft 15 §8.2: jwk, alg and enc side by side; the jwk itself names no alg
    private static JsonObjectBuilder draft15Encryption(JWK wallet) {
        JsonObject jwk = Json.createReader(new StringReader(wallet.toPublicJWK().toJSONString())).readObject();
        return Json.createObjectBuilder().add("jwk", Json.createObjectBuilder(jwk).remove("alg"))
                .add("alg", wallet.getAlgorithm().getName()).add("enc", "A128GCM");
    }

    private static JsonObject decrypted(HttpResponse<String> response, JWK wallet) {
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/jwt", response.headers().firstValue("Content-Type").orElse(""));
        JWEObject jwe = Jwe.decrypt(response.body(), wallet);
        return Json.createReader(new StringReader(jwe.getPayload().toString())).readObject();
    }

    private static HttpResponse<String> post(String token, JsonObject body, String requestId) {
        return Http.post("/oid4vci/credential", body.toString(), "Authorization", "Bearer " + token,
                "Content-Type", "application/json", "X-Request-Id", requestId);
    }

    private static String recordedDialect(String requestId) throws Exception {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT DISTINCT dialect FROM issuance_event WHERE request_id = ? AND dialect IS NOT NULL")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "no audit row with a dialect for " + requestId);
                return rows.getString(1);
            }
        }
    }

    private static String token() {
        return AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).build();
    }

    private static String identifierToken() {
        return AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).scope(null)
                .authorizationDetails(Wallet.CONFIGURATION, List.of(IDENTIFIER)).build();
    }
}
