package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.Events.ids;
import static org.openissuer.testsupport.Events.page;
import static org.openissuer.testsupport.Events.query;
import static org.openissuer.testsupport.Events.types;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.AuditRows;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Events;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.Wallet;

/** GET /admin/events: who may read it, what each filter selects, how real requests read as events, hostile input. */
@IssuerIT
class AdminEventsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static void assertError(HttpResponse<String> response, int status, String error) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(error, Http.json(response).getString("error"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    @Test
    void letsTheAdminAndAuditorGroupsReadAndNobodyElse() {
        HttpResponse<String> anonymous = Http.get(Events.PATH);
        assertError(anonymous, 401, "invalid_token");
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertError(Events.get(AdminTokens.token().signedBy(TestKeys.p256("idp-test-2026")).groups(Events.AUDITOR_GROUP)
                .build(), ""), 401, "invalid_token");
        assertError(Events.get("not-a-jwt", ""), 401, "invalid_token");
        assertError(Events.get(AdminTokens.token().groups("staff").build(), ""), 403, "insufficient_scope");
        HttpResponse<String> auditor = Events.get(Events.auditor(), "limit=1");
        assertEquals(200, auditor.statusCode(), auditor.body());
        assertEquals("no-store", auditor.headers().firstValue("Cache-Control").orElse(null));
        assertEquals(200, Events.get(AdminTokens.admin(), "limit=1").statusCode());
    }

    @Test
    void givesTheAuditorGroupNothingButEvents() {
        String auditor = "Bearer " + Events.auditor();
        assertError(Http.get("/admin/credential-offers/any", "Authorization", auditor), 403, "insufficient_scope");
        assertError(Http.get("/admin/deferred-credentials", "Authorization", auditor), 403, "insufficient_scope");
        assertError(Http.post("/admin/credential-offers", "{}", "Authorization", auditor, "Content-Type",
                "application/json"), 403, "insufficient_scope");
        assertError(Http.post(Events.PATH, "{}", "Authorization", auditor, "Content-Type", "application/json"), 405,
                "method_not_allowed");
    }

    @Test
    void showsACredentialRequestAsStartedAndIssuedWithoutTheCredential() {
        String subject = "it-events-" + UUID.randomUUID();
        HttpResponse<String> issued = Wallet.post(AccessTokenJwt.forSubject(subject).build(),
                Wallet.request(Wallet.nonce(), Wallet.holders(2)));
        assertEquals(200, issued.statusCode(), issued.body());
        JsonObject page = page(query("subject", subject));
        assertEquals(List.of("credential.issued", "credential.issued", "credential.request.started"), types(page));
        JsonObject credential = page.getJsonArray("events").getJsonObject(0);
        assertEquals("credential", credential.getString("endpoint"));
        assertEquals(Wallet.CONFIGURATION, credential.getString("credential_configuration_id"));
        assertEquals(64, credential.getString("credential_digest").length());
        assertFalse(credential.getJsonArray("disclosed_claims").isEmpty());
        assertFalse(page.toString().contains("~"), "no SD-JWT, no disclosure");
        assertEquals(2, ids(page(query("subject", subject, "type", "OPENID_CREDENTIAL_SUCCESS"))).size());
        assertEquals(1, ids(page(query("subject", subject, "type", "OPENID_CREDENTIAL_START"))).size());

        HttpResponse<String> refused = Wallet.post("not-a-token", "{}");
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        JsonObject failure = page(query("request_id", requestId, "type", "OPENID_CREDENTIAL_FAIL"))
                .getJsonArray("events").getJsonObject(0);
        assertEquals("credential.request.failed", failure.getString("type"));
        assertEquals("invalid_token", failure.getString("error_code"));
    }

    @Test
    void selectsByEachFilter() throws Exception {
        String subject = "it-events-" + UUID.randomUUID();
        String offer = UUID.randomUUID().toString().substring(0, 22);
        String configuration = "Config-" + UUID.randomUUID();
        String errorCode = "it_" + UUID.randomUUID().toString().substring(0, 8);
        String credentialId = UUID.randomUUID().toString();
        long issued = AuditRows.issued(subject).with("credential_id", credentialId).insert();
        long failed = AuditRows.row("request_failed", "credential").with("subject", subject)
                .with("error_code", errorCode).insert();
        long created = AuditRows.row("offer_created", "admin_credential_offers").with("subject", subject)
                .with("offer_id", offer).insert();
        long revoked = AuditRows.row("credential_revoked", "admin_credential_status").with("credential_id", credentialId)
                .with("reason", "lost").insert();
        long started = AuditRows.row("request_started", "credential").with("subject", subject)
                .with("credential_configuration_id", configuration).insert();

        assertEquals(List.of(started, created, failed, issued), ids(page(query("subject", subject))));
        assertEquals(List.of(issued), ids(page(query("subject", subject, "type", "credential.issued"))));
        assertEquals(List.of(created, issued), ids(page(query("subject", subject, "type", "offer.created,credential.issued"))));
        assertEquals(List.of(failed), ids(page(query("subject", subject, "type", "credential.request.failed"))));
        assertEquals(List.of(), ids(page(query("subject", subject, "type", "token.request.failed"))));
        assertEquals(List.of(failed), ids(page(query("error_code", errorCode))));
        assertEquals(List.of(created), ids(page(query("offer_id", offer))));
        assertEquals(List.of(revoked, issued), ids(page(query("credential_id", credentialId))));
        assertEquals(List.of(started), ids(page(query("credential_configuration_id", configuration))));
        JsonObject revocation = page(query("credential_id", credentialId, "type", "credential.status.revoked"))
                .getJsonArray("events").getJsonObject(0);
        assertEquals("lost", revocation.getString("reason"));
        assertEquals(String.valueOf(revoked), revocation.getString("id"));
    }

    @Test
    void selectsATimeRange() throws Exception {
        String subject = "it-events-" + UUID.randomUUID();
        long early = AuditRows.row("request_started", "nonce").with("subject", subject)
                .at("clock_timestamp() - interval '30 seconds'").insert();
        long middle = AuditRows.row("request_started", "nonce").with("subject", subject)
                .at("clock_timestamp() - interval '20 seconds'").insert();
        long late = AuditRows.row("request_started", "nonce").with("subject", subject)
                .at("clock_timestamp() - interval '10 seconds'").insert();
        OffsetDateTime now;
        try (Connection db = Database.connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT clock_timestamp()")) {
            rows.next();
            now = rows.getObject(1, OffsetDateTime.class);
        }
        assertEquals(List.of(middle), ids(page(query("subject", subject, "since", now.minusSeconds(25).toString(),
                "until", now.minusSeconds(15).toString()))));
        assertEquals(List.of(late, middle), ids(page(query("subject", subject, "since", now.minusSeconds(25).toString()))));
        assertEquals(List.of(early), ids(page(query("subject", subject, "until", now.minusSeconds(25).toString()))));
        assertEquals(List.of("nonce.request.started"), types(page(query("subject", subject, "limit", "1"))));
    }

    @Test
    void isDescribedInOpenApi() {
        JsonObject paths = Http.json(Http.get("/openapi", "Accept", "application/json")).getJsonObject("paths");
        assertTrue(paths.containsKey(Events.PATH), "OpenAPI lacks " + Events.PATH);
    }

    @Test
    void refusesHostileParametersWith400() {
        String token = Events.auditor();
        for (String bad : List.of("since=yesterday", "until=2026-12-01", "since=2026-12-02T00:00:00Z&until=2026-12-01T00:00:00Z",
                "type=credential.exploded", "type=", "limit=0", "limit=1001", "limit=-1", "limit=1e3", "order=sideways",
                "cursor=garbage", "cursor=" + "A".repeat(200), "subject=" + "x".repeat(256), "subject=%00",
                "credential_id=a%0Ab", "typo=1", "subject=a&subject=b", "error_code=")) {
            HttpResponse<String> response = Events.get(token, bad);
            assertError(response, 400, "invalid_request");
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), bad);
        }
    }
}
