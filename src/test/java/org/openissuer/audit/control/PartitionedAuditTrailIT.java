package org.openissuer.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.PostgresForIT;

/**
 * The partitioned audit trail of db/migrations/V012, in databases of its own: applied to a fresh
 * schema, and converting a trail that already holds rows over many months (and a column, a CHECK
 * value and an index that a migration before V012 might have added).
 */
@ExtendWith(PostgresForIT.class)
class PartitionedAuditTrailIT {

    private static final String FRESH = "partition_it_fresh";
    private static final String CONVERTED = "partition_it_converted";
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyy_MM");
    private static final int V012 = 12;

    @BeforeAll
    static void databases() throws Exception {
        recreate(FRESH);
        try (Connection db = connect(FRESH)) {
            apply(db, version -> true);
        }
        recreate(CONVERTED);
        try (Connection db = connect(CONVERTED); Statement sql = db.createStatement()) {
            apply(db, version -> version < V012);
            // what a migration before V012 may have done to the table
            sql.execute("ALTER TABLE issuance_event ADD COLUMN transaction_id varchar(64) DEFAULT 'none'");
            sql.execute("COMMENT ON COLUMN issuance_event.transaction_id IS 'added before V012'");
            sql.execute("ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_transaction_known"
                    + " CHECK (transaction_id <> 'forbidden')");
            sql.execute("CREATE INDEX issuance_event_transaction_idx ON issuance_event (transaction_id)");
            // 14 months of history, one row every 5 days, and one issued credential
            sql.execute("INSERT INTO issuance_event (occurred_at, event, request_id, endpoint, subject)"
                    + " SELECT now() - make_interval(days => d), 'request_started', 'old-' || d, 'credential', 's-' || d"
                    + " FROM generate_series(0, 420, 5) d");
            sql.execute("INSERT INTO issuance_event (occurred_at, event, request_id, endpoint, credential_id,"
                    + " credential_digest, holder_key_thumbprint, credential_configuration_id)"
                    + " VALUES (now() - interval '200 days', 'credential_issued', 'old-c', 'credential', 'cred-old', 'd', 'h', 'c')");
            List<String> before = rows(sql);
            apply(db, version -> version == V012);
            assertEquals(before, rows(sql), "every row kept, with its id and values");
            // later migrations add columns (a row's text grows), never touch what V012 kept
            apply(db, version -> version > V012);
        }
    }

    @Test
    void partitionsExistForThisMonthAndThreeAhead() throws Exception {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        try (Connection db = connect(FRESH); Statement sql = db.createStatement()) {
            List<String> partitions = partitions(sql);
            for (int i = 0; i <= 3; i++) {
                LocalDate first = month.plusMonths(i);
                String bound = "FOR VALUES FROM ('" + first + " 00:00:00+00') TO ('" + first.plusMonths(1) + " 00:00:00+00')";
                assertTrue(partitions.contains("issuance_event_" + SUFFIX.format(first) + " " + bound), partitions.toString());
            }
            assertFalse(partitions.stream().anyMatch(p -> p.contains("DEFAULT")), "no default partition");
        }
    }

    @Test
    void refusesUpdateDeleteAndTruncateOnTheParentAndOnAPartition() throws Exception {
        String partition = "issuance_event_" + SUFFIX.format(LocalDate.now(ZoneOffset.UTC));
        try (Connection db = connect(FRESH); Statement sql = db.createStatement()) {
            sql.execute("INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('request_started', 'refusals', 'test')");
            for (String table : List.of("issuance_event", partition)) {
                assertRefused(sql, "UPDATE " + table + " SET subject = 'tampered' WHERE request_id = 'refusals'");
                assertRefused(sql, "DELETE FROM " + table + " WHERE request_id = 'refusals'");
                assertRefused(sql, "TRUNCATE " + table);
            }
            assertEquals(1, count(sql, "SELECT count(*) FROM issuance_event WHERE request_id = 'refusals'"));
        }
    }

    @Test
    void aDetachedPartitionStaysAppendOnly() throws Exception {
        try (Connection db = connect(CONVERTED); Statement sql = db.createStatement()) {
            String partition = "issuance_event_" + SUFFIX.format(LocalDate.now(ZoneOffset.UTC).minusMonths(6));
            sql.execute("ALTER TABLE issuance_event DETACH PARTITION " + partition);
            try {
                assertTrue(count(sql, "SELECT count(*) FROM " + partition) > 0);
                assertRefused(sql, "UPDATE " + partition + " SET subject = 'tampered'");
                assertRefused(sql, "DELETE FROM " + partition);
                assertRefused(sql, "TRUNCATE " + partition);
            } finally {
                // attached again as it is, the way a restored archive comes back
                sql.execute("SELECT issuance_event_add_partition(CAST(now() - interval '6 months' AS date))");
            }
            assertEquals(1, count(sql, "SELECT count(*) FROM pg_inherits WHERE inhrelid = '" + partition + "'::regclass"));
        }
    }

    @Test
    void theAuditorReadsTheTrailAndEachPartitionAndChangesNothing() throws Exception {
        String partition = "issuance_event_" + SUFFIX.format(LocalDate.now(ZoneOffset.UTC));
        try (Connection db = connect(CONVERTED); Statement sql = db.createStatement()) {
            sql.execute("SET ROLE issuer_auditor");
            assertTrue(count(sql, "SELECT count(*) FROM issuance_event") > 50);
            count(sql, "SELECT count(*) FROM " + partition);
            assertThrows(SQLException.class, () -> sql.execute(
                    "INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('request_started', 'x', 'y')"));
            assertThrows(SQLException.class, () -> sql.execute("SELECT issuance_event_create_partitions(1)"),
                    "only the owner (and whom a DBA grants it to) makes partitions");
        }
    }

