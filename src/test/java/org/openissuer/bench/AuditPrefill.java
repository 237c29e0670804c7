package org.openissuer.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills issuance_event with N rows before the load, generated in SQL (not over HTTP), spread evenly
 * over the 24 months up to now. Each month is written into a plain table of the partition's name and
 * then attached with issuance_event_add_partition (db/migrations/V012), so its indexes are built once,
 * sorted, instead of fed row by row; the month's own guards and grants come with the attach.
 * <p>
 * Rows come in sessions of 8: offer created by the back office, redeemed, token issued; two credential
 * requests, each started and one credential issued (three configurations, claims by configuration,
 * one in ten draft 13); then the wallet's notification on the first credential (7 in 10 accepted,
 * 1 in 10 failure) or, in 2 of 10 sessions, a refused credential request instead. About 40 rows per
 * subject over the two years.
 */
final class AuditPrefill {

    static final int MONTHS = 24;
    static final int ROWS_PER_SESSION = 8;

    private static final String CONFIG = "(ARRAY['IdentityCredential', 'EmployeeBadge', 'DrivingPermit'])";
    private static final String CLAIMS = "(ARRAY['[\"given_name\",\"family_name\",\"birthdate\",\"address.locality\",\"nationalities[]\"]',"
            + " '[\"given_name\",\"family_name\",\"email\",\"employee_id\"]',"
            + " '[\"given_name\",\"family_name\",\"birthdate\",\"driving_privileges[]\"]'])";

    // {table}; parameters: id base, first instant, seconds per session, subjects, first and last session.
    // A session's values are computed once (the materialised s), its 8 rows picked from them in time order.
    private static final String MONTH = """
            WITH s AS MATERIALIZED (
                SELECT n, n %% 10 AS variant, CAST(? AS bigint) + n * 8 AS base,
                       CAST(? AS timestamptz) + n * make_interval(secs => ?) AS at,
                       'employee-' || ((n * 2654435761) %% ?) AS subject,
                       '10.' || (n %% 250) || '.' || (n / 250 %% 250) || '.' || (n %% 7 + 1) AS address,
                       'wallet-' || (n %% 12) AS client, 'backoffice-' || (n %% 25) AS officer,
                       md5('t' || n) AS token, substr(md5('o' || n), 1, 22) AS offer,
                       ARRAY[CAST(CAST(md5('r0:' || n) AS uuid) AS text), CAST(CAST(md5('r1:' || n) AS uuid) AS text),
                             CAST(CAST(md5('r3:' || n) AS uuid) AS text), CAST(CAST(md5('r5:' || n) AS uuid) AS text),
                             CAST(CAST(md5('r7:' || n) AS uuid) AS text)] AS requests,
                       ARRAY[CAST(CAST(md5('c4:' || n) AS uuid) AS text), CAST(CAST(md5('c6:' || n) AS uuid) AS text)] AS credentials,
                       ARRAY[encode(sha256(convert_to('d4:' || n, 'UTF8')), 'hex'),
                             encode(sha256(convert_to('d6:' || n, 'UTF8')), 'hex')] AS digests,
                       ARRAY[translate(substr(encode(sha256(convert_to('h4:' || n, 'UTF8')), 'base64'), 1, 43), '+/', '-_'),
                             translate(substr(encode(sha256(convert_to('h6:' || n, 'UTF8')), 'base64'), 1, 43), '+/', '-_')] AS holders,
                       ARRAY[n %% 3 + 1, (n + 1) %% 3 + 1] AS configurations
                  FROM generate_series(CAST(? AS bigint), CAST(? AS bigint)) n)
            INSERT INTO {table} (id, occurred_at, event, request_id, endpoint, client_address, client_id, principal, subject,
                error_code, error_description, token_id, credential_configuration_id, vct, format, dialect,
                holder_key_thumbprint, credential_id, credential_digest, disclosed_claims, offer_id, event_description)
            SELECT s.base + k, s.at + k * interval '150 milliseconds',
                   CASE k WHEN 0 THEN 'offer_created' WHEN 1 THEN 'offer_redeemed' WHEN 2 THEN 'token_issued'
                          WHEN 3 THEN 'request_started' WHEN 5 THEN 'request_started' WHEN 4 THEN 'credential_issued'
                          WHEN 6 THEN 'credential_issued'
                          ELSE CASE WHEN variant < 7 THEN 'credential_accepted' WHEN variant = 7 THEN 'credential_failure'
                                    ELSE 'request_failed' END END,
                   requests[CASE WHEN k = 0 THEN 1 WHEN k < 3 THEN 2 WHEN k < 5 THEN 3 WHEN k < 7 THEN 4 ELSE 5 END],
                   CASE WHEN k = 0 THEN 'admin/credential-offers' WHEN k < 3 THEN 'token'
                        WHEN k = 7 AND variant < 8 THEN 'notification' ELSE 'credential' END,
                   address, CASE WHEN k > 0 THEN client END, CASE WHEN k = 0 THEN officer WHEN k > 2 THEN subject END, subject,
                   CASE WHEN k = 7 AND variant >= 8 THEN (ARRAY['invalid_proof', 'invalid_nonce'])[variant - 7] END,
                   CASE WHEN k = 7 AND variant >= 8 THEN 'proof rejected: nonce unknown or expired' END,
                   CASE WHEN k >= 2 THEN token END,
                   CASE WHEN k IN (3, 4) OR k = 7 AND variant >= 8 THEN %1$s[configurations[1]]
                        WHEN k IN (5, 6) THEN %1$s[configurations[2]] END,
                   CASE WHEN k IN (4, 6) THEN 'https://issuer.example.com/vct/' || %1$s[configurations[k / 6 + 1]] END,
                   CASE WHEN k IN (4, 6) THEN CASE WHEN variant = 3 THEN 'vc+sd-jwt' ELSE 'dc+sd-jwt' END END,
                   CASE WHEN k BETWEEN 3 AND 6 THEN CASE WHEN variant = 3 THEN 'draft-13' ELSE '1.0' END END,
                   CASE WHEN k IN (4, 6) THEN holders[k / 6 + 1] END,
                   CASE WHEN k IN (4, 6) THEN credentials[k / 6 + 1] WHEN k = 7 AND variant < 8 THEN credentials[1] END,
                   CASE WHEN k IN (4, 6) THEN digests[k / 6 + 1] END,
                   CASE WHEN k IN (4, 6) THEN %2$s[configurations[k / 6 + 1]] END,
                   offer, CASE WHEN k = 7 AND variant = 7 THEN 'storage full' END
              FROM s CROSS JOIN LATERAL generate_series(0 * s.n, 7) k
            """.formatted(CONFIG, CLAIMS);

