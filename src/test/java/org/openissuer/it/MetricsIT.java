package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.ProofJwt;
import org.openissuer.testsupport.Wallet;

import com.nimbusds.jose.jwk.ECKey;

/**
 * The issuer's Prometheus metrics after a known sequence of requests: the counters move by exactly
 * what the requests did, and by exactly as much as the audit trail grew; the latency histograms
 * count every answer. The server's own data source metrics are scraped where each server serves them.
 */
@IssuerIT
class MetricsIT {

    private static final String METRICS = "/internal/metrics";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void countersAndHistogramsMoveByTheKnownSequenceAndMatchTheAuditTrail() throws Exception {
        Scrape before = scrape();
        Map<String, Long> trailBefore = trail();
        ECKey holder = Wallet.holders(1).get(0);

        for (int i = 0; i < 2; i++) {
            assertEquals(200, Wallet.post(token(), Wallet.request(Wallet.nonce(), List.of(holder))).statusCode());
        }
        HttpResponse<String> staleNonce = Wallet.post(token(), Wallet.request("never-issued-" + UUID.randomUUID(),
                List.of(holder)));
        assertEquals(400, staleNonce.statusCode(), staleNonce.body());
        assertTrue(staleNonce.body().contains("invalid_nonce"), staleNonce.body());
        JsonObject wrongAudience = Json.createObjectBuilder().add("credential_configuration_id", Wallet.CONFIGURATION)
                .add("proofs", Json.createObjectBuilder().add("jwt", Json.createArrayBuilder()
                        .add(ProofJwt.signedBy(holder).audience("https://other.example").nonce(Wallet.nonce()).build())))
                .build();
        HttpResponse<String> badProof = Wallet.post(token(), wrongAudience);
        assertEquals(400, badProof.statusCode(), badProof.body());
        assertTrue(badProof.body().contains("invalid_proof"), badProof.body());
        HttpResponse<String> badGrant = Offers.token("grant_type", Offers.PRE_AUTHORIZED_GRANT, "pre-authorized_code",
                "unknown-" + UUID.randomUUID());
        assertEquals(400, badGrant.statusCode(), badGrant.body());

        Scrape after = scrape();
        Map<String, Long> trailAfter = trail();
        String credentials = "openissuer_credentials_issued_total";
        String requests = "openissuer_requests_total";
        assertEquals(2, after.sum(credentials, "endpoint", "credential", "configuration", Wallet.CONFIGURATION,
                "dialect", "1.0") - before.sum(credentials, "endpoint", "credential", "configuration", Wallet.CONFIGURATION,
                "dialect", "1.0"));
        assertEquals(2, delta(before, after, requests, "endpoint", "credential", "outcome", "ok"));
        assertEquals(1, delta(before, after, requests, "endpoint", "credential", "outcome", "refused", "error",
                "invalid_nonce"));
        assertEquals(1, delta(before, after, requests, "endpoint", "credential", "outcome", "refused", "error",
                "invalid_proof"));
        assertEquals(1, delta(before, after, requests, "endpoint", "token", "outcome", "refused", "error",
                "invalid_grant"));
        assertEquals(1, delta(before, after, "openissuer_nonce_refusals_total", "endpoint", "credential"));
        assertEquals(0, delta(before, after, "openissuer_dpop_replay_refusals_total", "endpoint", "credential"));
        assertEquals(0, delta(before, after, "openissuer_rate_limit_refusals_total", "endpoint", "credential"));

        String latency = "openissuer_request_duration_seconds_count";
        assertEquals(2, delta(before, after, latency, "endpoint", "credential", "outcome", "ok"));
        assertEquals(2, delta(before, after, latency, "endpoint", "credential", "outcome", "error"));
        assertEquals(1, delta(before, after, latency, "endpoint", "token", "outcome", "error"));

        // the same facts, as the audit trail holds them
        assertEquals(trailAfter.get("credential_issued") - trailBefore.get("credential_issued"),
                delta(before, after, credentials, "endpoint", "credential"));
        assertEquals(trailAfter.get("invalid_nonce") - trailBefore.get("invalid_nonce"),
                delta(before, after, "openissuer_nonce_refusals_total", "endpoint", "credential"));
        assertEquals(trailAfter.get("refused") - trailBefore.get("refused"),
                delta(before, after, requests, "endpoint", "credential", "outcome", "refused"));
    }

