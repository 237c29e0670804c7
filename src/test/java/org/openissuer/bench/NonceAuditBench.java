package org.openissuer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The database work of one credential request over plain JDBC, against an embedded PostgreSQL with
 * durable commits: one transaction that records the DPoP jti, consumes the nonce (its sealed value
 * needs no row when issued) and appends the request_started and credential_issued audit rows, and
 * commits. No JPA, no pool, no JTA: the ceiling PostgreSQL itself puts on the credential endpoint.
 * <p>
 * Each operation is one commit, so one WAL flush. The schema comes from db/migrations through Flyway.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class NonceAuditBench {

    /** The statements, in one place: what the issuer's Nonces, DPoPReplay and IssuanceAudit do, as plain SQL. */
    static final class Sql {
        static final String FIRST_USE_OF_JTI = "INSERT INTO dpop_jti (jti_hash, expires_at)"
                + " VALUES (?, now() + ? * interval '1 second') ON CONFLICT DO NOTHING";
        static final String CONSUME_NONCE = "INSERT INTO consumed_nonce (nonce_hash, expires_at) VALUES (?, to_timestamp(?))"
                + " ON CONFLICT DO NOTHING";
        static final String AUDIT_COLUMNS = "event, request_id, endpoint, client_address, client_id, principal, subject,"
                + " token_id, credential_configuration_id, vct, format, dialect, holder_key_thumbprint, credential_id,"
                + " credential_digest, disclosed_claims";
        static final int AUDIT_COLUMN_COUNT = 16;
        static final String APPEND_AUDIT = "INSERT INTO issuance_event (" + AUDIT_COLUMNS + ") VALUES "
                + row(AUDIT_COLUMN_COUNT) + ", " + row(AUDIT_COLUMN_COUNT);

        private static String row(int columns) {
            return "(" + "?, ".repeat(columns - 1) + "?)";
        }

        private Sql() {
        }
    }

    private static final int NONCE_LIFETIME_SECONDS = 300;
    private static final int JTI_KEEP_SECONDS = 120;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** One PostgreSQL per trial, durable: zonky's default is synchronous_commit=off. */
    @State(Scope.Benchmark)
    public static class Database {

        EmbeddedPostgres postgres;
        String url;

        @Setup
        public void start() throws IOException, SQLException {
            // on the project's disk (not a tmpfs), so fsync means what it says
            Path target = Path.of("target");
            Files.createDirectories(target);
            Path dataDir = Files.createTempDirectory(target.toAbsolutePath(), "jmh-postgres-");
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.toFile())
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
            url = postgres.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migrations").load()
                    .migrate();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                    try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                        rs.next();
                        if (!"on".equals(rs.getString(1))) {
                            throw new IllegalStateException(setting + " is " + rs.getString(1) + ", not on");
                        }
                    }
                }
            }
        }

        @TearDown
        public void stop() throws IOException {
            postgres.close();
        }
    }

    /** One connection per benchmark thread, as one request holds one pooled connection. */
    @State(Scope.Thread)
    public static class Session {

        Connection connection;
        PreparedStatement firstUseOfJti;
        PreparedStatement consumeNonce;
        PreparedStatement appendAudit;

        @Setup
        public void open(Database database) throws SQLException {
            connection = java.sql.DriverManager.getConnection(database.url);
            firstUseOfJti = connection.prepareStatement(Sql.FIRST_USE_OF_JTI);
            consumeNonce = connection.prepareStatement(Sql.CONSUME_NONCE);
            appendAudit = connection.prepareStatement(Sql.APPEND_AUDIT);
        }

        @TearDown
        public void close() throws SQLException {
            connection.close();
        }
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Session session) throws SQLException {
        return request(session);
    }

    @Benchmark
    @Threads(8)
    public int eightThreads(Session session) throws SQLException {
        return request(session);
    }

    private static int request(Session s) throws SQLException {
        Connection connection = s.connection;
        // POST /nonce writes nothing; POST /credential: jti, nonce and audit rows commit together
        connection.setAutoCommit(false);
        try {
            s.firstUseOfJti.setString(1, random43());
            s.firstUseOfJti.setInt(2, JTI_KEEP_SECONDS);
            int jtiRows = s.firstUseOfJti.executeUpdate();
            s.consumeNonce.setString(1, random43());
            s.consumeNonce.setLong(2, System.currentTimeMillis() / 1000 + NONCE_LIFETIME_SECONDS);
            int nonceRows = s.consumeNonce.executeUpdate();
            bindAudit(s.appendAudit, 0, "request_started", null);
            bindAudit(s.appendAudit, Sql.AUDIT_COLUMN_COUNT, "credential_issued", random43());
            int auditRows = s.appendAudit.executeUpdate();
            connection.commit();
            if (jtiRows != 1 || nonceRows != 1 || auditRows != 2) {
                throw new IllegalStateException("rows: jti " + jtiRows + ", nonce " + nonceRows + ", audit " + auditRows);
            }
            return auditRows;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    // the columns IssuanceAudit writes for a credential request; credential_issued satisfies issuance_event_credential_complete
    private static void bindAudit(PreparedStatement statement, int offset, String event, String credentialId)
            throws SQLException {
        boolean issued = credentialId != null;
        int i = offset;
        statement.setString(++i, event);
        statement.setString(++i, "req-" + random43().substring(0, 22));
        statement.setString(++i, "credential");
        statement.setString(++i, "203.0.113.17");
        statement.setString(++i, "wallet.example.org");
        statement.setString(++i, "erika-mustermann-4711");
        statement.setString(++i, "erika-mustermann-4711");
        statement.setString(++i, random43());
        statement.setString(++i, HotPath.CONFIGURATION_ID);
        statement.setString(++i, issued ? "https://credentials.example.com/identity_credential" : null);
        statement.setString(++i, issued ? "dc+sd-jwt" : null);
        statement.setString(++i, "1.0");
        statement.setString(++i, issued ? random43() : null);
        statement.setString(++i, credentialId);
        statement.setString(++i, issued ? HexFormat.of().formatHex(randomBytes()) : null);
        statement.setString(++i, issued ? "[\"given_name\",\"family_name\",\"birthdate\",\"email\",\"address\","
                + "\"address.street_address\",\"address.locality\",\"address.country\"]" : null);
    }

    // 256 random bits in base64url, like the issuer's nonce and jti hashes, thumbprints and identifiers
    private static String random43() {
        return BASE64URL.encodeToString(randomBytes());
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
