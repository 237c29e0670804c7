package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.SecondIssuer;
import org.openissuer.testsupport.Wallet;

/**
 * Two issuer instances on one database (OID4VCI 1.0 Appendix F.4): a c_nonce sealed by one is
 * accepted by the other, and only once across both, also when requests race at both at once.
 */
@IssuerIT
class NonceInstancesIT {

    private static final int NONCES = 10;
    private static final int PER_NONCE = 6;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static String token() {
        return Http.json(Offers.redeem(Offers.code(Offers.create("nonce-two-" + UUID.randomUUID(), null)), null))
                .getString("access_token");
    }

    private static String nonceFrom(String base) {
        return Http.json(Http.postTo(base + "/oid4vci/nonce", "")).getString("c_nonce");
    }

    private static HttpResponse<String> credentialAt(String base, String token, String nonce) {
        return Http.postTo(base + "/oid4vci/credential", Wallet.request(nonce, Wallet.holders(1)).toString(),
                "Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    private static void assertInvalidNonce(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_nonce", Http.json(response).getString("error"));
    }

    @Test
    void aNonceFromOneInstanceIsAcceptedOnceAtEither() throws Exception {
        try (SecondIssuer second = SecondIssuer.start(Map.of())) {
            String token = token();
            String fromSecond = nonceFrom(second.base());
            assertEquals(200, credentialAt(Http.base(), token, fromSecond).statusCode());
            assertInvalidNonce(credentialAt(second.base(), token, fromSecond));
            assertInvalidNonce(credentialAt(Http.base(), token, fromSecond));

            String fromFirst = nonceFrom(Http.base());
            assertEquals(200, credentialAt(second.base(), token, fromFirst).statusCode());
            assertInvalidNonce(credentialAt(Http.base(), token, fromFirst));

            racingAtBothYieldsOneCredentialPerNonce(second.base());
        }
    }

    private static void racingAtBothYieldsOneCredentialPerNonce(String other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(NONCES * PER_NONCE);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, List<Future<HttpResponse<String>>>> answers = new HashMap<>();
        try {
            for (int n = 0; n < NONCES; n++) {
                String token = token();
                String nonce = nonceFrom(n % 2 == 0 ? Http.base() : other);
                List<Future<HttpResponse<String>>> perNonce = new ArrayList<>();
                for (int i = 0; i < PER_NONCE; i++) {
                    String base = i % 2 == 0 ? Http.base() : other;
                    perNonce.add(pool.submit(() -> {
                        start.await();
                        return credentialAt(base, token, nonce);
                    }));
                }
                answers.put(nonce, perNonce);
            }
            start.countDown();
            for (List<Future<HttpResponse<String>>> perNonce : answers.values()) {
                int issued = 0;
                for (Future<HttpResponse<String>> answer : perNonce) {
                    HttpResponse<String> response = answer.get();
                    if (response.statusCode() == 200) {
                        issued++;
                    } else {
                        assertInvalidNonce(response);
                    }
                }
                assertEquals(1, issued, "one credential per nonce across both instances");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
