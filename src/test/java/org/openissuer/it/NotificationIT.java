package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.Wallet;

/** OID4VCI 1.0 §11: the wallet reports what became of its credentials, with the token that obtained them. */
@IssuerIT
class NotificationIT {

    static final String PATH = "/oid4vci/notification";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    /** A subject, its token and the notification_id of one response of two credentials. */
    private record Issued(String subject, String token, String notificationId) {
    }

    private static Issued issue() {
        String subject = "it-notify-" + UUID.randomUUID();
        String token = AccessTokenJwt.forSubject(subject).build();
        HttpResponse<String> response = Wallet.post(token, Wallet.request(Wallet.nonce(), Wallet.holders(2)));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals(2, body.getJsonArray("credentials").size());
        return new Issued(subject, token, body.getString("notification_id"));
    }

    private static HttpResponse<String> notify(String authorization, String body) {
        return Http.post(PATH, body, "Authorization", authorization, "Content-Type", "application/json");
    }

    private static String body(String id, String event) {
        return "{\"notification_id\":\"" + id + "\",\"event\":\"" + event + "\"}";
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Http.json(response).getString("error"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    private static List<String> rows(String subject, String sql) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, subject);
            List<String> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        }
    }

    private static List<String> issuedIds(String subject) throws SQLException {
        return rows(subject, "SELECT credential_id FROM issuance_event WHERE subject = ? AND event = 'credential_issued'"
                + " ORDER BY credential_id");
    }

    private static List<String> reports(String subject) throws SQLException {
        return rows(subject, "SELECT event || ' ' || credential_id || ' ' || coalesce(event_description, '-')"
                + " FROM issuance_event WHERE subject = ? AND endpoint = 'notification' AND error_code IS NULL ORDER BY id");
    }

    @Test
    void everyCredentialResponseCarriesAnUnguessableNotificationId() {
        Issued issued = issue();
        // 256 random bits, base64url
        assertTrue(issued.notificationId().matches("[A-Za-z0-9_-]{43}"), issued.notificationId());
        HttpResponse<String> draft13 = Wallet.post(issued.token(),
                Wallet.draft13Request("dc+sd-jwt", Wallet.nonce(), Wallet.holders(1).get(0)));
        assertEquals(200, draft13.statusCode(), draft13.body());
        String other = Http.json(draft13).getString("notification_id");
        assertTrue(!other.equals(issued.notificationId()), "one notification_id per response");
    }

    @Test
    void eachEventIsAnsweredNoContentAndPutOnRecordPerCredential() throws SQLException {
        Issued issued = issue();
        List<String> ids = issuedIds(issued.subject());
        assertEquals(2, ids.size());

        List<String> expected = new ArrayList<>();
        for (String event : List.of("credential_accepted", "credential_failure", "credential_deleted")) {
            HttpResponse<String> response = notify("Bearer " + issued.token(), body(issued.notificationId(), event));
            assertEquals(204, response.statusCode(), response.body());
            assertEquals("", response.body());
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
            ids.forEach(id -> expected.add(event + " " + id + " -"));
        }
        List<String> recorded = reports(issued.subject());
        assertEquals(expected.stream().sorted().toList(), recorded.stream().sorted().toList());
    }

    @Test
    void aRepeatedReportIsAcceptedAndOnRecordEachTimeWithItsDescription() throws SQLException {
        Issued issued = issue();
        String failure = "{\"notification_id\":\"" + issued.notificationId()
                + "\",\"event\":\"credential_failure\",\"event_description\":\"Could not store the Credential.\"}";

        assertEquals(204, notify("Bearer " + issued.token(), failure).statusCode());
        assertEquals(204, notify("Bearer " + issued.token(), failure).statusCode());

        List<String> recorded = reports(issued.subject());
        assertEquals(4, recorded.size(), recorded.toString());
        assertTrue(recorded.stream().allMatch(r -> r.startsWith("credential_failure ")
                && r.endsWith(" Could not store the Credential.")), recorded.toString());
    }

    @Test
    void anotherTokenGetsInvalidNotificationIdAsForAnUnknownId() throws SQLException {
        Issued issued = issue();
        String sameSubject = AccessTokenJwt.forSubject(issued.subject()).build();
        String stranger = AccessTokenJwt.forSubject("it-notify-" + UUID.randomUUID()).build();

        HttpResponse<String> foreign = notify("Bearer " + stranger, body(issued.notificationId(), "credential_deleted"));
        HttpResponse<String> otherToken = notify("Bearer " + sameSubject,
                body(issued.notificationId(), "credential_deleted"));
        HttpResponse<String> unknown = notify("Bearer " + stranger, body("x".repeat(43), "credential_deleted"));

        assertError(foreign, 400, "invalid_notification_id");
        assertError(otherToken, 400, "invalid_notification_id");
        assertError(unknown, 400, "invalid_notification_id");
        // §11.3: never reveal whether the id exists
        assertEquals(Http.json(unknown), Http.json(foreign));
        assertEquals(List.of(), reports(issued.subject()));
        assertEquals(List.of("invalid_notification_id"), rows(issued.subject(),
                "SELECT error_code FROM issuance_event WHERE subject = ? AND endpoint = 'notification'"));
    }

    @Test
    void malformedRequestsGetInvalidNotificationRequest() {
        Issued issued = issue();
        String bearer = "Bearer " + issued.token();

        assertError(notify(bearer, body(issued.notificationId(), "credential_stored")), 400, "invalid_notification_request");
        assertError(notify(bearer, "{\"event\":\"credential_accepted\"}"), 400, "invalid_notification_request");
        assertError(notify(bearer, "{not json"), 400, "invalid_notification_request");
        assertError(notify(bearer, "{\"notification_id\":\"" + issued.notificationId()
                + "\",\"event\":\"credential_failure\",\"event_description\":\"\\u00e9\\n\"}"), 400,
                "invalid_notification_request");
        assertError(Http.post(PATH, body(issued.notificationId(), "credential_accepted"), "Authorization", bearer,
                "Content-Type", "text/plain"), 400, "invalid_notification_request");
    }

    @Test
    void aMissingOrBadTokenGets401WithAChallenge() {
        HttpResponse<String> none = Http.post(PATH, body("x", "credential_accepted"), "Content-Type", "application/json");
        HttpResponse<String> bad = notify("Bearer not-a-jwt", body("x", "credential_accepted"));

        assertError(none, 401, "invalid_token");
        assertError(bad, 401, "invalid_token");
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertTrue(bad.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));
    }

    @Test
    void aDPoPBoundTokenNeedsAProofForThisEndpoint() {
        DPoPWallet wallet = DPoPWallet.forIssuerUnderTest();
        String code = Offers.code(Offers.create("it-notify-" + UUID.randomUUID(), null));
        HttpResponse<String> tokenResponse = DPoPWallet.token(Http.base(), code, wallet.tokenProof().build());
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        String token = Http.json(tokenResponse).getString("access_token");
        HttpResponse<String> credential = DPoPWallet.credential(Http.base(), token, wallet.credentialProof(token).build(),
                DPoPWallet.credentialRequest());
        assertEquals(200, credential.statusCode(), credential.body());
        String id = Http.json(credential).getString("notification_id");
        String report = body(id, "credential_accepted");

        HttpResponse<String> withoutProof = notify("DPoP " + token, report);
        HttpResponse<String> asBearer = notify("Bearer " + token, report);
        HttpResponse<String> credentialHtu = Http.post(PATH, report, "Authorization", "DPoP " + token,
                "Content-Type", "application/json", "DPoP", wallet.credentialProof(token).build());
        HttpResponse<String> accepted = Http.post(PATH, report, "Authorization", "DPoP " + token,
                "Content-Type", "application/json", "DPoP",
                DPoPJwt.signedBy(wallet.key()).htu(Http.base() + PATH).accessToken(token).build());

        assertError(withoutProof, 401, "invalid_dpop_proof");
        assertTrue(withoutProof.headers().firstValue("WWW-Authenticate").orElse("").startsWith("DPoP"));
        assertError(asBearer, 401, "invalid_token");
        assertError(credentialHtu, 401, "invalid_dpop_proof");
        assertEquals(204, accepted.statusCode(), accepted.body());
    }
}
