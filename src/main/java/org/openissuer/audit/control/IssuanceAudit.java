package org.openissuer.audit.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.openissuer.audit.entity.AuditAppended;
import org.openissuer.audit.entity.IssuanceEvent;

/** Appends rows to the issuance audit trail. */
@ApplicationScoped
public class IssuanceAudit {

    // WITH ... RETURNING ... SELECT: a statement that returns rows, as both providers run a native query
    // through getResultList (EclipseLink on Liberty, Hibernate on WildFly), and the ids in ascending order
    private static final String INSERT = "WITH appended AS (INSERT INTO issuance_event ("
            + String.join(", ", IssuanceEvent.COLUMNS) + ") VALUES ";
    private static final String RETURNING = " RETURNING id) SELECT id FROM appended ORDER BY id";

    private final Clock clock;
    private final Event<AuditAppended> appended;

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    public IssuanceAudit(Clock clock, Event<AuditAppended> appended) {
        this.clock = clock;
        this.appended = appended;
    }

    protected IssuanceAudit() {
        this(null, null);
    }

    /** Joins the caller's transaction: the rows commit with, and only with, the work they describe. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(List<IssuanceEvent> events) {
        write(events);
    }

    /**
     * For a request that failed before it changed anything: its rows commit on their own, so a
     * refusal is on record even though there is no work to commit with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void appendAlone(List<IssuanceEvent> events) {
        write(events);
    }

    /**
     * One statement, one round trip, whatever the number of rows. PostgreSQL assigns the identity
     * ids in VALUES order, so id order is event order as auditors read it (and the ids it returns,
     * sorted, are the rows' in list order); a provider flushing persisted entities may reorder them.
     */
    private void write(List<IssuanceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Statement statement = statement(events);
        Query insert = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            insert.setParameter(i + 1, statement.parameters().get(i));
        }
        List<Long> ids = new ArrayList<>(events.size());
        for (Object id : insert.getResultList()) {
            ids.add(((Number) id).longValue());
        }
        // observers that count (metrics) hear of the rows after the commit only (CDI 4.0 §10.4.5), so
        // they count what the trail holds: a rolled-back request's rows are never told. Observers
        // that must write with the rows (the webhook outbox) hear of them now, in this transaction.
        appended.fire(new AuditAppended(events, ids));
    }

    /** The SQL text and its positional parameters, all strings. */
    record Statement(String sql, List<String> parameters) {
    }

    /*
     * A null is written as the literal NULL rather than bound, and the timestamp as text cast by the
     * database: a bound null or OffsetDateTime gets a different JDBC type from each JPA provider
     * (Hibernate binds an untyped null as bytea), a string the same one from all.
     */
    static Statement statement(List<IssuanceEvent> events) {
        StringBuilder sql = new StringBuilder(INSERT.length() + events.size() * 160).append(INSERT);
        List<String> parameters = new ArrayList<>(events.size() * IssuanceEvent.COLUMNS.size());
        for (int row = 0; row < events.size(); row++) {
            sql.append(row == 0 ? "(" : ", (");
            Object[] values = events.get(row).columnValues();
            for (int column = 0; column < values.length; column++) {
                if (column > 0) {
                    sql.append(", ");
                }
                Object value = values[column];
                if (value == null) {
                    sql.append("NULL");
                    continue;
                }
                parameters.add(value instanceof OffsetDateTime at ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at)
                        : value.toString());
                sql.append(value instanceof OffsetDateTime ? "CAST(?" + parameters.size() + " AS timestamptz)"
                        : "?" + parameters.size());
            }
            sql.append(')');
        }
        sql.append(RETURNING);
        return new Statement(sql.toString(), parameters);
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
