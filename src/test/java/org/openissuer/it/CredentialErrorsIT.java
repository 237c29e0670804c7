package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.ProofJwt;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.Wallet;

/** Hostile and mistaken credential requests each get their exact protocol error (OID4VCI 1.0 §8.3.1). */
@IssuerIT
class CredentialErrorsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final ECKey holder = TestKeys.p256WithoutKid();

    private static String token() {
        return AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).build();
    }

    private JsonObject validRequest() {
        return Wallet.request(Wallet.nonce(), List.of(holder));
    }

    @Test
    void invalidToken() {
        for (String token : List.of("not-a-jwt",
                AccessTokenJwt.forSubject("a").expires(Instant.now().minusSeconds(120)).build(),
                AccessTokenJwt.forSubject("a").audience("https://other.example").build(),
                AccessTokenJwt.forSubject("a").issuer("https://untrusted.example").build(),
                AccessTokenJwt.forSubject("a").signedBy(TestKeys.p256("it-as-1")).build())) {
            assertTokenError(Wallet.post(token, validRequest()), 401, "invalid_token");
        }
        assertTokenError(Http.post("/oid4vci/credential", validRequest().toString(), "Content-Type", "application/json"),
                401, "invalid_token");
        assertTokenError(Http.post("/oid4vci/credential", validRequest().toString(), "Content-Type", "application/json",
                "Authorization", "Basic dXNlcjpwYXNz"), 401, "invalid_token");
    }

    @Test
    void insufficientScope() {
        String token = AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).scope("other_credential").build();
        assertTokenError(Wallet.post(token, validRequest()), 403, "insufficient_scope");
    }

    @Test
    void invalidCredentialRequest() {
        String token = token();
        assertError(Wallet.post(token, "{not json"), "invalid_credential_request");
        assertError(Wallet.post(token, "[]"), "invalid_credential_request");
        assertError(Wallet.post(token, validRequest() + " trailing"), "invalid_credential_request");
        assertError(Http.post("/oid4vci/credential", validRequest().toString(), "Authorization", "Bearer " + token,
                "Content-Type", "text/plain"), "invalid_credential_request");
        assertError(Wallet.post(token, "{\"credential_configuration_id\":\"" + "x".repeat(70_000) + "\"}"),
                "invalid_credential_request");
        String proof = Wallet.proof(holder, Wallet.nonce());
        assertError(Wallet.post(token, Json.createObjectBuilder(validRequest())
                .add("proof", Json.createObjectBuilder().add("proof_type", "jwt").add("jwt", proof)).build()),
                "invalid_credential_request");
        assertError(Wallet.post(token, Json.createObjectBuilder(validRequest())
                .add("credential_identifier", "identity-1").build()), "invalid_credential_request");
        assertError(Wallet.post(token, "{\"proofs\":{\"jwt\":[\"" + proof + "\"]}}"), "invalid_credential_request");
        assertError(Wallet.post(token, "{\"credential_configuration_id\":\"IdentityCredential\",\"proofs\":{\"jwt\":[]}}"),
                "invalid_credential_request");
    }

    @Test
    void batchLargerThanBatchSizeIsRefusedNotCut() {
        HttpResponse<String> response = Wallet.post(token(), Wallet.request(Wallet.nonce(), Wallet.holders(11)));
        assertError(response, "invalid_credential_request");
        assertTrue(Http.json(response).getString("error_description").contains("at most 10"));
    }

    @Test
    void unknownCredentialConfiguration() {
        JsonObject request = Json.createObjectBuilder(validRequest()).add("credential_configuration_id", "NoSuchThing").build();
        assertError(Wallet.post(token(), request), "unknown_credential_configuration");
    }

    @Test
    void unknownCredentialIdentifier() {
        String token = AccessTokenJwt.forSubject("it-" + UUID.randomUUID())
                .authorizationDetails(Wallet.CONFIGURATION, List.of("identity-1")).build();
        String body = "{\"credential_identifier\":\"identity-2\",\"proofs\":{\"jwt\":[\""
                + Wallet.proof(holder, Wallet.nonce()) + "\"]}}";
        assertError(Wallet.post(token, body), "unknown_credential_identifier");
    }

    @Test
    void invalidProof() {
        String nonce = Wallet.nonce();
        for (String proof : List.of(
                ProofJwt.signedBy(holder).audience("https://other.example").nonce(nonce).build(),
                ProofJwt.signedBy(holder).audience(Http.base()).nonce(nonce).typ("JWT").build(),
                ProofJwt.signedBy(holder).audience(Http.base()).nonce(nonce).issuedAt(Instant.now().minusSeconds(600)).build(),
                ProofJwt.signedBy(holder).audience(Http.base()).nonce(nonce).headerJwk(TestKeys.p256WithoutKid().toPublicJWK()).build(),
                ProofJwt.signedBy(holder).audience(Http.base()).nonce(nonce).buildWithPrivateJwkInHeader(),
                ProofJwt.signedBy(TestKeys.rsa(null)).audience(Http.base()).nonce(nonce).build())) {
            JsonObject request = Json.createObjectBuilder().add("credential_configuration_id", Wallet.CONFIGURATION)
                    .add("proofs", Json.createObjectBuilder().add("jwt", Json.createArrayBuilder().add(proof))).build();
            assertError(Wallet.post(token(), request), "invalid_proof");
        }
        assertError(Wallet.post(token(), "{\"credential_configuration_id\":\"IdentityCredential\"}"), "invalid_proof");
    }

    @Test
    void invalidNonceOnReplayAndOnUnknownValues() {
        String token = token();
        JsonObject request = validRequest();
        assertEquals(200, Wallet.post(token, request).statusCode());
        assertError(Wallet.post(token, request), "invalid_nonce");
        assertError(Wallet.post(token, Wallet.request("never-issued", List.of(holder))), "invalid_nonce");
    }

    @Test
    void draft13ErrorsAboutProofsCarryAFreshNonce() {
        String token = token();
        HttpResponse<String> response = Wallet.post(token, Wallet.draft13Request("dc+sd-jwt", "never-issued", holder));
        assertError(response, "invalid_nonce");
        JsonObject body = Http.json(response);
        String fresh = body.getString("c_nonce");
        assertNotNull(body.getJsonNumber("c_nonce_expires_in"));
        assertEquals(200, Wallet.post(token, Wallet.draft13Request("dc+sd-jwt", fresh, holder)).statusCode(),
                "the error's c_nonce is live");
    }

    @Test
    void unsupportedCredentialTypeAndFormatInDraft13() {
        String proof = Wallet.proof(holder, Wallet.nonce());
        JsonObject wrongType = Json.createObjectBuilder().add("format", "dc+sd-jwt").add("vct", "https://nope.example/type")
                .add("proof", Json.createObjectBuilder().add("proof_type", "jwt").add("jwt", proof)).build();
        assertError(Wallet.post(token(), wrongType), "unsupported_credential_type");
        JsonObject wrongFormat = Json.createObjectBuilder().add("format", "jwt_vc_json").add("vct", Wallet.VCT)
                .add("proof", Json.createObjectBuilder().add("proof_type", "jwt").add("jwt", proof)).build();
        assertError(Wallet.post(token(), wrongFormat), "unsupported_credential_format");
    }

    @Test
    void credentialRequestDeniedWhenTheSourceLacksAMandatoryClaim() {
        String token = AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).claim("given_name", null).build();
        HttpResponse<String> response = Wallet.post(token, validRequest());
        assertError(response, "credential_request_denied");
        assertTrue(Http.json(response).getString("error_description").contains("given_name"));
    }

    @Test
    void invalidEncryptionParametersWithoutAJwk() {
        JsonObject request = Json.createObjectBuilder(validRequest()).add("credential_response_encryption",
                Json.createObjectBuilder().add("enc", "A128GCM")).build();
        assertError(Wallet.post(token(), request), "invalid_encryption_parameters");
    }

    @Test
    void accessDeniedByPolicy() {
        HttpResponse<String> response = Wallet.post(AccessTokenJwt.forSubject("it-denied-subject").build(), validRequest());
        assertEquals(403, response.statusCode());
        assertEquals("access_denied", Http.json(response).getString("error"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void temporarilyUnavailableWithRetryAfterOverThePrincipalsRateLimit() {
        String token = token();
        HttpResponse<String> last = null;
        // 40 per fixed window: 41 requests that straddle a window's end may all be admitted, 81 cannot
        for (int i = 0; i < 81 && (last == null || last.statusCode() != 429); i++) {
            last = Wallet.post(token, "{}");
        }
        assertEquals(429, last.statusCode(), last.body());
        assertEquals("temporarily_unavailable", Http.json(last).getString("error"));
        long retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals(400, Wallet.post(token(), "{}").statusCode(), "other principals are still served");
    }

    @Test
    void serverErrorWithACorrelationIdAndNoInternals() throws Exception {
        String subject = "it-fault-" + UUID.randomUUID();
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE FUNCTION it_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " IF NEW.subject LIKE 'it-fault-%' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$");
            sql.execute("CREATE TRIGGER it_fault BEFORE INSERT ON issuance_event FOR EACH ROW EXECUTE FUNCTION it_fault()");
            try {
                HttpResponse<String> response = Wallet.post(AccessTokenJwt.forSubject(subject).build(), validRequest());
                assertEquals(500, response.statusCode(), response.body());
                JsonObject error = Http.json(response);
                assertEquals("server_error", error.getString("error"));
                String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
                assertTrue(error.getString("error_description").contains(requestId));
                assertFalse(response.body().contains("injected") || response.body().contains("Exception"));
            } finally {
                sql.execute("DROP TRIGGER it_fault ON issuance_event");
                sql.execute("DROP FUNCTION it_fault()");
            }
        }
    }

    @Test
    void everyRefusalIsOnRecordWithItsErrorCode() throws Exception {
        String requestId = "refused-" + UUID.randomUUID();
        Http.post("/oid4vci/credential", "{}", "Content-Type", "application/json", "X-Request-Id", requestId);
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT event, error_code FROM issuance_event WHERE request_id = ? ORDER BY id")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("request_started", rows.getString("event"));
                assertTrue(rows.next());
                assertEquals("request_failed", rows.getString("event"));
                assertEquals("invalid_token", rows.getString("error_code"));
                assertFalse(rows.next());
            }
        }
    }

    private static void assertError(HttpResponse<String> response, String code) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("error"), response.body());
        assertNotNull(Http.json(response).getString("error_description"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    private static void assertTokenError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, Http.json(response).getString("error"));
        String challenge = response.headers().firstValue("WWW-Authenticate").orElse("");
        assertTrue(challenge.startsWith("Bearer error=\"" + code + "\""), challenge);
        assertTrue(challenge.contains("error_description=\""), challenge);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }
}
