package org.openissuer.webhooks.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.openissuer.platform.SqlTimestamps;
import org.openissuer.webhooks.entity.Delivery;
import org.openissuer.webhooks.entity.DeliveryQuery;
import org.openissuer.webhooks.entity.DeliveryRow;

/**
 * The outbox table webhook_delivery (db/migrations/V013), through native statements as the other
 * stores use them (provider-neutral: text parameters, numbers we computed written as literals, a
 * statement that returns rows written as WITH ... RETURNING ... SELECT). Times are the database's
 * now(), so the instances' clocks never decide who may claim a row.
 */
@ApplicationScoped
public class OutboxStore {

    static final String ROW = "id, subscription, event_id, event_type, payload, attempts";
    static final String LISTED = "id, subscription, event_id, event_type, subject, state, created_at, attempts,"
            + " next_attempt_at, last_attempt_at, last_status, last_error, finished_at";

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /** One outbox row to insert: subscription, event id, type, subject (or null), body. */
    public record NewDelivery(String subscription, long eventId, String eventType, String subject, String payload) {
    }

    /** In the caller's transaction, the audit rows': the deliveries commit with, and only with, the events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<String> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("INSERT INTO webhook_delivery (subscription, event_id, event_type, subject,"
                + " payload) VALUES ");
        for (int i = 0; i < deliveries.size(); i++) {
            NewDelivery d = deliveries.get(i);
            sql.append(i == 0 ? "(" : ", (").append(parameter(parameters, d.subscription())).append(", ")
                    .append(d.eventId()).append(", ").append(parameter(parameters, d.eventType())).append(", ")
                    .append(d.subject() == null ? "NULL" : parameter(parameters, d.subject())).append(", ")
                    .append(parameter(parameters, d.payload())).append(')');
        }
        bind(em.createNativeQuery(sql.toString()), parameters).executeUpdate();
    }

    /**
     * Leases up to {@code limit} due rows of the given subscriptions to {@code owner} for
     * {@code lease}, in event order, and returns them. SKIP LOCKED: instances claiming at the same
     * moment take different rows; the lease keeps them apart until the outcome is recorded. A row
     * waits while an earlier event of its subject is pending for its subscription (delivery in
     * order per subject); rows without a subject are not held back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Delivery> claim(List<String> subscriptions, String owner, Duration lease, int limit) {
        List<String> parameters = new ArrayList<>();
        String owned = parameter(parameters, owner);
        String known = subscriptions.stream().map(s -> parameter(parameters, s)).collect(Collectors.joining(", "));
        String sql = "WITH claimed AS (UPDATE webhook_delivery SET leased_until = now() + interval '1 millisecond' * "
                + lease.toMillis() + ", leased_by = " + owned + " WHERE id IN (SELECT d.id FROM webhook_delivery d"
                + " WHERE d.state = 'pending' AND d.next_attempt_at <= now()"
                + " AND (d.leased_until IS NULL OR d.leased_until <= now()) AND d.subscription IN (" + known + ")"
                + " AND (d.subject IS NULL OR NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.state = 'pending'"
                + " AND e.subscription = d.subscription AND e.subject = d.subject AND e.event_id < d.event_id))"
                + " ORDER BY d.event_id LIMIT " + limit + " FOR UPDATE OF d SKIP LOCKED) RETURNING " + ROW + ")"
                + " SELECT " + ROW + " FROM claimed ORDER BY event_id";
        List<Delivery> claimed = new ArrayList<>();
        for (Object result : bind(em.createNativeQuery(sql), parameters).getResultList()) {
            Object[] row = (Object[]) result;
            claimed.add(new Delivery(number(row[0]), (String) row[1], number(row[2]), (String) row[3], (String) row[4],
                    (int) number(row[5])));
        }
        return claimed;
    }

    /** A 2xx: the row is done. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void delivered(long id, int status) {
        em.createNativeQuery("UPDATE webhook_delivery SET state = 'delivered', attempts = attempts + 1,"
                + " last_attempt_at = now(), last_status = " + status + ", last_error = NULL, finished_at = now(),"
                + " leased_until = NULL WHERE id = " + id + " AND state = 'pending'").executeUpdate();
    }

    /**
     * A failed attempt: due again after {@code delay}, or failed for good when that is later than
     * {@code retryFor} after the row was written. Returns whether the row is now failed.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean attemptFailed(long id, Optional<Integer> status, String error, Duration delay, Duration retryFor) {
        String next = "now() + interval '1 millisecond' * " + delay.toMillis();
        String givesUp = next + " > created_at + interval '1 millisecond' * " + retryFor.toMillis();
        List<?> state = em.createNativeQuery("WITH changed AS (UPDATE webhook_delivery SET attempts = attempts + 1,"
                + " last_attempt_at = now(), last_status = " + status.map(String::valueOf).orElse("NULL")
                + ", last_error = ?1, leased_until = NULL, next_attempt_at = " + next
                + ", state = CASE WHEN " + givesUp + " THEN 'failed' ELSE 'pending' END"
                + ", finished_at = CASE WHEN " + givesUp + " THEN now() END"
                + " WHERE id = " + id + " AND state = 'pending' RETURNING state) SELECT state FROM changed")
                .setParameter(1, error.length() <= 1024 ? error : error.substring(0, 1024)).getResultList();
        return !state.isEmpty() && "failed".equals(String.valueOf(state.get(0)));
    }

    /** Pending rows per subscription: the backlog gauge. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Long> backlog() {
        Map<String, Long> counts = new HashMap<>();
        for (Object result : em.createNativeQuery("SELECT subscription, count(*) FROM webhook_delivery"
                + " WHERE state = 'pending' GROUP BY subscription").getResultList()) {
            Object[] row = (Object[]) result;
            counts.put((String) row[0], number(row[1]));
        }
        return counts;
    }

    /** Newest first, one more than the limit: the caller tells whether there is a next page. */
    public List<DeliveryRow> list(DeliveryQuery query) {
        List<String> parameters = new ArrayList<>();
        List<String> where = new ArrayList<>();
        query.subscription().ifPresent(s -> where.add("subscription = " + parameter(parameters, s)));
        query.state().ifPresent(s -> where.add("state = " + parameter(parameters, s.column())));
        query.eventId().ifPresent(e -> where.add("event_id = " + e));
        query.subject().ifPresent(s -> where.add("subject = " + parameter(parameters, s)));
        query.before().ifPresent(b -> where.add("id < " + b));
        String sql = "SELECT " + LISTED + " FROM webhook_delivery" + (where.isEmpty() ? "" : " WHERE "
                + String.join(" AND ", where)) + " ORDER BY id DESC LIMIT " + (query.limit() + 1);
        List<DeliveryRow> rows = new ArrayList<>();
        for (Object result : bind(em.createNativeQuery(sql), parameters).getResultList()) {
            Object[] r = (Object[]) result;
            rows.add(new DeliveryRow(number(r[0]), (String) r[1], number(r[2]), (String) r[3],
                    Optional.ofNullable((String) r[4]), (String) r[5], SqlTimestamps.utc(r[6]), (int) number(r[7]),
                    SqlTimestamps.utc(r[8]), Optional.ofNullable(r[9]).map(SqlTimestamps::utc),
                    Optional.ofNullable(r[10]).map(s -> (int) number(s)), Optional.ofNullable((String) r[11]),
                    Optional.ofNullable(r[12]).map(SqlTimestamps::utc)));
        }
        return rows;
    }

    private static String parameter(List<String> parameters, String value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    private static Query bind(Query query, List<String> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static long number(Object column) {
        return ((Number) column).longValue();
    }
}
