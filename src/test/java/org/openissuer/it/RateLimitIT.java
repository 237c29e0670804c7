package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Wallet;

/**
 * Over a limit, 429 temporarily_unavailable with Retry-After, on record, while others
 * are served. The IT environment (pom.xml) sets 40 credential requests per principal, 6,000
 * nonce and 1,000 token requests per address, and trusts X-Forwarded-For, so that each burst
 * here comes from an address of its own.
 */
@IssuerIT
class RateLimitIT {

    private static final int NONCE_PER_ADDRESS = 6_000;
    private static final int TOKEN_PER_ADDRESS = 1_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private static String address() {
        // the IPv6 documentation prefix (RFC 3849), a fresh address per call
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("2001:db8::%x:%x", random.nextInt(1, 0x10000), random.nextInt(1, 0x10000));
    }

    @Test
    void aBurstOverAPrincipalsLimitIsRefusedOnRecordWhileOthersAreServed() throws Exception {
        String subject = "it-burst-" + UUID.randomUUID();
        String token = AccessTokenJwt.forSubject(subject).build();
        HttpResponse<String> last = null;
        for (int i = 0; i < 41; i++) {
            last = Wallet.post(token, "{}");
        }
        assertRefused(last);
        assertEquals(400, Wallet.post(AccessTokenJwt.forSubject("it-other-" + UUID.randomUUID()).build(), "{}").statusCode(),
                "other principals are still served");
        assertOnRecord(last, "credential", "principal", subject);
    }

    @Test
    void aBurstOfNonceRequestsFromOneAddressIsRefusedOnRecord() throws Exception {
        String address = address();
        HttpResponse<String> refused = burst(NONCE_PER_ADDRESS,
                () -> Http.post("/oid4vci/nonce", "", "X-Forwarded-For", address + ", 10.0.0.1"));
        assertRefused(refused);
        assertEquals(200, Http.post("/oid4vci/nonce", "", "X-Forwarded-For", address()).statusCode(),
                "other addresses are still served");
        assertOnRecord(refused, "nonce", "client_address", address);
    }

    @Test
    void aBurstOfTokenRequestsFromOneAddressIsRefusedOnRecord() throws Exception {
        String address = address();
        HttpResponse<String> refused = burst(TOKEN_PER_ADDRESS, () -> Http.post("/oid4vci/token", "grant_type=nothing",
                "Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-For", address));
        assertRefused(refused);
        assertEquals(400, Http.post("/oid4vci/token", "grant_type=nothing", "Content-Type",
                "application/x-www-form-urlencoded", "X-Forwarded-For", address()).statusCode(),
                "other addresses are still served");
        assertOnRecord(refused, "token", "client_address", address);
    }

    @Test
    void aHugeBodyToTheNonceEndpointIsRefusedNotBuffered() {
        HttpResponse<String> response = Http.post("/oid4vci/nonce", "x".repeat(1024 * 1024), "X-Forwarded-For", address());
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", Http.json(response).getString("error"));
    }

    // HTTP/1.1 on a raw socket: the JDK client would upgrade to h2c, where the server answers GOAWAY instead
    @Test
    void anOversizedHeaderIsAClientError() throws Exception {
        assertClientError("X-Large: " + "a".repeat(20_000) + "\r\n");
    }

    @Test
    void tooManyHeadersAreAClientError() throws Exception {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            headers.append("X-Many-").append(i).append(": v\r\n");
        }
        assertClientError(headers.toString());
    }

    private static void assertClientError(String headers) throws Exception {
        URI base = URI.create(Http.base());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST /oid4vci/nonce HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Length: 0\r\n"
                    + headers + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            assertNotNull(statusLine, "an answer, not a closed connection");
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            assertTrue(status >= 400 && status < 500, statusLine);
        }
    }

    /** Sends up to twice the limit from 8 clients (a burst may straddle a window) and returns the first 429. */
    private static HttpResponse<String> burst(int limit, Supplier<HttpResponse<String>> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(clients.submit(() -> {
                    for (int n = 0; n < 2 * limit / 8 + 2; n++) {
                        HttpResponse<String> response = request.get();
                        if (response.statusCode() == 429) {
                            return response;
                        }
                    }
                    return null;
                }));
            }
            for (Future<HttpResponse<String>> result : sent) {
                HttpResponse<String> response = result.get();
                if (response != null) {
                    return response;
                }
            }
            throw new AssertionError("no 429 within twice the limit of " + limit);
        } finally {
            clients.shutdownNow();
        }
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(429, response.statusCode(), response.body());
        assertEquals("temporarily_unavailable", Http.json(response).getString("error"));
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }

    private static void assertOnRecord(HttpResponse<String> response, String endpoint, String column, String value)
            throws Exception {
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT event, error_code, endpoint, " + column + " FROM issuance_event WHERE request_id = ? ORDER BY id")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("request_started", rows.getString(1));
                assertTrue(rows.next());
                assertEquals("request_failed", rows.getString(1));
                assertEquals("temporarily_unavailable", rows.getString(2));
                assertEquals(endpoint, rows.getString(3));
                assertEquals(value, rows.getString(4));
            }
        }
    }
}
