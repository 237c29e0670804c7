package org.openissuer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database the issuer under load writes to: an embedded PostgreSQL with durable settings,
 * or the one DB_URL names. Also reads what the server committed, for the durability cross-check.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final Path dataDir;
    private final String url;
    private final String user;
    private final String password;

    private BenchDatabase(EmbeddedPostgres embedded, Path dataDir, String url, String user, String password) {
        this.embedded = embedded;
        this.dataDir = dataDir;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase open(BenchSettings settings) throws IOException {
        String external = System.getenv("DB_URL");
        if (external != null && !external.isBlank()) {
            return new BenchDatabase(null, null, external, env("DB_USER", "postgres"), env("DB_PASSWORD", ""));
        }
        Path dataDir = settings.benchDir().resolve("postgres");
        Files.createDirectories(dataDir);
        // zonky's builder turns fsync and synchronous_commit off for tests: a benchmark of a durable issuer sets them back
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(true)
                .setPort(settings.dbPort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        return new BenchDatabase(postgres, dataDir, "jdbc:postgresql://127.0.0.1:" + settings.dbPort() + "/postgres",
                "postgres", "");
    }

    boolean embedded() {
        return embedded != null;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    String show(String setting) throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** CPU time of the postmaster and all its processes; -1 for an external database (not ours to measure). */
    long cpuNanos() {
        if (!embedded()) {
            return -1;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            return ProcCpu.ofProcessTree(pid);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Where the audit trail stands: rows after this id were written later. */
    long lastEventId() throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("SELECT coalesce(max(id), 0) FROM issuance_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    OffsetDateTime now() throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement();
                ResultSet rs = sql.executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class);
        }
    }

    /** What the server committed between two marks: credential_issued rows, request_failed rows, consumed nonces. */
    Committed committed(long afterId, long upToId, OffsetDateTime from, OffsetDateTime to) throws SQLException {
        try (Connection db = connect()) {
            return new Committed(
                    count(db, "SELECT count(*) FROM issuance_event WHERE id > ? AND id <= ? AND event = 'credential_issued'", afterId, upToId),
                    count(db, "SELECT count(*) FROM issuance_event WHERE id > ? AND id <= ? AND event = 'request_failed'", afterId, upToId),
                    count(db, "SELECT count(*) FROM consumed_nonce WHERE consumed_at >= ? AND consumed_at <= ?", from, to));
        }
    }

    record Committed(long credentialsIssued, long requestsFailed, long noncesConsumed) {
    }

    private static long count(Connection db, String query, Object from, Object to) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(query)) {
            sql.setObject(1, from);
            sql.setObject(2, to);
            try (ResultSet rs = sql.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
