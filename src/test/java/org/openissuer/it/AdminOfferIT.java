package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.TestKeys;

/** The back-office API: authentication, creating, inspecting and revoking offers. */
@IssuerIT
class AdminOfferIT {

    private static final String PATH = "/admin/credential-offers";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static HttpResponse<String> postWith(String authorization, String body) {
        return Http.post(PATH, body, "Content-Type", "application/json", "Authorization", authorization);
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Http.json(response).getString("error"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void answersAMissingTokenWith401AndABearerChallenge() {
        HttpResponse<String> response = Http.post(PATH, Offers.identityOffer("s", null), "Content-Type", "application/json");
        assertError(response, 401, "invalid_token");
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertError(Http.get(PATH + "/any"), 401, "invalid_token");
        assertError(Http.post(PATH, "subject=s", "Content-Type", "application/x-www-form-urlencoded"), 401, "invalid_token");
        assertError(Http.method("DELETE", PATH + "/any"), 401, "invalid_token");
    }

    @Test
    void answersForgedExpiredOrForeignTokensWith401() {
        String body = Offers.identityOffer("s", null);
        assertError(postWith("Bearer " + AdminTokens.token().signedBy(TestKeys.p256("idp-test-2026")).build(), body), 401,
                "invalid_token");
        assertError(postWith("Bearer " + AdminTokens.token().issuedAt(Instant.now().minusSeconds(3600))
                .lifetime(Duration.ofMinutes(5)).build(), body), 401, "invalid_token");
        assertError(postWith("Bearer " + AdminTokens.token().issuer("https://other-idp.example").build(), body), 401,
                "invalid_token");
        assertError(postWith("Basic YWRtaW46YWRtaW4=", body), 401, "invalid_token");
        assertError(postWith("Bearer not-a-jwt", body), 401, "invalid_token");
    }

    @Test
    void answersATokenWithoutTheAdminGroupWith403() {
        HttpResponse<String> response = postWith("Bearer " + AdminTokens.token().groups("staff").build(),
                Offers.identityOffer("s", null));
        assertError(response, 403, "insufficient_scope");
        assertError(Http.get(PATH + "/any", "Authorization", AdminTokens.token().groups().bearer()), 403, "insufficient_scope");
    }

    @Test
    void createsAnOfferWithUrisAndATxCodeShownOnce() throws Exception {
        HttpResponse<String> response = Offers.post(Offers.identityOffer("employee-2001",
                "{\"length\": 8, \"description\": \"Code from your letter\"}"));

        assertEquals(201, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject created = Http.json(response);
        String id = created.getString("id");
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith(PATH + "/" + id));
        assertEquals("pending", created.getString("status"));
        String txCode = created.getString("tx_code");
        assertTrue(txCode.matches("[0-9]{8}"), txCode);
        JsonObject offer = created.getJsonObject("credential_offer");
        assertEquals(Http.base(), offer.getString("credential_issuer"));
        JsonObject grant = offer.getJsonObject("grants").getJsonObject(Offers.PRE_AUTHORIZED_GRANT);
        assertEquals(8, grant.getJsonObject("tx_code").getInt("length"));
        assertEquals("numeric", grant.getJsonObject("tx_code").getString("input_mode"));
        assertTrue(created.getString("credential_offer_uri").startsWith(Http.base() + "/oid4vci/credential-offers/"));
        assertTrue(created.getString("credential_offer_by_value_uri").startsWith("openid-credential-offer://?credential_offer=%7B"));
        assertTrue(created.getString("credential_offer_by_reference_uri").startsWith("openid-credential-offer://?credential_offer_uri=http"));

        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT o.tx_code_hash, o.code_hash, e.principal, e.subject"
                        + " FROM credential_offer o JOIN issuance_event e ON e.offer_id = o.id AND e.event = 'offer_created'"
                        + " WHERE o.id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertFalse(row.getString(1).contains(txCode), "tx_code stored in clear");
                assertFalse(row.getString(2).equals(grant.getString("pre-authorized_code")), "code stored in clear");
                assertEquals("alice@example.com", row.getString(3));
                assertEquals("employee-2001", row.getString(4));
            }
        }
    }

    @Test
    void refusesClaimsThatDoNotFitTheConfigurationNamingTheClaim() {
        String unknown = "{\"credential_configuration_ids\": [\"IdentityCredential\"], \"subject\": \"s\", \"claims\":"
                + " {\"given_name\": \"E\", \"family_name\": \"M\", \"birthdate\": \"1964-08-12\", \"shoe_size\": 42}}";
        HttpResponse<String> response = Offers.post(unknown);
        assertError(response, 400, "invalid_request");
        assertTrue(Http.json(response).getString("error_description").contains("shoe_size"));

        String missing = "{\"credential_configuration_ids\": [\"IdentityCredential\"], \"subject\": \"s\", \"claims\":"
                + " {\"given_name\": \"E\", \"family_name\": \"M\"}}";
        response = Offers.post(missing);
        assertError(response, 400, "invalid_request");
        assertTrue(Http.json(response).getString("error_description").contains("birthdate"));

        String nested = "{\"credential_configuration_ids\": [\"IdentityCredential\"], \"subject\": \"s\", \"claims\":"
                + " {\"given_name\": \"E\", \"family_name\": \"M\", \"birthdate\": \"x\", \"address\": {\"planet\": \"Earth\"}}}";
        response = Offers.post(nested);
        assertError(response, 400, "invalid_request");
        assertTrue(Http.json(response).getString("error_description").contains("address.planet"));
    }

