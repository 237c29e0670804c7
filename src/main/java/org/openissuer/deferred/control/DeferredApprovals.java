package org.openissuer.deferred.control;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.deferred.entity.ApprovalRequest;
import org.openissuer.deferred.entity.DeferredState;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.deferred.entity.PendingFilter;
import org.openissuer.deferred.entity.RejectionRequest;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.control.OfferedClaims;

/**
 * The back office decides on deferred transactions: approve (with the final claims, checked like an
 * offer's), reject with a reason. Each decision and its audit row commit together, once: a decision
 * on a transaction that is no longer pending is a conflict.
 */
@ApplicationScoped
public class DeferredApprovals {

    private final DeferredStore store;
    private final CredentialConfigurations configurations;
    private final IssuanceAudit audit;

    @Inject
    public DeferredApprovals(DeferredStore store, CredentialConfigurations configurations, IssuanceAudit audit) {
        this.store = store;
        this.configurations = configurations;
        this.audit = audit;
    }

    protected DeferredApprovals() {
        this(null, null, null);
    }

    public List<DeferredTransaction> pending(PendingFilter filter) {
        return store.pending(filter, audit.now());
    }

    @Transactional
    public DeferredTransaction approve(String id, ApprovalRequest request, AuditContext context) {
        DeferredTransaction transaction = pendingOne(id);
        CredentialConfiguration configuration = configurations.byId(transaction.configurationId())
                .orElseThrow(() -> new IssuerException(IssuerError.CONFLICT,
                        "the credential configuration " + transaction.configurationId() + " is no longer offered"));
        JsonObject claims = request.claims().orElse(transaction.claims());
        // the same rules as an offer's claims: declared by the configuration, the mandatory ones present
        OfferedClaims.check(claims, List.of(configuration));
        DeferredTransaction approved = store.approve(id, context.principal().orElseThrow(), claims, audit.now())
                .orElseThrow(() -> notPending(id));
        audit.append(List.of(IssuanceEvent.deferredStep(Kind.DEFERRED_APPROVED, named(context, approved),
                Optional.empty(), audit.now())));
        return approved;
    }

    @Transactional
    public DeferredTransaction reject(String id, RejectionRequest request, AuditContext context) {
        pendingOne(id);
        DeferredTransaction rejected = store.reject(id, context.principal().orElseThrow(), request.reason(), audit.now())
                .orElseThrow(() -> notPending(id));
        audit.append(List.of(IssuanceEvent.deferredStep(Kind.DEFERRED_REJECTED, named(context, rejected),
                Optional.of(request.reason()), audit.now())));
        return rejected;
    }

    private DeferredTransaction pendingOne(String id) {
        DeferredTransaction transaction = store.byId(id)
                .orElseThrow(() -> new IssuerException(IssuerError.NOT_FOUND, "no deferred credential transaction " + id));
        if (transaction.state() != DeferredState.PENDING || !transaction.expiresAt().isAfter(audit.now())) {
            throw notPending(id);
        }
        return transaction;
    }

    private IssuerException notPending(String id) {
        return new IssuerException(IssuerError.CONFLICT, "the deferred credential transaction " + id
                + " is no longer pending (approved, rejected, expired or delivered)");
    }

    /** The back office's request, about this transaction: its subject, offer and configuration. */
    static AuditContext named(AuditContext context, DeferredTransaction transaction) {
        return context.withOffer(transaction.offerId().orElse(null), transaction.subject())
                .withRequest(transaction.dialect().label(), transaction.configurationId(), transaction.vct().orElse(null),
                        transaction.format())
                .withDeferred(transaction.id());
    }
}
