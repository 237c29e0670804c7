package org.openissuer.deferred.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.platform.RequestIds;

/**
 * Marks transactions past their time as expired, with one deferred_expired row each, in one
 * transaction per batch. A poll sees an expired transaction as unknown at once (the query checks
 * expires_at); the sweep puts the expiry on record.
 */
@ApplicationScoped
public class DeferredExpiry {

    static final String ENDPOINT = "deferred_expiry";
    static final int BATCH = 500;

    private final DeferredStore store;
    private final IssuanceAudit audit;

    @Inject
    public DeferredExpiry(DeferredStore store, IssuanceAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    protected DeferredExpiry() {
        this(null, null);
    }

    /** @return how many expired; a full batch means there may be more */
    @Transactional
    public int sweep() {
        OffsetDateTime now = audit.now();
        List<DeferredTransaction> expired = store.expire(now, BATCH);
        AuditContext sweep = AuditContext.of(RequestIds.generate(), ENDPOINT, null);
        audit.append(expired.stream().map(t -> IssuanceEvent.deferredStep(Kind.DEFERRED_EXPIRED,
                DeferredApprovals.named(sweep, t).withToken(null, t.subject(), t.clientId(), t.tokenId(), t.offerId()),
                Optional.empty(), now)).toList());
        return expired.size();
    }
}
