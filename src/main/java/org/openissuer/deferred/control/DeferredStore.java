package org.openissuer.deferred.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.credential.control.DeferredIssuance;
import org.openissuer.credential.entity.DeferredTicket;
import org.openissuer.credential.entity.PendingCredential;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.deferred.entity.PendingFilter;

/**
 * The deferred_credential table (db/migrations/V010). Every change of state is one conditional
 * UPDATE whose row count (or RETURNING rows) decides it, so concurrent polls, approvals, rejections
 * and sweeps on any number of instances never both win.
 */
@ApplicationScoped
public class DeferredStore implements DeferredIssuance {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    private final DeferredSettings settings;
    private final IssuanceAudit audit;

    @Inject
    public DeferredStore(DeferredSettings settings, IssuanceAudit audit) {
        this.settings = settings;
        this.audit = audit;
    }

    protected DeferredStore() {
        this(null, null);
    }

    /** In the credential request's transaction: it commits with the spent nonces and the credential_deferred row. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public DeferredTicket defer(PendingCredential pending) {
        String id = TransactionIds.newId();
        String transactionId = TransactionIds.newSecret();
        OffsetDateTime now = audit.now();
        Duration lifetime = pending.lifetime().filter(l -> l.compareTo(settings.lifetime()) < 0).orElse(settings.lifetime());
        NativeInsert.into("deferred_credential")
                .value("id", id)
                .value("transaction_hash", TransactionIds.sha256(transactionId))
                .value("token_key", pending.tokenKey())
                .value("token_id", pending.tokenId().orElse(null))
                .value("subject", pending.subject())
                .value("client_id", pending.clientId().orElse(null))
                .value("offer_id", pending.offerId().orElse(null))
                .value("credential_configuration_id", pending.configuration().id())
                .value("vct", pending.configuration().vct())
                .value("doctype", pending.configuration().doctype().orElse(null))
                .value("format", pending.format())
                .value("dialect", pending.dialect().label())
                .value("holder_keys", DeferredRows.holderKeys(pending.holders()))
                .value("claims", pending.claims().toString())
                .value("created_at", now)
                .value("expires_at", now.plus(lifetime))
                .execute(em);
        return new DeferredTicket(id, transactionId, settings.interval().toSeconds());
    }

    /** The transaction of a wallet's transaction_id, in whatever state: the caller decides what a poll may see. */
    public Optional<DeferredTransaction> byTransactionId(String transactionId) {
        return first(em.createNativeQuery("SELECT " + DeferredRows.COLUMNS + " FROM deferred_credential"
                + " WHERE transaction_hash = ?1").setParameter(1, TransactionIds.sha256(transactionId)).getResultList());
    }

    public Optional<DeferredTransaction> byId(String id) {
        return first(em.createNativeQuery("SELECT " + DeferredRows.COLUMNS + " FROM deferred_credential WHERE id = ?1")
                .setParameter(1, id).getResultList());
    }

    /** Pending and not yet expired, oldest first. */
    public List<DeferredTransaction> pending(PendingFilter filter, OffsetDateTime now) {
        String sql = "SELECT " + DeferredRows.COLUMNS + " FROM deferred_credential WHERE state = 'pending'"
                + " AND expires_at > CAST(?1 AS timestamptz) AND created_at <= CAST(?2 AS timestamptz)"
                + (filter.configurationId().isPresent() ? " AND credential_configuration_id = ?3" : "")
                + " ORDER BY created_at, id LIMIT " + filter.limit();
        Query query = em.createNativeQuery(sql).setParameter(1, DeferredRows.text(now))
                .setParameter(2, DeferredRows.text(now.minus(filter.olderThan())));
        filter.configurationId().ifPresent(c -> query.setParameter(3, c));
        return rows(query.getResultList());
    }

    /** Approves a pending, unexpired transaction with its final claims; empty when it is not (any more) pending. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeferredTransaction> approve(String id, String by, JsonObject claims, OffsetDateTime now) {
        return first(em.createNativeQuery("WITH changed AS (UPDATE deferred_credential SET state = 'approved',"
                + " approved_by = ?2, approved_at = CAST(?1 AS timestamptz), claims = ?3 WHERE id = ?4 AND state = 'pending'"
                + " AND expires_at > CAST(?1 AS timestamptz) RETURNING " + DeferredRows.COLUMNS + ") SELECT "
                + DeferredRows.COLUMNS + " FROM changed").setParameter(1, DeferredRows.text(now)).setParameter(2, by)
                .setParameter(3, claims.toString()).setParameter(4, id).getResultList());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<DeferredTransaction> reject(String id, String by, String reason, OffsetDateTime now) {
        return first(em.createNativeQuery("WITH changed AS (UPDATE deferred_credential SET state = 'rejected',"
                + " rejected_by = ?2, rejected_at = CAST(?1 AS timestamptz), rejection_reason = ?3 WHERE id = ?4"
                + " AND state = 'pending' AND expires_at > CAST(?1 AS timestamptz) RETURNING " + DeferredRows.COLUMNS
                + ") SELECT " + DeferredRows.COLUMNS + " FROM changed").setParameter(1, DeferredRows.text(now))
                .setParameter(2, by).setParameter(3, reason).setParameter(4, id).getResultList());
    }

    /**
     * §9.1: a transaction_id is invalidated once its credentials are obtained. Of any number of
     * concurrent polls exactly one sees true; the row lock makes the others wait and then see false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markDelivered(String id, OffsetDateTime now) {
        return em.createNativeQuery("UPDATE deferred_credential SET state = 'delivered', delivered_at = CAST(?1 AS timestamptz)"
                + " WHERE id = ?2 AND state = 'approved' AND delivered_at IS NULL AND expires_at > CAST(?1 AS timestamptz)")
                .setParameter(1, DeferredRows.text(now)).setParameter(2, id).executeUpdate() == 1;
    }

    /**
     * Marks up to {@code limit} transactions past their time as expired and returns them. Rows
     * another instance holds are skipped, so sweeps on several instances never expire one twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<DeferredTransaction> expire(OffsetDateTime now, int limit) {
        return rows(em.createNativeQuery("WITH changed AS (UPDATE deferred_credential SET state = 'expired',"
                + " expired_at = CAST(?1 AS timestamptz) WHERE id IN (SELECT id FROM deferred_credential"
                + " WHERE state IN ('pending', 'approved') AND expires_at <= CAST(?1 AS timestamptz)"
                + " ORDER BY expires_at LIMIT " + limit + " FOR UPDATE SKIP LOCKED) RETURNING " + DeferredRows.COLUMNS
                + ") SELECT " + DeferredRows.COLUMNS + " FROM changed").setParameter(1, DeferredRows.text(now))
                .getResultList());
    }

    private static Optional<DeferredTransaction> first(List<?> rows) {
        return rows(rows).stream().findFirst();
    }

    private static List<DeferredTransaction> rows(List<?> rows) {
        List<DeferredTransaction> result = new ArrayList<>(rows.size());
        for (Object row : rows) {
            result.add(DeferredRows.transaction((Object[]) row));
        }
        return result;
    }
}
