package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.AuditQueries;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deferred;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Wallet;

/** The README's example audit queries run as written, as the read-only auditor role. */
@IssuerIT
class AuditQueriesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void readmeAuditQueriesRunAsTheAuditorRole() throws Exception {
        // some history to query: one credential issued, one request refused
        Wallet.post(AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).build(),
                Wallet.request(Wallet.nonce(), Wallet.holders(1)));
        Wallet.post("not-a-token", "{}");
        // and one deferred request waiting for the back office
        Deferred.Redeemed deferred = Deferred.redeemedOffer("it-" + UUID.randomUUID(), "");
        Deferred.request(deferred.token(), Wallet.holders(1));

        List<String> queries = readmeAuditQueries();
        assertTrue(queries.size() >= 6, "README lists the auditors' queries: " + queries.size());
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.execute("SET ROLE issuer_auditor");
            for (String query : queries) {
                try (ResultSet rows = sql.executeQuery(query)) {
                    rows.getMetaData();
                }
            }
            String credentialsToday = "SELECT count(*) FROM issuance_event WHERE event = 'credential_issued'"
                    + " AND occurred_at > now() - interval '1 hour'";
            try (ResultSet rows = sql.executeQuery(credentialsToday)) {
                assertTrue(rows.next() && rows.getLong(1) > 0);
            }
            assertFalse(canInsert(sql), "the auditor role reads only");
            // V009: the auditors also read which credentials each notification_id stands for
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM credential_notification")) {
                assertTrue(rows.next() && rows.getLong(1) > 0);
            }
            // V010: the deferred transactions, but not the wallets' secrets, keys and claims
            try (ResultSet rows = sql.executeQuery("SELECT count(*) FROM deferred_credential WHERE state = 'pending'")) {
                assertTrue(rows.next() && rows.getLong(1) > 0);
            }
            assertFalse(canRead(sql, "SELECT transaction_hash FROM deferred_credential"), "no transaction hashes");
            assertFalse(canRead(sql, "SELECT claims FROM deferred_credential"), "no claim values");
        }
    }

    private static boolean canRead(Statement sql, String query) {
        try (ResultSet rows = sql.executeQuery(query)) {
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static boolean canInsert(Statement sql) {
        try {
            sql.execute("INSERT INTO issuance_event (event, request_id, endpoint) VALUES ('request_started', 'x', 'y')");
            return true;
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private static List<String> readmeAuditQueries() throws Exception {
        return AuditQueries.documented(Path.of("")).stream().map(AuditQueries.Query::sql).toList();
    }
}
