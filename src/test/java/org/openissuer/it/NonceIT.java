package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.IssuerNonceSeal;
import org.openissuer.testsupport.Wallet;

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
    void sealsTheLifetimeIntoTheNonceAndWritesNoRow() throws Exception {
        long before = consumedNonces();
        Instant asked = Instant.now();
        String nonce = Http.json(Http.post("/oid4vci/nonce", "")).getString("c_nonce");
        // version 1, 16 random bytes, expiry (epoch seconds), tag
        long expiry = ByteBuffer.wrap(Base64.getUrlDecoder().decode(nonce), 17, Long.BYTES).getLong();
        assertTrue(Math.abs(expiry - asked.plusSeconds(300).getEpochSecond()) < 60, "lifetime of 300 s");
        assertTrue(consumedNonces() <= before, "issuing writes nothing");
    }

    @Test
    void purgesRecordsOfExpiredNoncesInTheBackground() throws Exception {
        // the IT server runs with ISSUER_NONCE_PURGE_INTERVAL_SECONDS=2
        String key = "it-purge-" + UUID.randomUUID().toString().substring(0, 30);
        try (Connection db = Database.connect();
                PreparedStatement expired = db.prepareStatement(
                        "INSERT INTO consumed_nonce (nonce_hash, expires_at) VALUES (?, now() - interval '1 hour')");
                PreparedStatement find = db.prepareStatement("SELECT 1 FROM consumed_nonce WHERE nonce_hash = ?")) {
            expired.setString(1, key);
            assertEquals(1, expired.executeUpdate());
            find.setString(1, key);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            boolean present = true;
            while (present && System.nanoTime() < deadline) {
                Thread.sleep(500);
                try (ResultSet row = find.executeQuery()) {
                    present = row.next();
                }
            }
            assertFalse(present, "expired nonce still recorded after 30 s");
        }
    }

    @Test
    void aConsumedNonceIsRecordedByTheHashOfItsRandomPartWithItsSealedExpiry() throws Exception {
        String nonce = Wallet.nonce();
        String token = AccessTokenJwt.forSubject("nonce-once-" + UUID.randomUUID()).build();
        assertEquals(200, Wallet.post(token, Wallet.request(nonce, Wallet.holders(1))).statusCode());
        assertInvalidNonce(Wallet.post(token, Wallet.request(nonce, Wallet.holders(1))));
        byte[] sealed = Base64.getUrlDecoder().decode(nonce);
        String key = IssuerNonceSeal.consumptionKey(nonce);
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT extract(epoch FROM expires_at)::bigint FROM consumed_nonce WHERE nonce_hash = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "the consumption is a row");
                assertEquals(ByteBuffer.wrap(sealed, 17, Long.BYTES).getLong(), row.getLong(1));
                assertFalse(row.next());
            }
        }
    }

    // OID4VCI 1.0 §8.3.1.2: whatever is wrong with the nonce, the answer is invalid_nonce, never a 500
    @Test
    void forgedExpiredForeignAndHostileNoncesAreInvalidNonce() {
        String token = AccessTokenJwt.forSubject("nonce-forged-" + UUID.randomUUID()).build();
        String issued = Wallet.nonce();
        char last = issued.charAt(issued.length() - 1);
        List<String> refused = List.of(
                IssuerNonceSeal.sealed(Instant.now().minusSeconds(1)),
                // a rotated authorization server key: nonces sealed before fail once
                IssuerNonceSeal.sealedUnderAnotherKey(Instant.now().plusSeconds(60)),
                issued.substring(0, issued.length() - 1) + (last == 'A' ? 'B' : 'A'),
                issued.substring(0, 60),
                issued + "=",
                issued + issued,
                "%00" + issued.substring(3),
                "x".repeat(4_000));
        for (String nonce : refused) {
            assertInvalidNonce(Wallet.post(token, Wallet.request(nonce, Wallet.holders(1))));
        }
        // the seal above is the issuer's own: only its expiry made the first one invalid
        assertEquals(200, Wallet.post(token, Wallet.request(IssuerNonceSeal.sealed(Instant.now().plusSeconds(60)),
                Wallet.holders(1))).statusCode());
        assertEquals(200, Wallet.post(token, Wallet.request(issued, Wallet.holders(1))).statusCode(),
                "the nonce the forgeries were made from is still unused");
    }

    private static void assertInvalidNonce(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_nonce", Http.json(response).getString("error"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    private static long consumedNonces() throws Exception {
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM consumed_nonce"); ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
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
    void twoThousandNoncesFromEightConcurrentClientsAreDistinct() throws Exception {
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
        nonces.forEach(n -> assertTrue(n.matches("[A-Za-z0-9_-]{76}"), n));
    }
}