    record Result(long rows, double seconds, String size) {
    }

    private AuditPrefill() {
    }

    /** The pre-fill bench.audit.prefill asks for, before the load; null for none. */
    static Result ifAsked(BenchSettings settings, BenchDatabase db) throws Exception {
        if (settings.auditPrefill() == 0) {
            return null;
        }
        System.out.printf("[bench] audit prefill: %,d rows over %d months, generated in SQL%n", settings.auditPrefill(), MONTHS);
        Result prefill = fill(db, settings.auditPrefill());
        System.out.printf("[bench] audit prefill: %,d rows in %.0f s, %s on disk%n", prefill.rows(), prefill.seconds(),
                prefill.size());
        return prefill;
    }

    static Result fill(BenchDatabase db, long rows) throws Exception {
        long started = System.nanoTime();
        OffsetDateTime now;
        long idBase;
        try (Connection admin = db.connect(); Statement sql = admin.createStatement()) {
            now = db.now().withOffsetSameInstant(ZoneOffset.UTC).minusMinutes(5);
            idBase = scalar(sql, "SELECT coalesce(max(id), 0) + 1000 FROM issuance_event");
            if (db.embedded()) {
                // one month of WAL between checkpoints instead of 1 GB; reset before the load
                sql.execute("ALTER SYSTEM SET max_wal_size = '16GB'");
                sql.execute("SELECT pg_reload_conf()");
            }
        }
        OffsetDateTime start = now.minusMonths(MONTHS);
        long sessions = Math.max(1, rows / ROWS_PER_SESSION);
        double secondsPerSession = (now.toEpochSecond() - start.toEpochSecond()) / (double) sessions;
        long subjects = Math.max(1_000, rows / 40);
        List<Month> months = new ArrayList<>();
        for (OffsetDateTime first = start.withDayOfMonth(1).toLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
                first.isBefore(now); first = first.plusMonths(1)) {
            OffsetDateTime from = first.isBefore(start) ? start : first;
            OffsetDateTime to = first.plusMonths(1).isAfter(now) ? now : first.plusMonths(1);
            // the sessions whose first row falls in [from, to), ending 2 s before the bound (a session spans 1 s)
            long firstSession = (long) Math.ceil((from.toEpochSecond() - start.toEpochSecond()) / secondsPerSession);
            long lastSession = (long) Math.ceil((to.toEpochSecond() - 2 - start.toEpochSecond()) / secondsPerSession) - 1;
            months.add(new Month(first, Math.max(0, firstSession), Math.min(sessions - 1, lastSession)));
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Month month : months) {
                done.add(workers.submit(() -> {
                    month.write(db, idBase, start, secondsPerSession, subjects);
                    return null;
                }));
            }
            for (Future<?> month : done) {
                month.get();
            }
        } finally {
            workers.shutdownNow();
        }
        try (Connection admin = db.connect(); Statement sql = admin.createStatement()) {
            sql.execute("SELECT setval(pg_get_serial_sequence('issuance_event', 'id'), max(id)) FROM issuance_event");
            System.out.println("[bench] audit prefill: VACUUM (ANALYZE) issuance_event");
            // as autovacuum would have over the months: statistics, and the visibility map index-only scans need
            sql.execute("VACUUM (ANALYZE) issuance_event");
            if (db.embedded()) {
                sql.execute("ALTER SYSTEM RESET max_wal_size");
                sql.execute("SELECT pg_reload_conf()");
                sql.execute("CHECKPOINT");
            }
            long total = months.stream().mapToLong(Month::rows).sum();
            String size = string(sql, "SELECT pg_size_pretty(sum(pg_total_relation_size(inhrelid))) FROM pg_inherits"
                    + " WHERE inhparent = 'issuance_event'::regclass");
            return new Result(total, (System.nanoTime() - started) / 1e9, size);
        }
    }

    /** One month's sessions [first, last], written into its plain table and attached. */
    private record Month(OffsetDateTime first, long firstSession, long lastSession) {

        long rows() {
            return Math.max(0, lastSession - firstSession + 1) * ROWS_PER_SESSION;
        }

        void write(BenchDatabase db, long idBase, OffsetDateTime start, double secondsPerSession, long subjects)
                throws SQLException {
            String name = "issuance_event_" + first.getYear() + "_" + String.format("%02d", first.getMonthValue());
            long began = System.nanoTime();
            try (Connection month = db.connect(); Statement sql = month.createStatement()) {
                sql.execute("SET maintenance_work_mem = '512MB'");
                // the month may exist already, empty (made ahead by the migration and the issuer)
                if (scalar(sql, "SELECT count(*) FROM pg_class WHERE relname = '" + name + "'") > 0) {
                    if (scalar(sql, "SELECT count(*) FROM " + name) > 0) {
                        throw new IllegalStateException(name + " already holds rows: prefill a fresh database");
                    }
                    sql.execute("DROP TABLE " + name);
                }
                sql.execute("CREATE TABLE " + name + " (LIKE issuance_event INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
                if (lastSession >= firstSession) {
                    try (PreparedStatement insert = month.prepareStatement(MONTH.replace("{table}", name))) {
                        insert.setLong(1, idBase);
                        insert.setObject(2, start);
                        insert.setDouble(3, secondsPerSession);
                        insert.setLong(4, subjects);
                        insert.setLong(5, firstSession);
                        insert.setLong(6, lastSession);
                        insert.executeUpdate();
                    }
                }
                sql.execute("SELECT issuance_event_add_partition('" + first.toLocalDate() + "')");
            }
            System.out.printf("[bench] audit prefill: %s, %,d rows in %.1f s%n", name,
                    rows(), (System.nanoTime() - began) / 1e9);
        }
    }

    static long scalar(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
