package org.openissuer.deferred.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * One INSERT through a native query. A null is written as the literal NULL and a timestamp as text
 * cast by the database, as in the audit writer: a bound null or OffsetDateTime gets a different
 * JDBC type from each JPA provider, a string the same one from all.
 */
final class NativeInsert {

    private final String table;
    private final List<String> columns = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();

    private NativeInsert(String table) {
        this.table = table;
    }

    static NativeInsert into(String table) {
        return new NativeInsert(table);
    }

    NativeInsert value(String column, Object value) {
        columns.add(column);
        if (value == null) {
            values.add("NULL");
            return this;
        }
        parameters.add(value instanceof OffsetDateTime at ? DeferredRows.text(at) : value.toString());
        values.add(value instanceof OffsetDateTime ? "CAST(?" + parameters.size() + " AS timestamptz)" : "?" + parameters.size());
        return this;
    }

    String sql() {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ")";
    }

    void execute(EntityManager em) {
        Query insert = em.createNativeQuery(sql());
        for (int i = 0; i < parameters.size(); i++) {
            insert.setParameter(i + 1, parameters.get(i));
        }
        insert.executeUpdate();
    }
}
