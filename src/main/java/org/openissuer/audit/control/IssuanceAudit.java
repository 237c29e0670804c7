package org.openissuer.audit.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.audit.entity.IssuanceEvent;

/** Appends rows to the issuance audit trail. */
@ApplicationScoped
public class IssuanceAudit {

    private final Clock clock = Clock.systemUTC();

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

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

    // A provider may insert the new entities of a flush in any order; auditors read id order as event order
    private void write(List<IssuanceEvent> events) {
        for (IssuanceEvent event : events) {
            em.persist(event);
            em.flush();
        }
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
