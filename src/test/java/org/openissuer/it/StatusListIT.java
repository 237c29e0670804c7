package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

import jakarta.json.JsonObject;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.Wallet;

/**
 * Token Status Lists (draft-ietf-oauth-status-list-21) as a Relying Party sees them, and the
 * back office changing statuses: every check decodes the served list itself (ZLIB, bit order).
 */
@IssuerIT
class StatusListIT {

    private static final String ADMIN = "/admin/credential-status";
    private static final HttpClient RAW = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    record Issued(String credential, int idx, String uri, String credentialId) {
    }

    private static List<Issued> issue(String subject, int count) throws Exception {
        return issue(subject, count, true);
    }

    private static List<Issued> issue(String subject, int count, boolean withIds) throws Exception {
        String token = Http.json(Offers.redeem(Offers.code(Offers.create(subject, null)), null)).getString("access_token");
        HttpResponse<String> response = Wallet.post(token, Wallet.request(Wallet.nonce(), Wallet.holders(count)));
        assertEquals(200, response.statusCode(), response.body());
        List<Issued> issued = new ArrayList<>();
        JWKSet keys = IndependentSdJwt.publishedIssuerKeys();
        for (var c : Http.json(response).getJsonArray("credentials")) {
            String credential = c.asJsonObject().getString("credential");
            Map<String, Object> payload = IndependentSdJwt.verify(credential, keys).payload();
            @SuppressWarnings("unchecked")
            Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) payload.get("status")).get("status_list");
            int idx = ((Number) list.get("idx")).intValue();
            String uri = (String) list.get("uri");
            issued.add(new Issued(credential, idx, uri, withIds ? credentialId(uri, idx) : null));
        }
        return issued;
    }

    private static String credentialId(String uri, int idx) throws Exception {
        try (Connection db = Database.connect(); PreparedStatement sql = db.prepareStatement(
                "SELECT credential_id FROM credential_status WHERE list_id = ? AND idx = ?")) {
            sql.setInt(1, Integer.parseInt(uri.substring(uri.lastIndexOf('/') + 1)));
            sql.setInt(2, idx);
            try (ResultSet rs = sql.executeQuery()) {
                assertTrue(rs.next(), "no entry " + uri + " " + idx);
                return rs.getString(1);
            }
        }
    }

    private static HttpResponse<byte[]> fetch(String uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches and verifies the list token as a Relying Party must, and returns the entry's status. */
    private static int statusOf(Issued issued) throws Exception {
        HttpResponse<byte[]> response = fetch(issued.uri());
        assertEquals(200, response.statusCode());
        assertEquals("application/statuslist+jwt", response.headers().firstValue("Content-Type").orElse(""));
        SignedJWT jwt = SignedJWT.parse(new String(response.body(), StandardCharsets.US_ASCII));
        assertEquals("statuslist+jwt", jwt.getHeader().getType().getType());
        JWKSet keys = IndependentSdJwt.publishedIssuerKeys();
        assertTrue(jwt.verify(new ECDSAVerifier((ECKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID()))),
                "list token does not verify with the published key");
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        assertEquals(issued.uri(), claims.get("sub"));
        assertTrue(jwt.getJWTClaimsSet().getExpirationTime().toInstant().isAfter(Instant.now()));
        assertTrue(((Number) claims.get("ttl")).longValue() > 0);
        @SuppressWarnings("unchecked")
        Map<String, Object> list = (Map<String, Object>) claims.get("status_list");
        assertEquals(2, ((Number) list.get("bits")).intValue());
        byte[] bytes = inflate((String) list.get("lst"));
        return (bytes[issued.idx() / 4] >> (issued.idx() % 4 * 2)) & 3;
    }

    private static byte[] inflate(String lst) throws Exception {
        Inflater inflater = new Inflater(false);
        inflater.setInput(Base64.getUrlDecoder().decode(lst));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return out.toByteArray();
    }

    /** The served list shows the status within the refresh interval (1 s in the ITs). */
    private static void awaitStatus(Issued issued, int expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(15);
        int actual = statusOf(issued);
        while (actual != expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(300);
            actual = statusOf(issued);
        }
        assertEquals(expected, actual, "status of " + issued);
    }

    private static HttpResponse<String> change(String body) {
        return Http.post(ADMIN, body.replace('\'', '"'), "Content-Type", "application/json",
                "Authorization", AdminTokens.token().bearer());
    }

    @Test
    void everyCredentialCarriesItsOwnEntryOfAListThatVerifiesWithThePublishedKey() throws Exception {
        List<Issued> batch = issue("status-" + UUID.randomUUID(), 3);
        assertEquals(3, batch.stream().map(Issued::idx).distinct().count());
        for (Issued issued : batch) {
            assertTrue(issued.uri().startsWith(Http.base() + "/status-lists/"), issued.uri());
            assertEquals(0, statusOf(issued));
        }
        HttpResponse<byte[]> response = fetch(batch.get(0).uri());
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertTrue(response.headers().firstValue("Cache-Control").orElse("").matches("public, max-age=[1-9][0-9]*"),
                response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void entryFlipsOnSuspendReinstateAndRevokeAndRevocationIsFinal() throws Exception {
        Issued issued = issue("status-" + UUID.randomUUID(), 1).get(0);
        String id = issued.credentialId();
        HttpResponse<String> suspended = change("{'credential_id': '" + id + "', 'status': 'suspended', 'reason': 'lost phone'}");
        assertEquals(200, suspended.statusCode(), suspended.body());
        assertEquals(List.of(id), Http.json(suspended).getJsonArray("changed").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        awaitStatus(issued, 2);
        assertEquals(200, change("{'credential_id': '" + id + "', 'status': 'valid', 'reason': 'phone found'}").statusCode());
        awaitStatus(issued, 0);
        assertEquals(200, change("{'credential_id': '" + id + "', 'status': 'revoked', 'reason': 'left the company'}").statusCode());
        awaitStatus(issued, 1);

        HttpResponse<String> reinstate = change("{'credential_id': '" + id + "', 'status': 'valid', 'reason': 'mistake'}");
        assertEquals(409, reinstate.statusCode(), reinstate.body());
        assertEquals("conflict", Http.json(reinstate).getString("error"));
        assertEquals(409, change("{'credential_id': '" + id + "', 'status': 'suspended', 'reason': 'x'}").statusCode());
        JsonObject status = Http.json(Http.get(ADMIN + "/" + id, "Authorization", AdminTokens.token().bearer()));
        assertEquals("revoked", status.getString("status"));
        assertEquals(issued.idx(), status.getJsonObject("status_list").getInt("idx"));
        assertEquals(1, statusOf(issued));

        try (Connection db = Database.connect(); PreparedStatement sql = db.prepareStatement(
                "SELECT event, principal, reason FROM issuance_event WHERE credential_id = ? AND event <> 'credential_issued' ORDER BY id")) {
            sql.setString(1, id);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            assertEquals(List.of("credential_suspended alice@example.com lost phone",
                    "credential_reinstated alice@example.com phone found",
                    "credential_revoked alice@example.com left the company"), rows);
        }
    }

    @Test
    void changesEveryCredentialOfASubjectOrOfAnOffer() throws Exception {
        String subject = "status-" + UUID.randomUUID();
        List<Issued> issued = new ArrayList<>(issue(subject, 2));
        issued.addAll(issue(subject, 1));
        HttpResponse<String> response = change("{'subject': '" + subject + "', 'status': 'suspended', 'reason': 'audit'}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, Http.json(response).getJsonArray("changed").size());
        for (Issued i : issued) {
            awaitStatus(i, 2);
        }
        String offerId;
        try (Connection db = Database.connect(); PreparedStatement sql = db.prepareStatement(
                "SELECT offer_id FROM credential_status WHERE credential_id = ?")) {
            sql.setString(1, issued.get(2).credentialId());
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                offerId = rs.getString(1);
            }
        }
        JsonObject byOffer = Http.json(change("{'offer_id': '" + offerId + "', 'status': 'revoked', 'reason': 'offer withdrawn'}"));
        assertEquals(1, byOffer.getJsonArray("changed").size());
        JsonObject again = Http.json(change("{'subject': '" + subject + "', 'status': 'valid', 'reason': 'done'}"));
        assertEquals(2, again.getJsonArray("changed").size());
        assertEquals(List.of(issued.get(2).credentialId()), again.getJsonArray("refused").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        awaitStatus(issued.get(0), 0);
        awaitStatus(issued.get(2), 1);
    }

    @Test
    void servesConditionalAndGzipRequestsCheaply() throws Exception {
        Issued issued = issue("status-" + UUID.randomUUID(), 1).get(0);
        HttpResponse<byte[]> first = fetch(issued.uri());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> notModified = fetch(issued.uri(), "If-None-Match", etag);
        assertEquals(304, notModified.statusCode());
        assertEquals(etag, notModified.headers().firstValue("ETag").orElse(null));
        HttpResponse<byte[]> gzipped = fetch(issued.uri(), "Accept-Encoding", "gzip");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null));
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped.body()))) {
            assertEquals(new String(first.body(), StandardCharsets.US_ASCII), new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        assertTrue(gzipped.body().length < first.body().length);
    }

    @Test
    void answersUnknownListsWith404InTheErrorEnvelope() {
        for (String path : List.of("/status-lists/999999999", "/status-lists/abc", "/status-lists/0", "/status-lists/-1")) {
            HttpResponse<String> response = Http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("not_found", Http.json(response).getString("error"), path);
            // a verifier's page learns the list is unknown, not a CORS failure
            assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null), path);
        }
    }

    @Test
    void refusesUnauthenticatedAndMalformedBackOfficeRequests() {
        assertEquals(401, Http.post(ADMIN, "{}", "Content-Type", "application/json").statusCode());
        assertEquals(401, Http.get(ADMIN + "/any").statusCode());
        for (String body : List.of("{}", "{'credential_id': 'a', 'subject': 'b', 'status': 'revoked', 'reason': 'r'}",
                "{'credential_id': 'a', 'status': 'deleted', 'reason': 'r'}", "{'credential_id': 'a', 'status': 'revoked'}",
                "[1]", "not json")) {
            HttpResponse<String> response = change(body);
            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertEquals("invalid_request", Http.json(response).getString("error"));
        }
        HttpResponse<String> unknown = change("{'credential_id': 'no-such-credential', 'status': 'revoked', 'reason': 'r'}");
        assertEquals(404, unknown.statusCode());
        assertEquals(404, Http.get(ADMIN + "/no-such-credential", "Authorization", AdminTokens.token().bearer()).statusCode());
    }

    @Test
    void givesAThousandCredentialsIssuedConcurrentlyDistinctUnpredictableIndices() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Issued>>> results = new ArrayList<>();
            for (int r = 0; r < 100; r++) {
                results.add(threads.submit(() -> issue("status-many-" + UUID.randomUUID(), 10, false)));
            }
            Set<String> entries = new HashSet<>();
            List<Integer> indices = new ArrayList<>();
            for (Future<List<Issued>> result : results) {
                for (Issued issued : result.get()) {
                    assertTrue(entries.add(issued.uri() + "#" + issued.idx()), "entry shared: " + issued);
                    indices.add(issued.idx());
                }
            }
            assertEquals(1000, entries.size());
            long followers = 0;
            for (int i = 1; i < indices.size(); i++) {
                followers += Math.abs(indices.get(i) - indices.get(i - 1)) == 1 ? 1 : 0;
            }
            assertTrue(followers <= 2, followers + " indices next to their predecessor");
        } finally {
            threads.shutdownNow();
        }
    }
}
