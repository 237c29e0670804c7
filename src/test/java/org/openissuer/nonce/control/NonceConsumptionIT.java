package org.openissuer.nonce.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.PostgresForIT;

/**
 * The nonce statements through JPA against real PostgreSQL: single use must hold under
 * concurrency, whatever the container. Runs the migrations' c_nonce table by hand.
 */
@ExtendWith(PostgresForIT.class)
class NonceConsumptionIT {

    private static final int RACERS = 16;
    private static EntityManagerFactory emf;

    @BeforeAll
    static void schemaAndPersistenceUnit() throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.execute("CREATE SCHEMA IF NOT EXISTS nonce_it");
            sql.execute("SET search_path TO nonce_it");
            sql.execute("DROP TABLE IF EXISTS c_nonce");
            sql.execute(java.nio.file.Files.readString(java.nio.file.Path.of("db/migrations/V001__c_nonce.sql")));
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
        String value = inTransaction(nonces -> nonces.issue().value());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                results.add(racers.submit(() -> {
                    start.await();
                    return inTransaction(nonces -> nonces.consume(value));
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
    void refusesUnknownAndAlreadyUsedNonces() throws Exception {
        assertFalse(consume("never-issued"));
        String value = inTransaction(nonces -> nonces.issue().value());
        assertTrue(consume(value));
        assertFalse(consume(value));
    }

    @Test
    void refusesAndPurgesExpiredNonces() throws Exception {
        String value = inTransaction(nonces -> nonces.issue().value());
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("UPDATE nonce_it.c_nonce SET created_at = now() - interval '2 hours',"
                    + " expires_at = now() - interval '1 hour' WHERE nonce = '" + value + "'");
        }
        assertFalse(consume(value));
        int purged = inTransaction(Nonces::purgeExpired);
        assertTrue(purged >= 1);
        inTransaction(nonces -> {
            assertEquals(null, nonces.em.find(CNonce.class, value));
            return null;
        });
    }

    @Test
    void aRolledBackConsumptionLeavesTheNonceUsable() throws Exception {
        String value = inTransaction(nonces -> nonces.issue().value());
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

    private static Nonces nonces(EntityManager em) {
        Nonces nonces = new Nonces(Clock.systemUTC(), new TestSettings());
        nonces.em = em;
        return nonces;
    }

    interface Work<T> {
        T call(Nonces nonces) throws Exception;
    }

}
