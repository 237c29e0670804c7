package org.openissuer.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The monthly partitions of issuance_event: the database function of db/migrations/V012 makes the
 * missing ones (current month and the months ahead), serialised by an advisory lock, so any number
 * of instances may call it at once.
 */
@ApplicationScoped
public class AuditPartitions {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /** Returns how many partitions were added. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int createAhead(int monthsAhead) {
        Object added = em.createNativeQuery("SELECT issuance_event_create_partitions(?1)")
                .setParameter(1, monthsAhead)
                .getSingleResult();
        return ((Number) added).intValue();
    }
}