    @Test
    void refusesUnknownConfigurationsBadLimitsAndMalformedBodies() {
        assertError(Offers.post("{\"credential_configuration_ids\": [\"Nope\"], \"subject\": \"s\", \"claims\": {}}"), 400,
                "invalid_request");
        assertError(Offers.post(Offers.identityOffer("s", "{\"length\": 3}")), 400, "invalid_request");
        assertError(Offers.post(Offers.identityOffer("s", null).replace("}}", "}, \"expires_in\": 99999999}")), 400,
                "invalid_request");
        assertError(Offers.post("{not json"), 400, "invalid_request");
        assertError(Offers.post("{\"claims\": \"" + "x".repeat(70_000) + "\"}"), 400, "invalid_request");
        assertError(Http.post(PATH, "subject=s", "Content-Type", "application/x-www-form-urlencoded",
                "Authorization", AdminTokens.token().bearer()), 415, "unsupported_media_type");
    }

    @Test
    void reportsStatusUntilRedeemedWithTheRedemption() {
        JsonObject created = Offers.create("employee-2002", null);
        String id = created.getString("id");
        JsonObject pending = Http.json(Http.get(PATH + "/" + id, "Authorization", AdminTokens.token().bearer()));
        assertEquals("pending", pending.getString("status"));
        assertEquals("employee-2002", pending.getString("subject"));
        assertTrue(pending.getJsonArray("credentials").isEmpty());
        assertFalse(pending.toString().contains("Erika"), "claim values stay out of the status view");

        assertEquals(200, Offers.redeem(Offers.code(created), null).statusCode());
        JsonObject redeemed = Http.json(Http.get(PATH + "/" + id, "Authorization", AdminTokens.token().bearer()));
        assertEquals("redeemed", redeemed.getString("status"));
        assertTrue(redeemed.containsKey("redeemed_at"));
    }

    @Test
    void reportsAnExpiredOffer() throws Exception {
        JsonObject created = Offers.create("employee-2003", null);
        Offers.expire(created.getString("id"));
        assertEquals("expired", Http.json(Http.get(PATH + "/" + created.getString("id"), "Authorization",
                AdminTokens.token().bearer())).getString("status"));
    }

    @Test
    void revokesAPendingOfferButNotARedeemedOne() throws Exception {
        JsonObject pending = Offers.create("employee-2004", null);
        String id = pending.getString("id");
        HttpResponse<String> revoked = Http.method("DELETE", PATH + "/" + id, "Authorization", AdminTokens.token().upn("carol").bearer());
        assertEquals(204, revoked.statusCode(), revoked.body());
        JsonObject status = Http.json(Http.get(PATH + "/" + id, "Authorization", AdminTokens.token().bearer()));
        assertEquals("revoked", status.getString("status"));
        assertEquals("carol", status.getString("revoked_by"));
        assertEquals(204, Http.method("DELETE", PATH + "/" + id, "Authorization", AdminTokens.token().bearer()).statusCode());

        JsonObject redeemed = Offers.create("employee-2005", null);
        assertEquals(200, Offers.redeem(Offers.code(redeemed), null).statusCode());
        assertError(Http.method("DELETE", PATH + "/" + redeemed.getString("id"), "Authorization", AdminTokens.token().bearer()),
                409, "conflict");

        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT principal FROM issuance_event WHERE offer_id = ? AND event = 'offer_revoked'")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("carol", row.getString(1));
                assertFalse(row.next(), "revoking twice is recorded once");
            }
        }
    }

    @Test
    void recordsRefusedCallsWithClientAddress() throws Exception {
        String requestId = "admin-it-" + System.nanoTime();
        Http.post(PATH, "{}", "Content-Type", "application/json", "X-Request-Id", requestId,
                "Authorization", AdminTokens.token().groups("staff").bearer());
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT error_code, client_address, endpoint FROM issuance_event"
                        + " WHERE request_id = ? AND event = 'request_failed'")) {
            query.setString(1, requestId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "refusal not on record");
                assertEquals("insufficient_scope", row.getString(1));
                assertFalse(row.getString(2) == null || row.getString(2).isBlank());
                assertEquals("admin_credential_offers", row.getString(3));
            }
        }
    }

    @Test
    void describesTheFlowInOpenApi() {
        JsonObject paths = Http.json(Http.get("/openapi", "Accept", "application/json")).getJsonObject("paths");
        for (String path : new String[] {PATH, PATH + "/{id}", "/oid4vci/credential-offers/{reference}", "/oid4vci/token",
                "/oid4vci/jwks", "/.well-known/oauth-authorization-server"}) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path);
        }
    }

    @Test
    void answersAnUnknownOfferWith404() {
        assertError(Http.get(PATH + "/no-such-offer", "Authorization", AdminTokens.token().bearer()), 404, "not_found");
        assertError(Http.method("DELETE", PATH + "/no-such-offer", "Authorization", AdminTokens.token().bearer()), 404, "not_found");
    }
}
