package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

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

/** Every refusal of the token endpoint: RFC 6749 §5.2 codes, status 400, no-store, on record. */
@IssuerIT
class TokenErrorsIT {

    // the default issuer.token.max-tx-code-attempts
    private static final int MAX_ATTEMPTS = 5;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static String assertError(HttpResponse<String> response, String error) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject body = Http.json(response);
        assertEquals(error, body.getString("error"));
        assertFalse(body.getString("error_description", "").isEmpty());
        return body.getString("error_description");
    }

    private static String wrong(String txCode) {
        return txCode.equals("000000") ? "000001" : "000000";
    }

    @Test
    void answersOtherGrantsWithUnsupportedGrantType() {
        assertError(Offers.token("grant_type", "authorization_code", "code", "abc"), "unsupported_grant_type");
        assertError(Offers.token("grant_type", "client_credentials"), "unsupported_grant_type");
    }

    @Test
    void answersMissingParametersAndWrongBodiesWithInvalidRequest() {
        assertError(Offers.token("pre-authorized_code", "abc"), "invalid_request");
        assertError(Offers.token("grant_type", Offers.PRE_AUTHORIZED_GRANT), "invalid_request");
        assertError(Http.post("/oid4vci/token", "{\"grant_type\": \"x\"}", "Content-Type", "application/json"), "invalid_request");
        assertError(Http.post("/oid4vci/token", "grant_type=a&grant_type=b", "Content-Type", "application/x-www-form-urlencoded"),
                "invalid_request");
        assertError(Http.post("/oid4vci/token", "x=" + "y".repeat(10_000), "Content-Type", "application/x-www-form-urlencoded"),
                "invalid_request");
    }

    @Test
    void answersAnUnknownCodeWithInvalidGrant() {
        assertError(Offers.redeem("never-issued", null), "invalid_grant");
    }

    @Test
    void answersAMissingTxCodeWithInvalidRequestAndLeavesTheCodeUsable() {
        JsonObject offer = Offers.create("employee-4001", "true");
        assertTrue(assertError(Offers.redeem(Offers.code(offer), null), "invalid_request").contains("tx_code"));
        assertEquals(200, Offers.redeem(Offers.code(offer), offer.getString("tx_code")).statusCode());
    }

    @Test
    void answersAnUnexpectedTxCodeWithInvalidRequest() {
        JsonObject offer = Offers.create("employee-4002", null);
        assertError(Offers.redeem(Offers.code(offer), "123456"), "invalid_request");
        assertEquals(200, Offers.redeem(Offers.code(offer), null).statusCode());
    }

    @Test
    void answersAWrongTxCodeWithInvalidGrantAndStillAcceptsTheRightOne() {
        JsonObject offer = Offers.create("employee-4003", "true");
        String txCode = offer.getString("tx_code");
        assertError(Offers.redeem(Offers.code(offer), wrong(txCode)), "invalid_grant");
        assertEquals(200, Offers.redeem(Offers.code(offer), txCode).statusCode());
    }

    @Test
    void invalidatesTheCodeAfterTheMaximumOfWrongTxCodes() {
        JsonObject offer = Offers.create("employee-4004", "true");
        String txCode = offer.getString("tx_code");
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            assertError(Offers.redeem(Offers.code(offer), wrong(txCode)), "invalid_grant");
        }
        assertError(Offers.redeem(Offers.code(offer), txCode), "invalid_grant");
        assertEquals("invalidated", Http.json(Http.get("/admin/credential-offers/" + offer.getString("id"),
                "Authorization", AdminTokens.token().bearer())).getString("status"));
        assertEquals(404, Http.get(Offers.referencePath(offer)).statusCode());
    }

    @Test
    void answersAUsedCodeWithInvalidGrant() {
        JsonObject offer = Offers.create("employee-4005", null);
        assertEquals(200, Offers.redeem(Offers.code(offer), null).statusCode());
        assertError(Offers.redeem(Offers.code(offer), null), "invalid_grant");
    }

    @Test
    void answersAnExpiredCodeWithInvalidGrantEvenWithAWrongTxCode() throws Exception {
        JsonObject offer = Offers.create("employee-4006", "true");
        Offers.expire(offer.getString("id"));
        assertError(Offers.redeem(Offers.code(offer), offer.getString("tx_code")), "invalid_grant");
        assertError(Offers.redeem(Offers.code(offer), wrong(offer.getString("tx_code"))), "invalid_grant");
        assertError(Offers.redeem(Offers.code(offer), null), "invalid_grant");
    }

    @Test
    void answersARevokedCodeWithInvalidGrant() {
        JsonObject offer = Offers.create("employee-4007", null);
        assertEquals(204, Http.method("DELETE", "/admin/credential-offers/" + offer.getString("id"),
                "Authorization", AdminTokens.token().bearer()).statusCode());
        assertError(Offers.redeem(Offers.code(offer), null), "invalid_grant");
    }

    @Test
    void recordsEachRefusalWithItsOfferAndClientAddress() throws Exception {
        JsonObject offer = Offers.create("employee-4008", "true");
        Offers.redeem(Offers.code(offer), wrong(offer.getString("tx_code")));
        Offers.redeem(Offers.code(offer), null);
        List<String> codes = new ArrayList<>();
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT error_code, client_address, endpoint FROM issuance_event"
                        + " WHERE offer_id = ? AND event = 'request_failed' ORDER BY id")) {
            query.setString(1, offer.getString("id"));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    codes.add(row.getString(1));
                    assertFalse(row.getString(2) == null || row.getString(2).isBlank());
                    assertEquals("token", row.getString(3));
                }
            }
        }
        assertEquals(List.of("invalid_grant", "invalid_request"), codes);
    }
}
