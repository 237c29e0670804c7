package org.openissuer.events.control;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.events.entity.Event;
import org.openissuer.events.entity.EventOrder;
import org.openissuer.events.entity.EventQuery;
import org.openissuer.events.entity.EventType;
import org.openissuer.events.entity.EventTypes;
import org.openissuer.platform.SqlTimestamps;

/**
 * Reads issuance_event for the events API with one native statement, as the other back-office
 * reads do (provider-neutral: timestamps bound as text and cast, ids and limits written as
 * numbers, the event types' values as literals from {@link EventTypes} so that the partial indexes
 * of V012 match). Ordered by id, the identity the trail assigns at insert.
 */
@ApplicationScoped
public class EventStore {

    static final String COLUMNS = "id, " + String.join(", ", IssuanceEvent.COLUMNS);

    // V010's CHECK issuance_event_deferred_names_transaction: these rows always name their transaction,
    // and saying so lets PostgreSQL read them from issuance_event_deferred_idx instead of the whole trail
    static final Set<String> DEFERRED_EVENTS = Set.of("credential_deferred", "deferred_approved", "deferred_rejected",
            "deferred_expired");

    // credential_id is written on credential_issued, status change and notification rows only
    // (audit/entity/IssuanceEvent's factories); no index holds credential_id alone, one partial index
    // holds each of these (V012's per month, V008's, V009's): one arm each, so PostgreSQL ORs the three
    static final List<String> CREDENTIAL_ROWS = List.of("event = 'credential_issued'",
            "event IN ('credential_revoked', 'credential_suspended', 'credential_reinstated')",
            "event IN ('credential_accepted', 'credential_failure', 'credential_deleted')");

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /** A statement and its positional parameters (text), as {@link #read} runs it. */
    record Statement(String sql, List<String> parameters) {
    }

    /**
     * At most {@code limit} events after the query's cursor. Oldest first, only the settled part of
     * the trail: ids below the first row that occurred after {@code settledBefore} (docs/events.md:
     * a row with a lower id may still commit until then).
     */
    public List<Event> read(EventQuery query, int limit, OffsetDateTime settledBefore, long settleSeconds) {
        Statement statement = statement(query, limit, settledBefore, settleSeconds);
        Query sql = em.createNativeQuery(statement.sql());
        for (int i = 0; i < statement.parameters().size(); i++) {
            sql.setParameter(i + 1, statement.parameters().get(i));
        }
        List<Event> events = new ArrayList<>();
        for (Object row : sql.getResultList()) {
            events.add(event((Object[]) row));
        }
        return events;
    }

    static Statement statement(EventQuery query, int limit, OffsetDateTime settledBefore, long settleSeconds) {
        List<String> parameters = new ArrayList<>();
        List<String> where = new ArrayList<>();
        boolean oldest = query.order() == EventOrder.OLDEST;
        query.cursor().ifPresent(c -> {
            where.add((oldest ? "id > " : "id < ") + c.lastId());
            // rows with a higher id were inserted later, so occurred no earlier than the settle time
            // before the cursor's: lets PostgreSQL skip the older months
            c.lastMicros().filter(m -> oldest).ifPresent(m -> where.add("occurred_at > " + time(parameters,
                    micros(m).minusSeconds(settleSeconds))));
        });
        if (oldest) {
            // a parameter each time it is used: the providers differ on a repeated positional one
            where.add("occurred_at <= " + time(parameters, settledBefore));
            where.add("id < COALESCE((SELECT min(id) FROM issuance_event WHERE occurred_at > "
                    + time(parameters, settledBefore) + "), 9223372036854775807)");
        }
        query.since().ifPresent(s -> where.add("occurred_at >= " + time(parameters, s)));
        query.until().ifPresent(u -> where.add("occurred_at < " + time(parameters, u)));
        if (!query.types().isEmpty()) {
            where.add(query.types().stream().map(EventStore::condition).sorted()
                    .collect(Collectors.joining(" OR ", "(", ")")));
        }
        query.equal().forEach((column, value) -> {
            if ("credential_id".equals(column)) {
                where.add(CREDENTIAL_ROWS.stream().map(rows -> {
                    parameters.add(value);
                    return "(credential_id = ?" + parameters.size() + " AND " + rows + ")";
                }).collect(Collectors.joining(" OR ", "(", ")")));
                return;
            }
            parameters.add(value);
            where.add(column + " = ?" + parameters.size());
        });
        String sql = "SELECT " + COLUMNS + " FROM issuance_event"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY id " + (oldest ? "ASC" : "DESC") + " LIMIT " + limit;
        return new Statement(sql, parameters);
    }

    private static String condition(EventType type) {
        String event = "event = " + literal(type.auditEvent());
        if (type.otherEndpoints()) {
            return "(" + event + " AND endpoint NOT IN (" + EventTypes.knownEndpoints().stream().sorted()
                    .map(EventStore::literal).collect(Collectors.joining(", ")) + "))";
        }
        if (!type.endpoints().isEmpty()) {
            return "(" + event + " AND endpoint IN (" + type.endpoints().stream().sorted().map(EventStore::literal)
                    .collect(Collectors.joining(", ")) + "))";
        }
        if (DEFERRED_EVENTS.contains(type.auditEvent())) {
            return "(" + event + " AND deferred_id IS NOT NULL)";
        }
        return "(" + event + ")";
    }

    // only the constant names of EventTypes get here, never a caller's text
    private static String literal(String constant) {
        if (!constant.matches("[a-z_]{1,64}")) {
            throw new IllegalArgumentException("not a constant of EventTypes: " + constant);
        }
        return "'" + constant + "'";
    }

    private static String time(List<String> parameters, OffsetDateTime at) {
        parameters.add(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.withOffsetSameInstant(ZoneOffset.UTC)));
        return "CAST(?" + parameters.size() + " AS timestamptz)";
    }

    private static OffsetDateTime micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L)
                .atOffset(ZoneOffset.UTC);
    }

    static Event event(Object[] row) {
        Map<String, String> columns = new HashMap<>();
        for (int i = 2; i < row.length; i++) {
            if (row[i] != null) {
                columns.put(IssuanceEvent.COLUMNS.get(i - 1), row[i].toString());
            }
        }
        return Event.fromRow(((Number) row[0]).longValue(), SqlTimestamps.utc(row[1]), columns);
    }
}
