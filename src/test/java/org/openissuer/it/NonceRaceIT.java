package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Wallet;

/** Appendix F.4: of any number of requests racing on one c_nonce, exactly one wins. */
@IssuerIT
class NonceRaceIT {

    private static final int NONCES = 50;
    private static final int PER_NONCE = 10;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void fiveHundredConcurrentRequestsOnFiftyNoncesYieldExactlyFiftyCredentials() throws Exception {
        String run = "race-" + UUID.randomUUID();
        List<String[]> requests = new ArrayList<>();
        for (int n = 0; n < NONCES; n++) {
            String nonce = Wallet.nonce();
            String token = AccessTokenJwt.forSubject(run + "-" + n).build();
            for (int i = 0; i < PER_NONCE; i++) {
                ECKey holder = Wallet.holders(1).get(0);
                JsonObject body = Wallet.request(nonce, List.of(holder));
                requests.add(new String[] {token, body.toString(), nonce});
            }
        }
        Collections.shuffle(requests);

        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> futures = new ArrayList<>();
        for (String[] request : requests) {
            futures.add(pool.submit(() -> {
                start.await();
                return Wallet.post(request[0], request[1]);
            }));
        }
        start.countDown();
        Map<String, Integer> winsPerNonce = new HashMap<>();
        int successes = 0;
        int refusals = 0;
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<String> response = futures.get(i).get();
            if (response.statusCode() == 200) {
                successes++;
                winsPerNonce.merge(requests.get(i)[2], 1, Integer::sum);
            } else {
                assertEquals(400, response.statusCode(), response.body());
                assertEquals("invalid_nonce", Http.json(response).getString("error"));
                refusals++;
            }
        }
        pool.shutdown();

        assertEquals(NONCES, successes);
        assertEquals(NONCES * (PER_NONCE - 1), refusals);
        winsPerNonce.values().forEach(wins -> assertEquals(1, wins));
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT event, count(*) FROM issuance_event WHERE subject LIKE ? GROUP BY event")) {
            query.setString(1, run + "-%");
            Map<String, Integer> events = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.put(rows.getString(1), rows.getInt(2));
                }
            }
            assertEquals(NONCES * PER_NONCE, events.get("request_started"), "every request is on record");
            assertEquals(NONCES, events.get("credential_issued"));
            assertEquals(NONCES * (PER_NONCE - 1), events.get("request_failed"));
        }
    }
}
