package org.openissuer.deferred.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.control.CredentialBatch;
import org.openissuer.credential.control.CredentialMinting;
import org.openissuer.credential.entity.IssuanceResponse;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.notification.control.NotificationLedger;
import org.openissuer.token.entity.AccessToken;

/**
 * The one transaction of a poll that collects an approved transaction: spend the DPoP jti, take the
 * transaction (one conditional UPDATE: of racing polls exactly one wins), build and sign the
 * credentials with their status entries, audit rows and notification_id. The loser commits only
 * its jti and its refusal.
 */
@ApplicationScoped
public class DeliveryTransaction {

    private final DeferredStore store;
    private final CredentialMinting minting;
    private final IssuanceAudit audit;
    private final DPoPChecks dpop;
    private final NotificationLedger notifications;

    @Inject
    public DeliveryTransaction(DeferredStore store, CredentialMinting minting, IssuanceAudit audit, DPoPChecks dpop,
            NotificationLedger notifications) {
        this.store = store;
        this.minting = minting;
        this.audit = audit;
        this.dpop = dpop;
        this.notifications = notifications;
    }

    protected DeliveryTransaction() {
        this(null, null, null, null, null);
    }

    /** The 200 body, or the refusal that committed (a replayed jti, or a transaction another poll took). */
    public record Delivered(JsonObject body, Optional<IssuerException> refusal) {
    }

    @Transactional
    public Delivered deliver(Optional<DPoPProof> proof, DeferredTransaction transaction,
            CredentialConfiguration configuration, Dialect dialect, AuditContext context, AccessToken token) {
        // RFC 9449 §11.1 first: a replayed poll must not take the transaction its original may still collect
        Optional<IssuerException> refusal = proof.flatMap(dpop::spendWithin);
        if (refusal.isEmpty() && !store.markDelivered(transaction.id(), audit.now())) {
            // OID4VCI 1.0 §9.1: delivered once; the poll that lost the race finds it gone
            refusal = Optional.of(new IssuerException(IssuerError.INVALID_TRANSACTION_ID, DeferredDelivery.UNKNOWN));
        }
        if (refusal.isPresent()) {
            audit.append(List.of(IssuanceEvent.requestStarted(context, audit.now()), IssuanceEvent.requestFailed(context,
                    refusal.get().error().code(), refusal.get().description(), audit.now())));
            return new Delivered(null, refusal);
        }
        CredentialBatch batch = minting.batch(token, transaction.holders().size());
        List<IssuanceEvent> rows = new ArrayList<>();
        rows.add(IssuanceEvent.requestStarted(context, audit.now()));
        rows.addAll(minting.mint(batch, configuration, transaction.format(), transaction.claims(), transaction.holders(),
                context));
        audit.append(rows);
        // §9.2, §11: the deferred response carries a notification_id as the immediate one does
        notifications.record(batch.notification(), audit.now());
        IssuanceResponse response = new IssuanceResponse(dialect, transaction.format(), configuration.profile(),
                batch.credentials(), Optional.empty(), 0, Optional.of(batch.notification().id()));
        return new Delivered(response.toJson(), Optional.empty());
    }
}
