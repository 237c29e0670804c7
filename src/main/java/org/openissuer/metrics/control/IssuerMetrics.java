package org.openissuer.metrics.control;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.openissuer.audit.entity.AuditAppended;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.Dialect;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.error.IssuerError;

/**
 * The issuer's own metrics, counted from the audit rows once they have committed: the counters
 * tell what the audit trail holds (docs/metrics.md has the queries that match them), and a
 * request whose transaction rolled back counts nowhere. Label values come from fixed sets only: a
 * configuration id that is not configured, or an unknown code, is counted as {@value #OTHER}.
 */
@ApplicationScoped
public class IssuerMetrics {

    static final String OTHER = "other";
    private static final Set<String> ERROR_CODES = Arrays.stream(IssuerError.values()).map(IssuerError::code)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> DIALECTS = Arrays.stream(Dialect.values()).map(Dialect::label)
            .collect(Collectors.toUnmodifiableSet());
    private static final String LATENCY = "openissuer_request_duration_seconds";
    private static final List<String> LATENCY_LABELS = List.of("endpoint", "outcome");

    private final CredentialConfigurations configurations;

    final CounterFamily requests = new CounterFamily("openissuer_requests_total",
            "Requests by outcome as the audit trail records them: ok, or refused with the error code of its request_failed row",
            "endpoint", "configuration", "dialect", "outcome", "error");
    final CounterFamily credentials = new CounterFamily("openissuer_credentials_issued_total",
            "Credentials issued: credential_issued rows of the audit trail", "endpoint", "configuration", "dialect");
    final CounterFamily events = new CounterFamily("openissuer_audit_events_total",
            "Rows of the audit trail by endpoint and event", "endpoint", "event");
    final CounterFamily nonceRefusals = new CounterFamily("openissuer_nonce_refusals_total",
            "Requests refused with invalid_nonce (a c_nonce unknown, expired or already used)", "endpoint");
    final CounterFamily replayRefusals = new CounterFamily("openissuer_dpop_replay_refusals_total",
            "Requests refused because their DPoP proof's jti was already used (RFC 9449 section 11.1)", "endpoint");
    final CounterFamily rateLimitRefusals = new CounterFamily("openissuer_rate_limit_refusals_total",
            "Requests refused over a rate limit (429 temporarily_unavailable)", "endpoint");
    private final Map<List<String>, LatencyHistogram> latencies = new ConcurrentHashMap<>();

    @Inject
    public IssuerMetrics(CredentialConfigurations configurations) {
        this.configurations = configurations;
    }

    protected IssuerMetrics() {
        this(null);
    }

    /** CDI 4.0 §10.4.5: called once the transaction that wrote the rows has committed, never after a rollback. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditAppended appended) {
        count(appended.rows());
    }

    /** The rows of one append: one request's outcome (or one sweep's), as one request. */
    void count(List<IssuanceEvent> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String endpoint = rows.get(0).endpoint();
        String configuration = "";
        String dialect = "";
        IssuanceEvent failed = null;
        for (IssuanceEvent row : rows) {
            events.increment(row.endpoint(), row.event());
            if (configuration.isEmpty() && row.credentialConfigurationId() != null) {
                configuration = configuration(row);
            }
            if (dialect.isEmpty() && row.dialect() != null) {
                dialect = dialect(row);
            }
            if (row.is(Kind.CREDENTIAL_ISSUED)) {
                credentials.increment(row.endpoint(), configuration(row), dialect(row));
            } else if (row.is(Kind.REQUEST_FAILED)) {
                failed = row;
                refusal(row);
            }
        }
        requests.increment(endpoint, configuration, dialect, failed == null ? "ok" : "refused",
                failed == null ? "" : error(failed.errorCode()));
    }

    private void refusal(IssuanceEvent row) {
        String code = row.errorCode();
        if (IssuerError.INVALID_NONCE.code().equals(code)) {
            nonceRefusals.increment(row.endpoint());
        } else if (IssuerError.INVALID_DPOP_PROOF.code().equals(code) && DPoPChecks.REPLAYED.equals(row.errorDescription())) {
            replayRefusals.increment(row.endpoint());
        } else if (IssuerError.TEMPORARILY_UNAVAILABLE.code().equals(code)) {
            // the database outage shares the code but is never on record (nothing could be written)
            rateLimitRefusals.increment(row.endpoint());
        }
    }

    /**
     * The histogram of one endpoint's answers, ok (below 400) or error: looked up once per resource
     * method when the application starts, not per request.
     */
    public LatencyHistogram latency(String endpoint, boolean ok) {
        return latencies.computeIfAbsent(List.of(endpoint, ok ? "ok" : "error"), LatencyHistogram::new);
    }

    /** Every series, in the Prometheus text format. */
    public String scrape() {
        return scrape(List.of());
    }

    /** Every series, then those the other features keep ({@link MetricFamilies}). */
    public String scrape(Iterable<MetricFamilies> more) {
        PrometheusText out = new PrometheusText();
        for (CounterFamily family : List.of(requests, credentials, events, nonceRefusals, replayRefusals,
                rateLimitRefusals)) {
            family.writeTo(out);
        }
        out.header(LATENCY, "Time from the request's arrival at the application to its answer", "histogram");
        latencies.values().forEach(h -> h.writeTo(out, LATENCY, LATENCY_LABELS));
        more.forEach(families -> families.writeTo(out));
        return out.toString();
    }

    private String configuration(IssuanceEvent row) {
        String id = row.credentialConfigurationId();
        return id == null ? "" : configurations.all().containsKey(id) ? id : OTHER;
    }

    private static String dialect(IssuanceEvent row) {
        String label = row.dialect();
        return label == null ? "" : DIALECTS.contains(label) ? label : OTHER;
    }

    private static String error(String code) {
        return code == null ? "" : ERROR_CODES.contains(code) ? code : OTHER;
    }
}
