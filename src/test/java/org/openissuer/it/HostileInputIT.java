package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.Deferred;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.RawJws;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.Wallet;

/** Parser limits, malformed JWTs and duplicate members each get the endpoint's 4xx envelope, never a 500. */
@IssuerIT
class HostileInputIT {

    static final String BIG_NUMBER = "{\"n\": " + "9".repeat(1_200) + "}";
    static final String DEEP_OBJECT = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);
    static final String DEEP_ARRAY = "[".repeat(20_000);
    static final String NULL_JWT = "bnVsbA.bnVsbA.";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final ECKey holder = TestKeys.p256WithoutKid();

    private static String token() {
        return AccessTokenJwt.forSubject("hostile-" + UUID.randomUUID()).build();
    }

    static void assertEnvelope(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        JsonObject body = Http.json(response);
        assertEquals(error, body.getString("error"), body.toString());
    }

    @Test
    void credentialParserLimits() {
        String token = token();
        for (String body : List.of(BIG_NUMBER, DEEP_OBJECT, DEEP_ARRAY, "{\"a\":" + "[".repeat(10_000))) {
            assertEnvelope(Wallet.post(token, body), 400, "invalid_credential_request");
        }
    }

    @Test
    void deferredParserLimitsAndHostilePolls() {
        String bearer = "Bearer " + token();
        for (String body : List.of(BIG_NUMBER, DEEP_OBJECT, DEEP_ARRAY, "{\"transaction_id\":" + "[".repeat(10_000),
                "{\"transaction_id\":\"a\",\"transaction_id\":\"b\"}", "{\"transaction_id\":{}}")) {
            assertEnvelope(Deferred.poll(bearer, body, "application/json"), 400, "invalid_credential_request");
        }
        // a token of nobody's transaction, with a well-formed id: the answer of every unknown id
        assertEnvelope(Deferred.poll(bearer, Deferred.body("x".repeat(43)), "application/json"), 400,
                "invalid_transaction_id");
        assertEnvelope(Deferred.poll(bearer, Deferred.body("x".repeat(10_000)), "application/json"), 400,
                "invalid_transaction_id");
        for (String token : List.of(NULL_JWT, "e30.bnVsbA.", "bnVsbA.e30.")) {
            assertEnvelope(Deferred.poll("Bearer " + token, Deferred.body("x"), "application/json"), 401, "invalid_token");
        }
    }

    @Test
    void deferredBackOfficeParserLimits() {
        String id = "no-such-" + UUID.randomUUID();
        for (String body : List.of(BIG_NUMBER, DEEP_OBJECT, DEEP_ARRAY, "{\"reason\":\"a\",\"reason\":\"b\"}")) {
            assertEnvelope(Http.post(Deferred.ADMIN_PATH + "/" + id + "/reject", body, "Content-Type", "application/json",
                    "Authorization", AdminTokens.token().bearer()), 400, "invalid_request");
        }
        for (String body : List.of(DEEP_OBJECT, "{\"claims\":" + "{\"a\":".repeat(10_000))) {
            assertEnvelope(Deferred.approve(id, body), 400, "invalid_request");
        }
        assertEnvelope(Deferred.list("?limit=" + "9".repeat(400)), 400, "invalid_request");
        assertEnvelope(Http.post(Deferred.ADMIN_PATH + "/" + id + "/approve", "{}", "Content-Type", "application/json",
                "Authorization", "Bearer " + NULL_JWT), 401, "invalid_token");
    }

    @Test
    void adminParserLimits() {
        String big = Offers.identityOffer("s-" + UUID.randomUUID(), null).replace("{\"credential",
                "{\"expires_in\": " + "9".repeat(40_000) + ", \"credential");
        for (String body : List.of(BIG_NUMBER, DEEP_OBJECT, DEEP_ARRAY, big)) {
            assertEnvelope(Offers.post(body), 400, "invalid_request");
        }
    }

    @Test
    void tokenEndpointRefusesJsonAndHostileForms() {
        for (String body : List.of(BIG_NUMBER, DEEP_OBJECT, DEEP_ARRAY)) {
            assertEnvelope(Http.post("/oid4vci/token", body, "Content-Type", "application/json"), 400, "invalid_request");
            assertEnvelope(Http.post("/oid4vci/token", body, "Content-Type", "application/x-www-form-urlencoded"), 400,
                    "invalid_request");
        }
    }

    @Test
    void duplicateMembersAreRefused() {
        String nonce = Wallet.nonce();
        String valid = Wallet.request(nonce, List.of(holder)).getJsonObject("proofs").toString();
        String body = "{\"credential_configuration_id\":\"" + Wallet.CONFIGURATION + "\",\"proofs\":{\"jwt\":[]},\"proofs\":"
                + valid + "}";
        assertEnvelope(Wallet.post(token(), body), 400, "invalid_credential_request");

        String offer = Offers.identityOffer("s", null).replace("\"subject\": \"s\"", "\"subject\": \"s\", \"subject\": \"t\"");
        assertEnvelope(Offers.post(offer), 400, "invalid_request");
    }

    @Test
    void malformedProofs() {
        String jwk = RawJws.publicJwk(holder);
        String header = "{\"alg\":\"ES256\",\"typ\":\"openid4vci-proof+jwt\",\"jwk\":" + jwk + "}";
        String nullIat = RawJws.es256(holder, header,
                "{\"aud\":\"" + Http.base() + "\",\"nonce\":\"" + Wallet.nonce() + "\",\"iat\":null}");
        String dupNonce = RawJws.es256(holder, header, "{\"aud\":\"" + Http.base() + "\",\"nonce\":\"x\",\"nonce\":\""
                + Wallet.nonce() + "\",\"iat\":" + Instant.now().getEpochSecond() + "}");
        // found by FuzzIT: Nimbus skips a stray character in the signature, so the proof verified and issued
        String valid = Wallet.proof(holder, Wallet.nonce());
        String stray = valid.substring(0, valid.lastIndexOf('.') + 2) + "[" + valid.substring(valid.lastIndexOf('.') + 2);
        // also found by FuzzIT: a stray character in the jwk's x was skipped and the key went into cnf.jwk as sent
        String x = holder.getX().toString();
        String strayKey = RawJws.es256(holder, header.replace(x, x.substring(0, 7) + "}" + x.substring(7)),
                "{\"aud\":\"" + Http.base() + "\",\"nonce\":\"" + Wallet.nonce() + "\",\"iat\":" + Instant.now().getEpochSecond() + "}");
        for (String proof : List.of(nullIat, NULL_JWT, dupNonce, "e30.bnVsbA.", "bnVsbA.e30.", stray, strayKey)) {
            String body = "{\"credential_configuration_id\":\"" + Wallet.CONFIGURATION + "\",\"proofs\":{\"jwt\":[\"" + proof + "\"]}}";
            assertEnvelope(Wallet.post(token(), body), 400, "invalid_proof");
        }
    }

    @Test
    void malformedDPoPProofs() {
        DPoPWallet wallet = DPoPWallet.forIssuerUnderTest();
        String jwk = RawJws.publicJwk(wallet.key());
        String nullIat = RawJws.es256(wallet.key(), "{\"alg\":\"ES256\",\"typ\":\"dpop+jwt\",\"jwk\":" + jwk + "}",
                "{\"jti\":\"" + UUID.randomUUID() + "\",\"htm\":\"POST\",\"htu\":\"" + Http.base() + "/oid4vci/token\",\"iat\":null}");
        for (String proof : List.of(nullIat, NULL_JWT)) {
            String code = Offers.code(Offers.create("dpop-" + UUID.randomUUID(), null));
            assertEnvelope(DPoPWallet.token(Http.base(), code, proof), 400, "invalid_dpop_proof");
            HttpResponse<String> credential = DPoPWallet.credential(Http.base(), token(), proof, DPoPWallet.credentialRequest());
            assertEquals(401, credential.statusCode(), credential.body());
            assertTrue(credential.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP"), credential.headers().toString());
        }
    }

    @Test
    void malformedAccessAndAdminTokens() {
        ECKey key = TestKeys.p256("hostile");
        String nullExp = RawJws.es256(key, "{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}",
                "{\"iss\":\"" + AccessTokenJwt.AS_ISSUER + "\",\"sub\":\"x\",\"exp\":null,\"iat\":null}");
        for (String token : List.of(NULL_JWT, nullExp, "e30.bnVsbA.", "bnVsbA.e30.")) {
            HttpResponse<String> credential = Wallet.post(token, Wallet.request(Wallet.nonce(), List.of(holder)));
            assertEnvelope(credential, 401, "invalid_token");
            assertTrue(credential.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            HttpResponse<String> admin = Http.post("/admin/credential-offers", Offers.identityOffer("s", null),
                    "Content-Type", "application/json", "Authorization", "Bearer " + token);
            assertEnvelope(admin, 401, "invalid_token");
        }
    }

    @Test
    void signedAdminTokensWithNullClaimsAreRefused() {
        String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + AdminTokens.idpKey().getKeyID() + "\"}";
        long now = Instant.now().getEpochSecond();
        for (String payload : List.of("{\"iss\":\"" + AdminTokens.IDP + "\",\"upn\":\"a\",\"groups\":[\"issuer-admin\"],\"exp\":"
                + (now + 300) + ",\"iat\":null}", "{\"iss\":\"" + AdminTokens.IDP + "\",\"exp\":null,\"iat\":" + now + "}", "null")) {
            assertEnvelope(Http.post("/admin/credential-offers", Offers.identityOffer("s", null), "Content-Type", "application/json",
                    "Authorization", "Bearer " + RawJws.es256(AdminTokens.idpKey(), header, payload)), 401, "invalid_token");
        }
    }

    @Test
    void adminTokenFromTheFutureIsRefused() {
        String token = AdminTokens.token().issuedAt(Instant.now().plusSeconds(86_400)).bearer();
        assertEnvelope(Http.post("/admin/credential-offers", Offers.identityOffer("s", null), "Content-Type", "application/json",
                "Authorization", token), 401, "invalid_token");
    }
}
