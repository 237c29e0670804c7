package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Wallet;

@IssuerIT
class OperationsIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void isReadyOnlyWithTheDatabaseChecked() {
        HttpResponse<String> response = Http.health("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        JsonObject health = Http.json(response);
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("checks").stream()
                .map(c -> c.asJsonObject().getString("name")).anyMatch("database"::equals));
    }

    @Test
    void describesEveryEndpointInOpenApi() {
        HttpResponse<String> response = Http.get("/openapi", "Accept", "application/json");
        assertEquals(200, response.statusCode());
        JsonObject paths = Http.json(response).getJsonObject("paths");
        for (String path : new String[] {"/.well-known/openid-credential-issuer", "/.well-known/jwt-vc-issuer",
                "/oid4vci/nonce"}) {
            assertTrue(paths.containsKey(path), "OpenAPI lacks " + path);
        }
        JsonObject nonce = paths.getJsonObject("/oid4vci/nonce").getJsonObject("post");
        assertTrue(nonce.getJsonObject("responses").containsKey("200"));
    }

    @Test
    void answersUnknownPathsWithTheJsonEnvelopeNeverHtml() {
        HttpResponse<String> response = Http.get("/does/not/exist", "Accept", "text/html");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("not_found", Http.json(response).getString("error"));
        assertFalse(response.body().contains("<html"));
    }

    @Test
    void echoesASafeRequestIdAndReplacesAHostileOne() {
        HttpResponse<String> kept = Http.post("/oid4vci/nonce", "", "X-Request-Id", "wallet-4711-abcdef");
        assertEquals("wallet-4711-abcdef", kept.headers().firstValue("X-Request-Id").orElse(null));

        HttpResponse<String> replaced = Http.post("/oid4vci/nonce", "", "X-Request-Id", "x\"<script>");
        String id = replaced.headers().firstValue("X-Request-Id").orElse("");
        assertNotEquals("x\"<script>", id);
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void answersADatabaseFaultWithServerErrorAndACorrelationIdButNoInternals() throws Exception {
        String token = AccessTokenJwt.forSubject("operations-db-fault-" + UUID.randomUUID()).build();
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.execute("ALTER TABLE consumed_nonce RENAME TO consumed_nonce_away");
            try {
                HttpResponse<String> response = Wallet.post(token, Wallet.request(Wallet.nonce(), Wallet.holders(1)));
                assertEquals(500, response.statusCode(), response.body());
                assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
                JsonObject error = Http.json(response);
                assertEquals("server_error", error.getString("error"));
                String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
                assertTrue(error.getString("error_description").contains(requestId), "correlation id = request id");
                assertFalse(response.body().contains("consumed_nonce"), "no SQL or table names leak");
                assertFalse(response.body().contains("Exception"));
            } finally {
                sql.execute("ALTER TABLE consumed_nonce_away RENAME TO consumed_nonce");
            }
        }
        assertEquals(200, Wallet.post(token, Wallet.request(Wallet.nonce(), Wallet.holders(1))).statusCode(),
                "recovers once the database is back");
    }

    @Test
    void neverAnswersWithAStackTrace() {
        HttpResponse<String> response = Http.get("/.well-known/openid-credential-issuer/%2e%2e%2f%2e%2e");
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
        assertFalse(response.body().contains("Exception"));
        assertFalse(response.body().contains("at org."));
    }
}
