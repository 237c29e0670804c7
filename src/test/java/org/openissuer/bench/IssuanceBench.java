package org.openissuer.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.TestKeys;

/**
 * End-to-end issuance load: a durable PostgreSQL, the issuer on its own Liberty server,
 * C wallets with DPoP-bound tokens, W warm-up and N measured issuances (nonce, proof, DPoP proof,
 * credential request). Reports throughput, credential request latency, CPU per credential of
 * server, database and client, peak heap, and checks a sample of credentials and what the
 * database committed. Run with {@code mvn -Pbench}; parameters in docs/performance.md.
 */
public final class IssuanceBench {

    static final String IDP = "https://idp.bench.invalid";

    private IssuanceBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        recreate(settings.benchDir());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        LibertyServer server = new LibertyServer(settings);
        List<AutoCloseable> resources = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean(true);
        Runnable closeAll = () -> {
            if (closed.compareAndSet(false, true)) {
                for (int i = resources.size() - 1; i >= 0; i--) {
                    try {
                        resources.get(i).close();
                    } catch (Exception e) {
                        System.err.println("[bench] cannot stop " + resources.get(i) + ": " + e);
                    }
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (interrupted.get()) {
                System.out.println("[bench] interrupted: stopping the server and the database");
            }
            closeAll.run();
        }, "bench-cleanup"));
        int status;
        try {
            status = run(settings, http, server, resources);
        } catch (Exception e) {
            if (closed.get()) {
                // Ctrl-C: the shutdown hook has stopped the server and the database under the run's feet
                Thread.currentThread().join();
            }
            System.err.println("[bench] failed: " + e);
            e.printStackTrace();
            status = 3;
        } finally {
            interrupted.set(false);
            System.out.println("[bench] stopping the server and the database");
            closeAll.run();
        }
        System.exit(status);
    }

    private static int run(BenchSettings settings, HttpClient http, LibertyServer server, List<AutoCloseable> resources)
            throws Exception {
        BenchDatabase db = BenchDatabase.open(settings);
        resources.add(db);
        String fsync = db.show("fsync");
        String synchronousCommit = db.show("synchronous_commit");
        System.out.printf("[bench] database %s (%s): fsync=%s synchronous_commit=%s%n", db.url(),
                db.embedded() ? "embedded" : "external", fsync, synchronousCommit);

        ECKey idpKey = TestKeys.p256("bench-idp-" + UUID.randomUUID());
        Path idpJwks = settings.benchDir().resolve("admin-idp.jwks");
        Files.writeString(idpJwks, new JWKSet(idpKey.toPublicJWK()).toString());
        resources.add(server);
        System.out.println("[bench] starting Liberty server " + settings.serverName() + " on " + settings.issuerUrl());
        server.start(environment(settings, db, idpJwks), http);
        System.out.println("[bench] issuer ready, server pid " + server.pid());
        AuditPrefill.Result prefill = AuditPrefill.ifAsked(settings, db);

        String runId = Long.toString(System.currentTimeMillis(), 36);
        String adminToken = AdminTokens.token().issuer(IDP).signedBy(idpKey).lifetime(Duration.ofMinutes(10)).build();
        List<BenchClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.clients(); i++) {
            BenchClient client = new BenchClient(i, Transport.create(settings.http(), http, settings.issuerUrl()),
                    settings.issuerUrl(), runId, settings.mdoc());
            client.obtainToken(adminToken);
            clients.add(client);
            resources.add(client::close);
        }
        long timeout = Duration.ofSeconds(settings.timeoutSeconds()).toNanos();
        System.out.printf("[bench] %d clients hold DPoP-bound tokens; warm-up: %d issuances%n", clients.size(), settings.warmup());
        LoadPhase.Outcome warmup = new LoadPhase(clients, settings.warmup(), 0, timeout).run(() -> { }, () -> { });
        System.out.printf("[bench] warm-up done in %.1f s; measured: %d issuances%n", warmup.durationNanos() / 1e9,
                settings.credentials());

        long[] cpu = new long[6];
        long[] eventIds = new long[2];
        OffsetDateTime[] times = new OffsetDateTime[2];
        LoadPhase.Outcome measured = new LoadPhase(clients, settings.credentials(), settings.effectiveSampleEvery(), timeout).run(
                () -> mark(db, server, cpu, 0, eventIds, times), () -> mark(db, server, cpu, 3, eventIds, times));

        System.out.printf("[bench] measured phase done in %.1f s; verifying %d sampled credentials%n",
                measured.durationNanos() / 1e9, measured.samples().size());
        SampleCheck.Result check = SampleCheck.verify(measured.samples(), http, settings.issuerUrl(), settings.mdoc());
        BenchDatabase.Committed committed = db.committed(eventIds[0], eventIds[1], times[0], times[1]);

        Map<String, Long> errors = new TreeMap<>(measured.errors());
        check.failures().forEach((kind, count) -> errors.merge(kind, count, Long::sum));
        warmup.errors().forEach((kind, count) -> errors.merge("warm-up: " + kind, count, Long::sum));
        durability(measured, committed, errors);
        if (measured.timedOut()) {
            errors.merge("timeout: not attempted", (long) (settings.credentials() - measured.attempted()), Long::sum);
        }
        Measurement figures = new Measurement(settings, measured, check, committed, errors, cpu[3] - cpu[0], cpu[4] - cpu[1],
                cpu[5] - cpu[2], GcLog.read(server.gcLog()), ServerLog.scan(server.messagesLog(), server.logLinesAtReady()));
        BenchReport report = figures.report(db, fsync, synchronousCommit);
        // a target, reported like throughput and latency: only errors fail the run
        AuditQueryTimings.report(settings, db, prefill, report);
        report.print(settings.benchDir().resolve("result.json"));
        figures.printServerLog();
        return figures.errorCount() == 0 ? 0 : 1;
    }

    /** Before and after the measured phase: CPU of server, database and client; where the audit trail stands. */
    private static void mark(BenchDatabase db, LibertyServer server, long[] cpu, int at, long[] eventIds, OffsetDateTime[] times) {
        try {
            int i = at / 3;
            // the marks' own queries stay outside the measured CPU: marks first at the start, last at the end
            if (i == 0) {
                eventIds[i] = db.lastEventId();
                times[i] = db.now();
            }
            cpu[at] = ProcCpu.ofProcess(server.pid());
            cpu[at + 1] = db.cpuNanos();
            cpu[at + 2] = ProcCpu.ofThisJvm();
            if (i == 1) {
                times[i] = db.now();
                eventIds[i] = db.lastEventId();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read the database marks: " + e.getMessage(), e);
        }
    }

    /** Every credential the client received is on record, and consumed exactly one nonce; nothing failed. */
    private static void durability(LoadPhase.Outcome measured, BenchDatabase.Committed committed, Map<String, Long> errors) {
        if (committed.credentialsIssued() != measured.succeeded()) {
            errors.merge("durability: credential_issued rows " + committed.credentialsIssued() + " != credentials "
                    + measured.succeeded(), 1L, Long::sum);
        }
        if (committed.noncesConsumed() != measured.succeeded()) {
            errors.merge("durability: consumed nonces " + committed.noncesConsumed() + " != credentials " + measured.succeeded(),
                    1L, Long::sum);
        }
        if (committed.requestsFailed() != 0) {
            errors.merge("durability: request_failed rows", committed.requestsFailed(), Long::sum);
        }
    }

    private static Map<String, String> environment(BenchSettings settings, BenchDatabase db, Path idpJwks) throws IOException {
        Path dataDir = Files.createDirectories(settings.benchDir().resolve("issuer-data"));
        String lifetime = Long.toString(settings.lifetimeSeconds());
        String unlimited = "100000000";
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", db.url());
        env.put("DB_USER", db.user());
        env.put("DB_PASSWORD", db.password());
        env.put("HTTP_PORT", Integer.toString(settings.httpPort()));
        env.put("HTTPS_PORT", Integer.toString(settings.httpsPort()));
        env.put("ISSUER_URL", settings.issuerUrl());
        env.put("ISSUER_DATA_DIR", dataDir.toString());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", idpJwks.toString());
        env.put("MP_JWT_VERIFY_ISSUER", IDP);
        env.put("MP_JWT_VERIFY_PUBLICKEY_ALGORITHM", JWSAlgorithm.ES256.getName());
        env.put("ISSUER_DPOP_REQUIRED", "true");
        env.put("ISSUER_TOKEN_DPOP_LIFETIME_SECONDS", lifetime);
        // consumed nonces must still be there for the cross-check after the run (they are purged after expiry)
        env.put("ISSUER_NONCE_LIFETIME_SECONDS", lifetime);
        // the limiter still decides every request; it just admits the load
        env.put("ISSUER_RATE_LIMIT_CREDENTIAL_PER_PRINCIPAL", unlimited);
        env.put("ISSUER_RATE_LIMIT_CREDENTIAL_PER_ADDRESS", unlimited);
        env.put("ISSUER_RATE_LIMIT_NONCE_PER_ADDRESS", unlimited);
        env.put("ISSUER_RATE_LIMIT_TOKEN_PER_ADDRESS", unlimited);
        return env;
    }

    private static void recreate(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
