package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.text.ParseException;
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
import java.util.zip.Inflater;

import com.nimbusds.jwt.SignedJWT;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.SecondIssuer;
import org.openissuer.testsupport.Wallet;

/**
 * Two issuer instances on one database allocate status list entries at the same time: no entry
 * goes to two credentials; a change made through one instance is served by the other.
 */
@IssuerIT
class StatusInstancesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    record Entry(String uri, int idx) {
    }

    private static List<Entry> issueAt(String base, int count) throws ParseException {
        String token = Http.json(Offers.redeem(Offers.code(Offers.create("status-two-" + UUID.randomUUID(), null)), null))
                .getString("access_token");
        String nonce = Http.json(Http.postTo(base + "/oid4vci/nonce", "")).getString("c_nonce");
        HttpResponse<String> response = Http.postTo(base + "/oid4vci/credential",
                Wallet.request(nonce, Wallet.holders(count)).toString(), "Authorization", "Bearer " + token,
                "Content-Type", "application/json");
        assertEquals(200, response.statusCode(), response.body());
        List<Entry> entries = new ArrayList<>();
        for (var c : Http.json(response).getJsonArray("credentials")) {
            String jwt = c.asJsonObject().getString("credential").split("~")[0];
            @SuppressWarnings("unchecked")
            Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) SignedJWT.parse(jwt)
                    .getJWTClaimsSet().getClaim("status")).get("status_list");
            entries.add(new Entry((String) list.get("uri"), ((Number) list.get("idx")).intValue()));
        }
        return entries;
    }

    private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1).build();

    private static HttpResponse<String> getFrom(String url) throws Exception {
        HttpResponse<String> response = CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .timeout(java.time.Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response;
    }

    private static int decode(String token, int idx) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> list = (Map<String, Object>) SignedJWT.parse(token).getJWTClaimsSet().getClaim("status_list");
        Inflater inflater = new Inflater(false);
        inflater.setInput(Base64.getUrlDecoder().decode((String) list.get("lst")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[65536];
        while (!inflater.finished()) {
            out.write(buffer, 0, inflater.inflate(buffer));
        }
        return (out.toByteArray()[idx / 4] >> (idx % 4 * 2)) & 3;
    }

    @Test
    void twoInstancesAllocatingConcurrentlyNeverShareAnEntry() throws Exception {
        try (SecondIssuer second = SecondIssuer.start(Map.of("ISSUER_STATUS_REFRESH_SECONDS", "1"))) {
            List<String> bases = List.of(Http.base(), second.base());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<List<Entry>>> results = new ArrayList<>();
            try {
                for (int r = 0; r < 60; r++) {
                    String base = bases.get(r % 2);
                    results.add(threads.submit(() -> issueAt(base, 10)));
                }
                Set<Entry> seen = new HashSet<>();
                for (Future<List<Entry>> result : results) {
                    for (Entry entry : result.get()) {
                        assertTrue(seen.add(entry), "entry given twice: " + entry);
                    }
                }
                assertEquals(600, seen.size());
            } finally {
                threads.shutdownNow();
            }

            // a change through instance 1 is served by instance 2 within its refresh interval
            Entry entry = issueAt(second.base(), 1).get(0);
            String credentialId;
            try (var db = org.openissuer.testsupport.Database.connect(); var sql = db.prepareStatement(
                    "SELECT credential_id FROM credential_status WHERE list_id = ? AND idx = ?")) {
                sql.setInt(1, Integer.parseInt(entry.uri().substring(entry.uri().lastIndexOf('/') + 1)));
                sql.setInt(2, entry.idx());
                try (var rs = sql.executeQuery()) {
                    rs.next();
                    credentialId = rs.getString(1);
                }
            }
            String path = entry.uri().substring(Http.base().length());
            assertEquals(0, decode(getFrom(second.base() + path).body(), entry.idx()));
            HttpResponse<String> revoked = Http.post("/admin/credential-status", ("{'credential_id': '" + credentialId
                    + "', 'status': 'revoked', 'reason': 'two instances'}").replace('\'', '"'),
                    "Content-Type", "application/json", "Authorization", AdminTokens.token().bearer());
            assertEquals(200, revoked.statusCode(), revoked.body());
            Instant deadline = Instant.now().plusSeconds(15);
            int status = decode(getFrom(second.base() + path).body(), entry.idx());
            while (status != 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(300);
                status = decode(getFrom(second.base() + path).body(), entry.idx());
            }
            assertEquals(1, status);
        }
    }
}
