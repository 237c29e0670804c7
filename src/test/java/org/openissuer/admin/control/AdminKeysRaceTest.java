package org.openissuer.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.HandClock;
import org.openissuer.testsupport.TestKeys;

/** Concurrent requests against a slow identity provider: none may see a half-loaded key cache. */
class AdminKeysRaceTest {

    private static final int REQUESTS = 40;

    private final AtomicReference<String> published = new AtomicReference<>();
    private HttpServer idp;

    @BeforeEach
    void slowIdentityProvider() throws Exception {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext("/jwks", exchange -> {
            try {
                Thread.sleep(300); // the key download takes a while, as over a real network
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.setExecutor(Executors.newFixedThreadPool(4));
        idp.start();
    }

    @AfterEach
    void stop() {
        idp.stop(0);
    }

    private String location() {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks";
    }

    private void publish(ECKey key) {
        published.set(new JWKSet(key.toPublicJWK()).toString());
    }

    /** How many of the concurrent look-ups for kid found no key. */
    private static long missesAmong(AdminKeys keys, String kid) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> found = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                found.add(pool.submit(() -> {
                    start.await();
                    return keys.get(new JWKSelector(new JWKMatcher.Builder().keyID(kid).build()), null).size();
                }));
                if (i == 0) {
                    start.countDown(); // the first starts the load; the others arrive while it runs
                    Thread.sleep(50);
                }
            }
            long misses = 0;
            for (Future<Integer> f : found) {
                misses += f.get() == 0 ? 1 : 0;
            }
            return misses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aColdInstanceAnswersEveryConcurrentRequest() throws Exception {
        publish(TestKeys.p256("k1"));
        AdminKeys keys = new AdminKeys(location(), Duration.ofSeconds(60), new HandClock());
        assertEquals(0, missesAmong(keys, "k1"));
    }

    @Test
    void aRotationIsSeenByEveryConcurrentRequest() throws Exception {
        HandClock clock = new HandClock();
        publish(TestKeys.p256("k1"));
        AdminKeys keys = new AdminKeys(location(), Duration.ofSeconds(60), clock);
        assertEquals(0, missesAmong(keys, "k1"));

        publish(TestKeys.p256("k2"));
        clock.advance(Duration.ofSeconds(61));
        assertEquals(0, missesAmong(keys, "k2"));
        assertEquals(0, missesAmong(keys, "k2"));
    }
}
