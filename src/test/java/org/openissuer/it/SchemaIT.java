package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.IssuerIT;

/** The schema the deployment created with Flyway, checked directly in PostgreSQL. */
@IssuerIT
class SchemaIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void refusesToUpdateDeleteOrTruncateTheAuditTrail() throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('request_started', 'schema-it', 'test')");
            assertRefused(sql, "UPDATE issuance_event SET subject = 'tampered' WHERE request_id = 'schema-it'");
            assertRefused(sql, "DELETE FROM issuance_event WHERE request_id = 'schema-it'");
            assertRefused(sql, "TRUNCATE issuance_event");
            try (ResultSet count = sql.executeQuery("SELECT count(*) FROM issuance_event WHERE request_id = 'schema-it'")) {
                count.next();
                assertTrue(count.getInt(1) >= 1);
            }
        }
    }

    @Test
    void requiresAnErrorCodeExactlyOnFailedRequests() throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('request_failed', 'x', 'test')"));
            assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "INSERT INTO issuance_event (event, request_id, endpoint, error_code) VALUES ('credential_issued', 'x', 'test', 'invalid_proof')"));
            assertThrows(SQLException.class, () -> sql.executeUpdate(
                    "INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('made_up', 'x', 'test')"));
        }
    }

    @Test
    void grantsTheAuditorRoleReadOnlyAccess() throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement();
                ResultSet privileges = sql.executeQuery("SELECT has_table_privilege('issuer_auditor', 'issuance_event', 'SELECT'),"
                        + " has_table_privilege('issuer_auditor', 'issuance_event', 'INSERT'),"
                        + " has_table_privilege('issuer_auditor', 'issuance_event', 'UPDATE'),"
                        + " has_table_privilege('issuer_auditor', 'consumed_nonce', 'SELECT')")) {
            privileges.next();
            assertEquals(List.of(true, false, false, false), List.of(privileges.getBoolean(1), privileges.getBoolean(2),
                    privileges.getBoolean(3), privileges.getBoolean(4)));
        }
    }

    @Test
    void migrationsAppliedByHandInFileOrderReproduceTheSchema() throws Exception {
        try (Connection admin = Database.connect(); Statement sql = admin.createStatement()) {
            sql.executeUpdate("DROP DATABASE IF EXISTS by_hand");
            sql.executeUpdate("CREATE DATABASE by_hand");
        }
        String byHandUrl = System.getProperty("it.db.url").replaceFirst("/[^/?]+(\\?|$)", "/by_hand$1");
        try (Connection byHand = Database.connect(byHandUrl); Statement sql = byHand.createStatement()) {
            // what `psql -f` does with each file, in file-name order
            for (Path file : migrations()) {
                sql.execute(Files.readString(file));
            }
        }
        try (Connection flyway = Database.connect(); Connection byHand = Database.connect(byHandUrl)) {
            assertEquals(catalog(flyway), catalog(byHand));
        }
    }

    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db/migrations"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
        }
    }

    // Tables, columns, constraints, indexes and triggers of the public schema, Flyway's own table left out
    private static List<String> catalog(Connection db) throws SQLException {
        List<String> rows = new ArrayList<>();
        String[] queries = {
            "SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'flyway_schema_history' ORDER BY 1",
            "SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                    + " AND conrelid::regclass::text <> 'flyway_schema_history' ORDER BY 1",
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' ORDER BY 1",
            "SELECT tgname || ' ' || pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1"};
        try (Statement sql = db.createStatement()) {
            for (String query : queries) {
                try (ResultSet rs = sql.executeQuery(query)) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }

    private static void assertRefused(Statement sql, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.executeUpdate(statement), statement);
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
    }
}
