package org.openissuer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/** The figures of one run and the throughput targets they are held against. */
record Measurement(BenchSettings settings, LoadPhase.Outcome measured, SampleCheck.Result check,
        BenchDatabase.Committed committed, Map<String, Long> errors, long serverCpuNanos, long dbCpuNanos,
        long clientCpuNanos, GcLog gc, ServerLog serverLog) {

    static final double TARGET_PER_SECOND = 1_000;
    static final long TARGET_P99_NANOS = 25_000_000;
    static final long MAX_HEAP_BYTES = 512L << 20;

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    BenchReport report(BenchDatabase db, String fsync, String synchronousCommit) throws SQLException {
        long[] latencies = measured.latenciesNanos().clone();
        Arrays.sort(latencies);
        double seconds = measured.durationNanos() / 1e9;
        double perSecond = measured.succeeded() / seconds;
        long issued = Math.max(1, measured.succeeded());
        BenchReport report = new BenchReport();
        report.section("Machine");
        report.put("cores", "cores", Runtime.getRuntime().availableProcessors());
        report.put("cpu", "CPU", cpuModel());
        report.put("jdk", "JDK (client)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        report.put("os", "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        report.section("Database");
        report.put("version", "PostgreSQL", db.show("server_version"));
        report.put("kind", "kind", db.embedded() ? "embedded (zonky), same machine" : "external (DB_URL)");
        report.put("fsync", "fsync", fsync);
        report.put("synchronous_commit", "synchronous_commit", synchronousCommit);
        report.section("Run");
        report.put("credentials", "credentials requested (N)", settings.credentials());
        report.put("clients", "concurrent clients (C)", settings.clients());
        report.put("warmup", "warm-up issuances (W)", settings.warmup());
        report.put("http_client", "HTTP client", settings.http());
        report.put("format", "credential format", settings.format());
        report.put("issued", "credentials issued", measured.succeeded());
        report.put("duration_seconds", "duration", seconds, String.format("%.2f s", seconds));
        report.put("credentials_per_second", "credentials/s", perSecond, String.format("%.1f", perSecond));
        report.put("timed_out", "timed out", measured.timedOut());
        report.section("Latency of the credential request");
        report.put("count", "requests timed", latencies.length);
        for (double q : new double[] {0.50, 0.90, 0.99}) {
            long value = percentile(latencies, q);
            report.put("p" + Math.round(q * 100) + "_ms", "p" + Math.round(q * 100), value / 1e6, BenchReport.millis(value) + " ms");
        }
        long max = latencies.length == 0 ? 0 : latencies[latencies.length - 1];
        report.put("max_ms", "max", max / 1e6, BenchReport.millis(max) + " ms");
        report.section("CPU");
        cpu(report, "server", "server (Liberty JVM)", serverCpuNanos, issued, seconds);
        if (db.embedded()) {
            cpu(report, "database", "database (postmaster + backends)", dbCpuNanos, issued, seconds);
        } else {
            report.put("database_seconds_per_credential", "database", null, "n/a (external)");
        }
        cpu(report, "client", "client (this JVM)", clientCpuNanos, issued, seconds);
        report.section("Heap");
        report.put("max_heap_mib", "max heap (-Xmx)", MAX_HEAP_BYTES >> 20, "512 MiB");
        report.put("gc_count", "collections logged", gc.collections());
        report.put("peak_before_gc_mib", "highest heap before GC", gc.peakBeforeGcBytes() >> 20, BenchReport.mib(gc.peakBeforeGcBytes()));
        report.put("peak_after_gc_mib", "highest heap after GC", gc.peakAfterGcBytes() >> 20, BenchReport.mib(gc.peakAfterGcBytes()));
        report.put("peak_committed_mib", "highest committed heap", gc.peakCommittedBytes() >> 20, BenchReport.mib(gc.peakCommittedBytes()));
        report.section("Checks");
        report.put("sample_verified", "sampled credentials verified", check.verified(),
                check.verified() + " of " + measured.samples().size());
        report.put("credential_issued_rows", "credential_issued rows (measured)", committed.credentialsIssued());
        report.put("nonces_consumed", "consumed_nonce rows (measured)", committed.noncesConsumed());
        report.put("request_failed_rows", "request_failed rows (measured)", committed.requestsFailed());
        report.put("server_log_errors", "messages.log errors / warnings (after start)", serverLog.errors(),
                serverLog.errors() + " / " + serverLog.warnings());
        report.put("errors", "errors", errors, errors.isEmpty() ? "0" : errors.toString());
        report.section("Targets");
        boolean throughput = perSecond >= TARGET_PER_SECOND;
        boolean p99 = percentile(latencies, 0.99) <= TARGET_P99_NANOS && latencies.length > 0;
        boolean clean = errorCount() == 0;
        boolean heap = gc.peakBeforeGcBytes() >= 0 && gc.peakBeforeGcBytes() <= MAX_HEAP_BYTES;
        report.put("throughput", ">= 1,000 credentials/s", throughput, BenchReport.passFail(throughput));
        report.put("p99", "p99 <= 25 ms", p99, BenchReport.passFail(p99));
        report.put("no_errors", "0 errors", clean, BenchReport.passFail(clean));
        report.put("heap", "heap <= 512 MiB", heap, BenchReport.passFail(heap));
        return report;
    }

    void printServerLog() {
        if (!serverLog.firstProblems().isEmpty()) {
            System.out.println("first errors and warnings in " + serverLog.file() + " after start-up:");
            serverLog.firstProblems().forEach(line -> System.out.println("  " + line));
        }
    }

    private static void cpu(BenchReport report, String key, String label, long nanos, long issued, double seconds) {
        double perCredential = nanos / 1e9 / issued;
        double cores = nanos / 1e9 / seconds;
        report.put(key + "_seconds_per_credential", label, perCredential,
                String.format("%.3f ms CPU per credential (%.2f cores)", perCredential * 1e3, cores));
        report.json(key + "_cores", cores);
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
