package org.openissuer.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rows written straight into issuance_event, as the issuer would write them, for tests of what reads
 * the trail: every column given by name, occurred_at the database's clock unless given.
 */
public final class AuditRows {

    private final Map<String, String> values = new LinkedHashMap<>();
    private String occurredAt = "clock_timestamp()";

    private AuditRows(String event, String endpoint) {
        values.put("event", event);
        values.put("endpoint", endpoint);
        values.put("request_id", UUID.randomUUID().toString());
    }

    public static AuditRows row(String event, String endpoint) {
        return new AuditRows(event, endpoint);
    }

    /** A credential_issued row complete enough for V003's constraint. */
    public static AuditRows issued(String subject) {
        return row("credential_issued", "credential").with("subject", subject)
                .with("credential_id", UUID.randomUUID().toString()).with("credential_digest", "ab".repeat(32))
                .with("holder_key_thumbprint", "thumb").with("credential_configuration_id", "IdentityCredential")
                .with("disclosed_claims", "[\"given_name\"]");
    }

    public AuditRows with(String column, String value) {
        values.put(column, value);
        return this;
    }

    /** occurred_at as a SQL expression, e.g. {@code clock_timestamp() - interval '20 seconds'}. */
    public AuditRows at(String expression) {
        this.occurredAt = expression;
        return this;
    }

    /** Inserts the row in the connection's transaction; returns its id. */
    public long insert(Connection db) throws SQLException {
        List<String> columns = new ArrayList<>(values.keySet());
        String sql = "INSERT INTO issuance_event (occurred_at, " + String.join(", ", columns) + ") VALUES ("
                + occurredAt + ", " + String.join(", ", columns.stream().map(c -> "?").toList()) + ") RETURNING id";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 0; i < columns.size(); i++) {
                insert.setString(i + 1, values.get(columns.get(i)));
            }
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }

    public long insert() throws SQLException {
        try (Connection db = Database.connect()) {
            return insert(db);
        }
    }
}
