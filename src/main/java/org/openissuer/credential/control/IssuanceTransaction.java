package org.openissuer.credential.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.notification.control.NotificationLedger;
import org.openissuer.notification.entity.IssuedNotification;

/**
 * The one transaction of a credential request (one commit per request): spend the DPoP
 * proof's jti, consume the proofs' nonces, append the audit rows, store the response's
 * notification_id (OID4VCI 1.0 §11). It always commits: a refused
 * jti or nonce leaves the rest as it was and the refusal on record.
 */
@ApplicationScoped
public class IssuanceTransaction {

    static final String STALE_NONCE = "c_nonce is unknown, expired or already used";

    private final Nonces nonces;
    private final IssuanceAudit audit;
    private final DPoPChecks dpop;
    private final NotificationLedger notifications;

    @Inject
    public IssuanceTransaction(Nonces nonces, IssuanceAudit audit, DPoPChecks dpop, NotificationLedger notifications) {
        this.nonces = nonces;
        this.audit = audit;
        this.dpop = dpop;
        this.notifications = notifications;
    }

    protected IssuanceTransaction() {
        this(null, null, null, null);
    }

    /** What committed: the refusal, if any, and a fresh nonce when one was asked for. */
    public record Outcome(Optional<IssuerException> refusal, Optional<CNonce> freshNonce) {
    }

    @Transactional
    public Outcome commit(Optional<DPoPProof> dpopProof, List<String> proofNonces, Supplier<List<IssuanceEvent>> onSuccess,
            Function<IssuerException, List<IssuanceEvent>> onRefusal, boolean wantFreshNonce,
            Optional<IssuedNotification> notification) {
        // RFC 9449 §11.1 first: a replayed request must not consume the nonces its original already did
        Optional<IssuerException> refusal = dpopProof.flatMap(dpop::spendWithin);
        if (refusal.isEmpty()) {
            // OID4VCI 1.0 Appendix F.4: each c_nonce is single-use; several proofs of one batch may share one
            boolean accepted = true;
            for (String nonce : new LinkedHashSet<>(proofNonces)) {
                accepted &= nonces.consume(nonce);
            }
            if (!accepted) {
                refusal = Optional.of(new IssuerException(IssuerError.INVALID_NONCE, STALE_NONCE));
            }
        }
        // the credentials are built here, once the nonces are spent: their status entries commit with them
        audit.append(refusal.map(onRefusal).orElseGet(onSuccess));
        if (refusal.isEmpty()) {
            // the notification_id exists exactly when the credentials it stands for do
            notification.ifPresent(n -> notifications.record(n, audit.now()));
        }
        return new Outcome(refusal, wantFreshNonce ? Optional.of(nonces.issue()) : Optional.empty());
    }
}
