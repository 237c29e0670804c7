package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;

@IssuerIT
class NonceIT {

    private static final int CLIENTS = 8;
    private static final int NONCES = 2_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void issuesAnUnpredictableNonceThatMustNotBeCached() {
        HttpResponse<String> response = Http.post("/oid4vci/nonce", "");
        assertEquals(200, response.statusCode());
        // OID4VCI 1.0 §7.2: Cache-Control: no-store
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        String nonce = Http.json(response).getString("c_nonce");
        assertTrue(Base64.getUrlDecoder().decode(nonce).length >= 16, "at least 128 bits");
    }

    @Test
    void persistsEachNonceUnusedWithItsLifetime() throws Exception {
        String nonce = Http.json(Http.post("/oid4vci/nonce", "")).getString("c_nonce");
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT created_at, expires_at, consumed_at FROM c_nonce WHERE nonce = ?")) {
            query.setString(1, nonce);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "nonce not persisted");
                OffsetDateTime created = row.getObject(1, OffsetDateTime.class);
                OffsetDateTime expires = row.getObject(2, OffsetDateTime.class);
                assertEquals(Duration.ofSeconds(300), Duration.between(created, expires));
                assertTrue(Duration.between(created, OffsetDateTime.now()).abs().toSeconds() < 60);
                assertNull(row.getObject(3));
            }
        }
    }

    @Test
    void purgesExpiredNoncesInTheBackground() throws Exception {
        // the IT server runs with ISSUER_NONCE_PURGE_INTERVAL_SECONDS=2
        String nonce = Http.json(Http.post("/oid4vci/nonce", "")).getString("c_nonce");
        try (Connection db = Database.connect();
                PreparedStatement expire = db.prepareStatement("UPDATE c_nonce SET created_at = now() - interval '2 hours',"
                        + " expires_at = now() - interval '1 hour' WHERE nonce = ?");
                PreparedStatement find = db.prepareStatement("SELECT 1 FROM c_nonce WHERE nonce = ?")) {
            expire.setString(1, nonce);
            assertEquals(1, expire.executeUpdate());
            find.setString(1, nonce);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean present = true;
            while (present && System.nanoTime() < deadline) {
                Thread.sleep(500);
                try (ResultSet row = find.executeQuery()) {
                    present = row.next();
                }
            }
            assertFalse(present, "expired nonce still there after 30 s");
        }
    }

    @Test
    void acceptsAnyBodyAndContentType() {
        HttpResponse<String> response = Http.post("/oid4vci/nonce", "{\"ignored\":true}", "Content-Type", "application/json");
        assertEquals(200, response.statusCode());
        assertNotNull(Http.json(response).getString("c_nonce"));
    }

    @Test
    void answersGetWithMethodNotAllowedInTheErrorEnvelope() {
        HttpResponse<String> response = Http.get("/oid4vci/nonce");
        assertEquals(405, response.statusCode());
        assertEquals("method_not_allowed", Http.json(response).getString("error"));
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("POST"));
    }

    @Test
    void twoThousandNoncesFromEightConcurrentClientsAreDistinctAndPersisted() throws Exception {
        Set<String> nonces = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                work.add(clients.submit(() -> {
                    for (int i = 0; i < NONCES / CLIENTS; i++) {
                        HttpResponse<String> response = Http.post("/oid4vci/nonce", "");
                        assertEquals(200, response.statusCode(), response.body());
                        nonces.add(Http.json(response).getString("c_nonce"));
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(NONCES, nonces.size(), "duplicate nonces");
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM c_nonce WHERE nonce = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", nonces.toArray()));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(NONCES, row.getInt(1), "not every nonce was persisted");
            }
        }
    }
}
