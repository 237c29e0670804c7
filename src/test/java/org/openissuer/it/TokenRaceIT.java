package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;

/** A pre-authorized code is redeemed exactly once, however many wallets race for it. */
@IssuerIT
class TokenRaceIT {

    private static final int RACERS = 16;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void sixteenConcurrentRedemptionsOfOneCodeYieldExactlyOneToken() throws Exception {
        JsonObject offer = Offers.create("employee-5001", null);
        assertExactlyOneWinner(offer, null);
    }

    @Test
    void sixteenConcurrentRedemptionsWithTheRightTxCodeYieldExactlyOneToken() throws Exception {
        JsonObject offer = Offers.create("employee-5002", "true");
        assertExactlyOneWinner(offer, offer.getString("tx_code"));
    }

    private static void assertExactlyOneWinner(JsonObject offer, String txCode) throws Exception {
        String code = Offers.code(offer);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService wallets = Executors.newFixedThreadPool(RACERS);
        List<HttpResponse<String>> responses = new ArrayList<>();
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                futures.add(wallets.submit(() -> {
                    start.await();
                    return Offers.redeem(code, txCode);
                }));
            }
            start.countDown();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
        } finally {
            wallets.shutdownNow();
        }
        int winners = 0;
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() == 200) {
                winners++;
            } else {
                assertEquals(400, response.statusCode(), response.body());
                assertEquals("invalid_grant", Http.json(response).getString("error"));
            }
        }
        assertEquals(1, winners);
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM issuance_event WHERE offer_id = ?"
                        + " AND event = 'token_issued'")) {
            query.setString(1, offer.getString("id"));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1));
            }
        }
    }
}
