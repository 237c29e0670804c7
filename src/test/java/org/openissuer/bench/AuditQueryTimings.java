package org.openissuer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openissuer.testsupport.AuditQueries;

/**
 * Times the auditors' documented queries (read from README and docs/notifications.md, as
 * AuditQueriesIT runs them) as issuer_auditor, after the load. The example values in them (a
 * subject, an offer, a request, a holder key, a digest, a credential) are replaced by those of
 * credentials actually on the trail, a different one on each run, spread over its whole history.
 * Each query's EXPLAIN (ANALYZE, BUFFERS) of the first run goes to audit-queries.txt.
 */
final class AuditQueryTimings {

    static final double TARGET_MS = 100;
    private static final List<String> COLUMNS = List.of("subject", "offer_id", "request_id", "holder_key_thumbprint",
            "credential_digest", "credential_id");
    private static final Pattern LITERAL = Pattern.compile("\\b(" + String.join("|", COLUMNS) + ") = '([^']*)'");

    record Timing(String comment, long rows, double maxMs, double medianMs) {
        boolean withinTarget() {
            return maxMs < TARGET_MS;
        }
    }

    private AuditQueryTimings() {
    }

    /** The audit trail's size and partitions, and the documented auditor queries timed on it. */
    static void report(BenchSettings settings, BenchDatabase db, AuditPrefill.Result prefill, BenchReport report)
            throws Exception {
        report.section("Audit trail");
        if (prefill != null) {
            report.put("prefill_rows", "rows pre-filled (SQL)", prefill.rows(), String.format("%,d", prefill.rows()));
            report.put("prefill_seconds", "pre-fill time", prefill.seconds(), String.format("%.0f s", prefill.seconds()));
            report.put("prefill_size", "pre-filled partitions on disk", prefill.size());
        }
        try (Connection sql = db.connect(); Statement statement = sql.createStatement()) {
            report.put("partitions", "partitions", AuditPrefill.scalar(statement,
                    "SELECT count(*) FROM pg_inherits WHERE inhparent = 'issuance_event'::regclass"));
            report.put("current_partition_rows", "rows in this month's partition (estimate)", AuditPrefill.scalar(statement,
                    "SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE relname = 'issuance_event_'"
                            + " || to_char(now() AT TIME ZONE 'UTC', 'YYYY_MM')"));
        }
        if (settings.auditQueryRuns() == 0) {
            return;
        }
        List<AuditQueryTimings.Timing> timings = AuditQueryTimings.run(db, settings.auditQueryRuns(),
                settings.benchDir().resolve("audit-queries.txt"));
        report.section("Audit queries (issuer_auditor, max of " + settings.auditQueryRuns() + " runs)");
        for (int i = 0; i < timings.size(); i++) {
            AuditQueryTimings.Timing timing = timings.get(i);
            String label = timing.comment().length() > 40 ? timing.comment().substring(0, 40) : timing.comment();
            report.put("q" + (i + 1) + "_max_ms", label, timing.maxMs(), String.format("%.1f ms max, %.1f median, %d rows, %s",
                    timing.maxMs(), timing.medianMs(), timing.rows(), timing.withinTarget() ? "PASS" : "FAIL (>= 100 ms)"));
        }
        report.put("plans", "plans (EXPLAIN ANALYZE, BUFFERS)", settings.benchDir().resolve("audit-queries.txt").toString());
    }

    static List<Timing> run(BenchDatabase db, int runs, Path planFile) throws Exception {
        List<AuditQueries.Query> queries = AuditQueries.documented(Path.of(""));
        StringBuilder plans = new StringBuilder();
        List<Timing> timings = new ArrayList<>();
        try (Connection auditor = db.connect(); Statement sql = auditor.createStatement()) {
            List<Map<String, String>> samples = samples(sql, runs);
            sql.execute("SET ROLE issuer_auditor");
            sql.execute("SET statement_timeout = '300s'");
            for (AuditQueries.Query query : queries) {
                double[] millis = new double[samples.size()];
                long rows = 0;
                for (int run = 0; run < samples.size(); run++) {
                    String text = withValues(query.sql(), samples.get(run));
                    if (run == 0) {
                        plans.append("-- ").append(query.comment()).append('\n').append(text).append("\n\n");
                        try (ResultSet plan = sql.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + text)) {
                            while (plan.next()) {
                                plans.append(plan.getString(1)).append('\n');
                            }
                        }
                        plans.append('\n');
                    }
                    long started = System.nanoTime();
                    rows = 0;
                    try (ResultSet result = sql.executeQuery(text)) {
                        while (result.next()) {
                            rows++;
                        }
                    }
                    millis[run] = (System.nanoTime() - started) / 1e6;
                }
                Arrays.sort(millis);
                timings.add(new Timing(query.comment(), rows, millis[millis.length - 1], millis[millis.length / 2]));
            }
        }
        Files.writeString(planFile, plans);
        return timings;
    }

    /** Values of credentials issued at evenly spread points of the trail's history. */
    private static List<Map<String, String>> samples(Statement sql, int runs) throws SQLException {
        long last = AuditPrefill.scalar(sql, "SELECT coalesce(max(id), 0) FROM issuance_event");
        List<Map<String, String>> samples = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            long from = last * i / (runs + 1);
            try (ResultSet rs = sql.executeQuery("SELECT " + String.join(", ", COLUMNS) + " FROM issuance_event"
                    + " WHERE id >= " + from + " AND event = 'credential_issued' ORDER BY id LIMIT 1")) {
                if (!rs.next()) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (String column : COLUMNS) {
                    values.put(column, rs.getString(column));
                }
                samples.add(values);
            }
        }
        if (samples.isEmpty()) {
            throw new IllegalStateException("no credential_issued row to take example values from");
        }
        return samples;
    }

    static String withValues(String query, Map<String, String> values) {
        Matcher literal = LITERAL.matcher(query);
        StringBuilder replaced = new StringBuilder();
        while (literal.find()) {
            String value = values.get(literal.group(1));
            String quoted = value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
            literal.appendReplacement(replaced, Matcher.quoteReplacement(literal.group(1) + " = " + quoted));
        }
        return literal.appendTail(replaced).toString();
    }
}