    @Test
    void conversionKeepsLaterColumnsConstraintsIndexesAndTheIdentity() throws Exception {
        try (Connection db = connect(CONVERTED); Statement sql = db.createStatement()) {
            long maxBefore = count(sql, "SELECT max(id) FROM issuance_event WHERE request_id LIKE 'old-%'");
            assertTrue(count(sql, "INSERT INTO issuance_event (event, request_id, endpoint) VALUES"
                    + " ('request_started', 'after', 'test') RETURNING id") > maxBefore);
            assertEquals(1, count(sql, "SELECT count(*) FROM issuance_event WHERE request_id = 'after' AND transaction_id = 'none'"));
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO issuance_event (event, request_id, endpoint,"
                    + " transaction_id) VALUES ('request_started', 'x', 'test', 'forbidden')"));
            assertThrows(SQLException.class, () -> sql.execute(
                    "INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('made_up', 'x', 'test')"));
            assertEquals(1, count(sql, "SELECT count(*) FROM pg_indexes WHERE indexname = 'issuance_event_transaction_idx'"));
            assertEquals(1, count(sql, "SELECT count(*) FROM pg_description WHERE description = 'added before V012'"));
            assertEquals(0, count(sql, "SELECT count(*) FROM pg_class WHERE relname = 'issuance_event_unpartitioned'"));
            // the oldest row's month has its partition, and the months between
            assertEquals(0, count(sql, "SELECT count(*) FROM generate_series(date_trunc('month', now() - interval '420 days'),"
                    + " date_trunc('month', now()), interval '1 month') m WHERE to_regclass('issuance_event_'"
                    + " || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM')) IS NULL"));
        }
    }

    @Test
    void aCredentialIdIsIssuedOnceWithinAMonth() throws Exception {
        String issued = "INSERT INTO issuance_event (event, request_id, endpoint, credential_id, credential_digest,"
                + " holder_key_thumbprint, credential_configuration_id) VALUES ('credential_issued', 'dup', 'test',"
                + " 'cred-dup', 'd', 'h', 'c')";
        try (Connection db = connect(FRESH); Statement sql = db.createStatement()) {
            sql.execute(issued);
            SQLException twice = assertThrows(SQLException.class, () -> sql.execute(issued));
            assertEquals("23505", twice.getSQLState());
            // reports on it may come many times
            sql.execute("INSERT INTO issuance_event (event, request_id, endpoint, credential_id) VALUES"
                    + " ('credential_accepted', 'n1', 'notification', 'cred-dup'), ('credential_accepted', 'n2', 'notification', 'cred-dup')");
        }
    }

    @Test
    void instancesCreatingPartitionsAtOnceAddEachMonthOnce() throws Exception {
        try (Connection one = connect(FRESH); Connection two = connect(FRESH)) {
            CompletableFuture<Long> a = CompletableFuture.supplyAsync(() -> create(one, 6));
            CompletableFuture<Long> b = CompletableFuture.supplyAsync(() -> create(two, 6));
            long added = a.get() + b.get();
            try (Statement sql = one.createStatement()) {
                long partitions = partitions(sql).size();
                assertEquals(0, create(one, 6), "nothing left to add");
                assertEquals(partitions, partitions(sql).size());
                assertTrue(added <= 3, "months 4 to 6 at most, once: " + added);
                assertTrue(partitions(sql).stream().anyMatch(p -> p.startsWith("issuance_event_"
                        + SUFFIX.format(LocalDate.now(ZoneOffset.UTC).plusMonths(6)) + " ")));
            }
        }
    }

    @Test
    void aPlainTableOfAMonthIsAttachedAsItIsWithItsGuards() throws Exception {
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(9);
        String name = "issuance_event_" + SUFFIX.format(month);
        try (Connection db = connect(FRESH); Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE " + name + " (LIKE issuance_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
            sql.execute("INSERT INTO " + name + " (id, occurred_at, event, request_id, endpoint) VALUES"
                    + " (-1, '" + month + " 12:00:00+00', 'request_started', 'prefilled', 'test')");
            try (ResultSet attached = sql.executeQuery("SELECT issuance_event_add_partition('" + month + "')")) {
                assertTrue(attached.next() && attached.getBoolean(1));
            }
            assertEquals(1, count(sql, "SELECT count(*) FROM issuance_event WHERE request_id = 'prefilled'"));
            assertRefused(sql, "TRUNCATE " + name);
            assertRefused(sql, "DELETE FROM " + name);
        }
    }

    private static long create(Connection db, int monthsAhead) {
        try (Statement sql = db.createStatement()) {
            return count(sql, "SELECT issuance_event_create_partitions(" + monthsAhead + ")");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> partitions(Statement sql) throws SQLException {
        List<String> partitions = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid)"
                + " FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                + " WHERE i.inhparent = 'issuance_event'::regclass ORDER BY 1")) {
            while (rs.next()) {
                partitions.add(rs.getString(1));
            }
        }
        return partitions;
    }

    private static List<String> rows(Statement sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT CAST(e AS text) FROM issuance_event e ORDER BY id")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertRefused(Statement sql, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }

    /** What {@code psql -f} does with each file, in file-name order. */
    private static void apply(Connection db, Predicate<Integer> versions) throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("db/migrations"))) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
        try (Statement sql = db.createStatement()) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (versions.test(Integer.parseInt(name.substring(1, name.indexOf("__"))))) {
                    sql.execute(Files.readString(file));
                }
            }
        }
    }

    private static void recreate(String database) throws SQLException {
        try (Connection admin = Database.connect(); Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database);
            sql.execute("CREATE DATABASE " + database);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return Database.connect(System.getProperty("it.db.url").replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
    }
}
