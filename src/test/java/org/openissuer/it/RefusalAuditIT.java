package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.Wallet;

import com.nimbusds.jose.jwk.ECKey;

/**
 * A request's audit rows, written wherever it was refused or issued, share one context: behind
 * the trusted proxy (the ITs trust X-Forwarded-For) every row names the forwarded client, and a
 * refused request has exactly one request_failed row, with its endpoint and error code.
 */
@IssuerIT
class RefusalAuditIT {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    // a documentation address (RFC 5737) per run: the rate limits count per address
    private final String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    /** One audit row as the test reads it back: event, endpoint, client address, error code. */
    record Row(String event, String endpoint, String clientAddress, String errorCode) {
        @Override
        public String toString() {
            return event + "/" + endpoint + "/" + clientAddress + "/" + errorCode;
        }
    }

    @Test
    void aBadTokenAtTheCredentialEndpointIsStartedAndRefusedOnce() throws Exception {
        HttpResponse<String> response = Http.post("/oid4vci/credential", "{}", "Authorization", "Bearer not-a-token",
                "Content-Type", "application/json", FORWARDED_FOR, client + ", 10.0.0.1");
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(List.of(row("request_started", "credential", null), row("request_failed", "credential", "invalid_token")),
                rows(response));
    }

    @Test
    void anUnknownOfferReferenceIsRefusedOnce() throws Exception {
        HttpResponse<String> response = Http.get("/oid4vci/credential-offers/no-such-" + UUID.randomUUID(),
                FORWARDED_FOR, client);
        assertEquals(404, response.statusCode(), response.body());
        assertEquals(List.of(row("request_failed", "credential_offer", "not_found")), rows(response));
    }

    @Test
    void aBadAdminTokenIsRefusedOnce() throws Exception {
        HttpResponse<String> response = Http.post("/admin/credential-offers", Offers.identityOffer("s", null),
                "Content-Type", "application/json", "Authorization", "Bearer not-a-jwt", FORWARDED_FOR, client);
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(List.of(row("request_failed", "admin_credential_offers", "invalid_token")), rows(response));
    }

    @Test
    void anAdminRefusalAfterAuthenticationNamesTheCaller() throws Exception {
        HttpResponse<String> response = Http.post("/admin/credential-offers", "{}", "Content-Type", "text/plain",
                "Authorization", AdminTokens.token().bearer(), FORWARDED_FOR, client);
        assertEquals(415, response.statusCode(), response.body());
        assertEquals(List.of(row("request_failed", "admin_credential_offers", "unsupported_media_type")), rows(response));
        assertEquals(1, count(response, "principal IS NOT NULL"), "the refusal names the authenticated caller");
    }

    @Test
    void aStatusReadOfAnUnknownOfferLeavesNoRow() throws Exception {
        HttpResponse<String> response = Http.get("/admin/credential-offers/" + UUID.randomUUID(),
                "Authorization", AdminTokens.token().bearer(), FORWARDED_FOR, client);
        assertEquals(404, response.statusCode(), response.body());
        assertEquals(List.of(), rows(response));
    }

    @Test
    void anUnknownCodeAtTheTokenEndpointIsRefusedOnce() throws Exception {
        HttpResponse<String> response = Http.post("/oid4vci/token",
                "grant_type=" + Offers.PRE_AUTHORIZED_GRANT.replace(":", "%3A") + "&pre-authorized_code=unknown",
                "Content-Type", "application/x-www-form-urlencoded", FORWARDED_FOR, client);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of(row("request_failed", "token", "invalid_grant")), rows(response));
    }

    @Test
    void anOversizedNonceRequestIsStartedAndRefusedOnce() throws Exception {
        HttpResponse<String> response = Http.post("/oid4vci/nonce", "x".repeat(9 * 1024), FORWARDED_FOR, client);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of(row("request_started", "nonce", null), row("request_failed", "nonce", "invalid_request")),
                rows(response));
    }

    // the refusal commits inside the issuance transaction with the nonce check: the error mapper must not add a second
    @Test
    void aStaleNonceIsRefusedOnceInsideTheIssuanceTransaction() throws Exception {
        ECKey holder = Wallet.holders(1).get(0);
        String token = AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).build();
        HttpResponse<String> response = Http.post("/oid4vci/credential",
                Wallet.request("never-issued-" + UUID.randomUUID(), List.of(holder)).toString(),
                "Authorization", "Bearer " + token, "Content-Type", "application/json", FORWARDED_FOR, client);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals(List.of(row("request_started", "credential", null), row("request_failed", "credential", "invalid_nonce")),
                rows(response));
    }

    @Test
    void anIssuedCredentialsRowsAllNameTheForwardedClient() throws Exception {
        ECKey holder = Wallet.holders(1).get(0);
        String token = AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).build();
        HttpResponse<String> response = Http.post("/oid4vci/credential",
                Wallet.request(Wallet.nonce(), List.of(holder)).toString(),
                "Authorization", "Bearer " + token, "Content-Type", "application/json", FORWARDED_FOR, client);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(List.of(row("request_started", "credential", null), row("credential_issued", "credential", null)),
                rows(response));
    }

    private Row row(String event, String endpoint, String errorCode) {
        return new Row(event, endpoint, client, errorCode);
    }

    private static List<Row> rows(HttpResponse<String> response) throws Exception {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT event, endpoint, client_address, error_code"
                        + " FROM issuance_event WHERE request_id = ? ORDER BY id")) {
            query.setString(1, requestId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getString(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
            return rows;
        }
    }

    private static int count(HttpResponse<String> response, String condition) throws Exception {
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT count(*) FROM issuance_event WHERE request_id = ? AND " + condition)) {
            query.setString(1, response.headers().firstValue("X-Request-Id").orElseThrow());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