    @Test
    void answersInThePrometheusTextFormat() {
        HttpResponse<String> response = Http.get(METRICS);
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                response.headers().toString());
        assertTrue(response.body().contains("# TYPE openissuer_requests_total counter\n"), response.body());
        assertTrue(response.body().contains("# TYPE openissuer_request_duration_seconds histogram\n"), response.body());
    }

    @Test
    void theServerServesItsDataSourcePoolMetrics() {
        boolean wildfly = "wildfly".equals(System.getProperty("it.server"));
        // Liberty: MicroProfile Metrics on the application port; WildFly: its metrics subsystem on the management port
        HttpResponse<String> response = Http.health(wildfly ? "/metrics" : "/metrics?scope=vendor");
        assertEquals(200, response.statusCode(), response.body());
        // the series docs/metrics.md names: connections in use and available
        List<String> series = wildfly
                ? List.of("wildfly_datasources_pool_in_use_count{data_source=\"IssuerDS\"",
                        "wildfly_datasources_pool_available_count{data_source=\"IssuerDS\"")
                : List.of("connectionpool_connectionHandles{datasource=\"jdbc_issuer\"",
                        "connectionpool_freeConnections{datasource=\"jdbc_issuer\"");
        response.body().lines().filter(l -> l.contains("pool")).forEach(System.out::println);
        for (String pool : series) {
            assertTrue(response.body().contains(pool), pool + " in " + response.body());
        }
    }

    private static String token() {
        return AccessTokenJwt.forSubject("it-metrics-" + UUID.randomUUID()).build();
    }

    private static long delta(Scrape before, Scrape after, String name, String... labels) {
        return Math.round(after.sum(name, labels) - before.sum(name, labels));
    }

    /** The audit trail's counts of the facts the counters count, at the credential endpoint. */
    private static Map<String, Long> trail() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT"
                        + " count(*) FILTER (WHERE event = 'credential_issued'),"
                        + " count(*) FILTER (WHERE event = 'request_failed' AND error_code = 'invalid_nonce'),"
                        + " count(*) FILTER (WHERE event = 'request_failed')"
                        + " FROM issuance_event WHERE endpoint = 'credential'");
                ResultSet result = query.executeQuery()) {
            result.next();
            counts.put("credential_issued", result.getLong(1));
            counts.put("invalid_nonce", result.getLong(2));
            counts.put("refused", result.getLong(3));
        }
        return counts;
    }

    private static Scrape scrape() {
        HttpResponse<String> response = Http.get(METRICS);
        assertEquals(200, response.statusCode(), response.body());
        return Scrape.parse(response.body());
    }

    /** The samples of one scrape: series name, its labels, its value. */
    record Scrape(List<Sample> samples) {

        record Sample(String name, Map<String, String> labels, double value) {
        }

        static Scrape parse(String text) {
            return new Scrape(text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(Scrape::sample).toList());
        }

        // name{a="x",b="y"} value: the IT's label values hold no quotes, commas or escapes
        private static Sample sample(String line) {
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value = Double.parseDouble(line.substring(space + 1));
            int brace = series.indexOf('{');
            if (brace < 0) {
                return new Sample(series, Map.of(), value);
            }
            Map<String, String> labels = new HashMap<>();
            for (String pair : series.substring(brace + 1, series.length() - 1).split(",")) {
                int equals = pair.indexOf('=');
                labels.put(pair.substring(0, equals), pair.substring(equals + 2, pair.length() - 1));
            }
            return new Sample(series.substring(0, brace), labels, value);
        }

        /** The sum over every series of the name whose labels include the given name/value pairs. */
        double sum(String name, String... labels) {
            return samples.stream().filter(s -> s.name().equals(name)).filter(s -> {
                for (int i = 0; i < labels.length; i += 2) {
                    if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                        return false;
                    }
                }
                return true;
            }).mapToDouble(Sample::value).sum();
        }
    }
}
