package org.openissuer.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.junit.jupiter.api.Test;
import org.openissuer.audit.entity.AuditAppended;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.IssuedCredential;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.dpop.control.DPoPChecks;

class IssuerMetricsTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 12, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private final IssuerMetrics metrics = new IssuerMetrics(new CredentialConfigurations() {
        @Override
        public Map<String, CredentialConfiguration> all() {
            // only the ids matter to the metrics
            return Collections.singletonMap("Identity", null);
        }
    });

    private static AuditContext credentialRequest(String configurationId) {
        return AuditContext.of("r", "credential", "127.0.0.1").withRequest("1.0", configurationId, "urn:vct", "dc+sd-jwt");
    }

    private static IssuanceEvent issued(AuditContext context, String id) {
        return IssuanceEvent.credentialIssued(context, new IssuedCredential(id, "digest", "thumbprint", List.of("name")), AT);
    }

    @Test
    void countsABatchAsOneRequestAndEachOfItsCredentials() {
        AuditContext context = credentialRequest("Identity");
        metrics.count(List.of(IssuanceEvent.requestStarted(context, AT), issued(context, "c1"), issued(context, "c2")));

        assertEquals(1, metrics.requests.count("credential", "Identity", "1.0", "ok", ""));
        assertEquals(2, metrics.credentials.count("credential", "Identity", "1.0"));
        assertEquals(1, metrics.events.count("credential", "request_started"));
        assertEquals(2, metrics.events.count("credential", "credential_issued"));
    }

    @Test
    void countsARefusalByItsErrorCodeAndTheDedicatedRefusals() {
        AuditContext context = credentialRequest("Identity");
        metrics.count(List.of(IssuanceEvent.requestStarted(context, AT),
                IssuanceEvent.requestFailed(context, "invalid_nonce", "stale", AT)));
        metrics.count(List.of(IssuanceEvent.requestFailed(context, "invalid_dpop_proof", DPoPChecks.REPLAYED, AT)));
        metrics.count(List.of(IssuanceEvent.requestFailed(context, "invalid_dpop_proof", "bad signature", AT)));
        metrics.count(List.of(IssuanceEvent.requestFailed(context, "temporarily_unavailable", "slow down", AT)));

        assertEquals(1, metrics.requests.count("credential", "Identity", "1.0", "refused", "invalid_nonce"));
        assertEquals(2, metrics.requests.count("credential", "Identity", "1.0", "refused", "invalid_dpop_proof"));
        assertEquals(1, metrics.nonceRefusals.count("credential"));
        assertEquals(1, metrics.replayRefusals.count("credential"), "only the replay, not every invalid_dpop_proof");
        assertEquals(1, metrics.rateLimitRefusals.count("credential"));
        assertEquals(0, metrics.credentials.count("credential", "Identity", "1.0"));
    }

    @Test
    void boundsLabelsToConfiguredIdsAndKnownCodes() {
        AuditContext context = credentialRequest("attacker-chosen-" + System.nanoTime());
        metrics.count(List.of(IssuanceEvent.requestFailed(context, "made_up_code", "x", AT)));

        assertEquals(1, metrics.requests.count("credential", IssuerMetrics.OTHER, "1.0", "refused", IssuerMetrics.OTHER));
    }

    @Test
    void aTokenGrantIsOneOkRequestWithoutConfiguration() {
        AuditContext context = AuditContext.of("r", "token", "127.0.0.1").withOffer("offer", "subject");
        metrics.count(List.of(IssuanceEvent.offerStep(Kind.OFFER_REDEEMED, context, AT),
                IssuanceEvent.offerStep(Kind.TOKEN_ISSUED, context, AT)));

        assertEquals(1, metrics.requests.count("token", "", "", "ok", ""));
        assertEquals(1, metrics.events.count("token", "token_issued"));
    }

    @Test
    void scrapesInThePrometheusTextFormat() {
        AuditContext context = credentialRequest("Identity");
        metrics.count(List.of(IssuanceEvent.requestStarted(context, AT), issued(context, "c1")));
        LatencyHistogram latency = metrics.latency("credential", true);
        latency.observeNanos(3_000_000);
        latency.observeNanos(20_000_000_000L);

        String text = metrics.scrape();

        assertTrue(text.contains("# TYPE openissuer_credentials_issued_total counter\n"), text);
        assertTrue(text.contains(
                "openissuer_credentials_issued_total{endpoint=\"credential\",configuration=\"Identity\",dialect=\"1.0\"} 1\n"),
                text);
        assertTrue(text.contains("# TYPE openissuer_request_duration_seconds histogram\n"), text);
        assertTrue(text.contains("openissuer_request_duration_seconds_bucket{endpoint=\"credential\",outcome=\"ok\",le=\"0.0025\"} 0\n"), text);
        assertTrue(text.contains("openissuer_request_duration_seconds_bucket{endpoint=\"credential\",outcome=\"ok\",le=\"0.005\"} 1\n"), text);
        assertTrue(text.contains("openissuer_request_duration_seconds_bucket{endpoint=\"credential\",outcome=\"ok\",le=\"10\"} 1\n"), text);
        assertTrue(text.contains("openissuer_request_duration_seconds_bucket{endpoint=\"credential\",outcome=\"ok\",le=\"+Inf\"} 2\n"), text);
        assertTrue(text.contains("openissuer_request_duration_seconds_count{endpoint=\"credential\",outcome=\"ok\"} 2\n"), text);
        assertTrue(text.contains("openissuer_request_duration_seconds_sum{endpoint=\"credential\",outcome=\"ok\"} 20.003\n"), text);
    }

    // a rolled-back request must count nowhere: the rows are heard of after a successful commit only
    @Test
    void hearsOfTheRowsAfterTheirCommitOnly() throws Exception {
        Observes observes = IssuerMetrics.class.getDeclaredMethod("committed", AuditAppended.class).getParameters()[0]
                .getAnnotation(Observes.class);
        assertEquals(TransactionPhase.AFTER_SUCCESS, observes.during());
    }

    @Test
    void escapesLabelValues() {
        PrometheusText out = new PrometheusText();
        out.sample("m", List.of("l"), List.of("a\"b\\c\nd"), 1);
        assertEquals("m{l=\"a\\\"b\\\\c\\nd\"} 1\n", out.toString());
    }

    @Test
    void aBoundIsInclusive() {
        LatencyHistogram histogram = new LatencyHistogram(List.of());
        histogram.observeNanos(1_000_000);
        PrometheusText out = new PrometheusText();
        histogram.writeTo(out, "h", List.of());
        assertTrue(out.toString().startsWith("h_bucket{le=\"0.001\"} 1\n"), out.toString());
    }
}
