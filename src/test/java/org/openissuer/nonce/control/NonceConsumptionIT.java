package org.openissuer.nonce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.PostgresForIT;

/**
 * The nonce statements through JPA against real PostgreSQL: single use must hold under
 * concurrency and across instances, whatever the container. Applies the migrations of the
 * nonce tables by hand, in a schema of its own.
 */
@ExtendWith(PostgresForIT.class)
class NonceConsumptionIT {

    private static final int RACERS = 16;
    private static final ECKey KEY = NoncesTest.newKey();
    private static EntityManagerFactory emf;

    @BeforeAll
    static void schemaAndPersistenceUnit() throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE SCHEMA IF NOT EXISTS nonce_it");
            sql.execute("SET search_path TO nonce_it");
            sql.execute("DROP TABLE IF EXISTS c_nonce, consumed_nonce");
            sql.execute(Files.readString(Path.of("db/migrations/V001__c_nonce.sql")));
            sql.execute(Files.readString(Path.of("db/migrations/V011__consumed_nonce.sql")));
        }
        String url = System.getProperty("it.db.url");
        emf = Persistence.createEntityManagerFactory("nonce-test", Map.of(
                "jakarta.persistence.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=nonce_it",
                "jakarta.persistence.jdbc.user", System.getProperty("it.db.user", "postgres"),
                "jakarta.persistence.jdbc.password", System.getProperty("it.db.password", "")));
    }

    @AfterAll
    static void close() {
        emf.close();
    }

    @Test
    void exactlyOneOfManyConcurrentProofsConsumesANonce() throws Exception {
        String value = NoncesTest.prepared(KEY, Clock.systemUTC()).issue().value();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                results.add(racers.submit(() -> {
                    start.await();
                    return consume(value);
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void aNonceIssuedByOneInstanceIsConsumedOnceAcrossAll() throws Exception {
        // two instances: their own Nonces, the same authorization server key, one database
        String value = NoncesTest.prepared(KEY, Clock.systemUTC()).issue().value();

        assertTrue(consume(value));
        assertFalse(consume(value));
        assertFalse(consume(NoncesTest.prepared(NoncesTest.newKey(), Clock.systemUTC()).issue().value()),
                "sealed under another key");
        assertFalse(consume("never-issued"));
    }

    @Test
    void recordsTheHashAndTheSealedExpiryNeverTheNonce() throws Exception {
        var nonce = NoncesTest.prepared(KEY, Clock.systemUTC()).issue();
        assertTrue(consume(nonce.value()));
        try (Connection db = Database.connect(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT nonce_hash, extract(epoch FROM expires_at)::bigint, consumed_at"
                        + " FROM nonce_it.consumed_nonce WHERE nonce_hash = '" + key(nonce.value()) + "'")) {
            assertTrue(row.next());
            assertEquals(43, row.getString(1).length());
            assertFalse(nonce.value().contains(row.getString(1)));
            assertEquals(nonce.expiresAt().getEpochSecond(), row.getLong(2));
            assertTrue(row.getObject(3) != null);
        }
    }

    @Test
    void purgesRecordsOnlyOnceNoInstanceAcceptsTheirNonces() throws Exception {
        String expired = NoncesTest.prepared(KEY, Clock.systemUTC()).issue().value();
        String justExpired = NoncesTest.prepared(KEY, Clock.systemUTC()).issue().value();
        String live = NoncesTest.prepared(KEY, Clock.systemUTC()).issue().value();
        assertTrue(consume(expired));
        assertTrue(consume(justExpired));
        assertTrue(consume(live));
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE nonce_it.consumed_nonce SET expires_at = now() - interval '1 hour'"
                    + " WHERE nonce_hash = '" + key(expired) + "'");
            // within the clock skew a slower instance may still accept it: the record stays
            sql.executeUpdate("UPDATE nonce_it.consumed_nonce SET expires_at = now() - interval '20 seconds'"
                    + " WHERE nonce_hash = '" + key(justExpired) + "'");
        }
        int purged = inTransaction(Nonces::purgeExpired);
        assertTrue(purged >= 1);
        assertEquals(List.of(false, true, true), List.of(recorded(expired), recorded(justExpired), recorded(live)));
    }

    @Test
    void aRolledBackConsumptionLeavesTheNonceUsable() throws Exception {
        String value = NoncesTest.prepared(KEY, Clock.systemUTC()).issue().value();
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            assertTrue(nonces(em).consume(value));
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        assertTrue(consume(value));
    }

    private static String key(String value) {
        return new NonceSeal(NonceSeal.secretFrom(KEY.getD().decode())).open(value, java.time.Instant.now())
                .orElseThrow().consumptionKey();
    }

    private static boolean recorded(String value) throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement();
                ResultSet row = sql.executeQuery("SELECT 1 FROM nonce_it.consumed_nonce WHERE nonce_hash = '" + key(value) + "'")) {
            return row.next();
        }
    }

    private static boolean consume(String value) throws Exception {
        Boolean consumed = inTransaction(nonces -> nonces.consume(value));
        return consumed;
    }

    private static <T> T inTransaction(Work<T> work) throws Exception {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.call(nonces(em));
            em.getTransaction().commit();
            return result;
        } finally {
            em.close();
        }
    }

    // a fresh instance each time: nothing but the database is shared between consumptions
    private static Nonces nonces(EntityManager em) {
        Nonces nonces = NoncesTest.prepared(KEY, Clock.systemUTC());
        nonces.em = em;
        return nonces;
    }

    interface Work<T> {
        T call(Nonces nonces) throws Exception;
    }
}
