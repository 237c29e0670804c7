package org.openissuer.credential.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.BoundKey;
import org.openissuer.credential.entity.DeferralResponse;
import org.openissuer.credential.entity.DeferredTicket;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.credential.entity.IssuanceResponse;
import org.openissuer.credential.entity.PendingCredential;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.notification.control.NotificationIds;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.proof.entity.VerifiedProof;
import org.openissuer.token.entity.AccessToken;

/**
 * The credential request's outcome in its one transaction (jti, nonces, audit rows): the
 * credentials built and signed now (OID4VCI 1.0 §8.3, 200), or the request stored for the back
 * office's approval (§8.3, 202 with a transaction_id).
 */
@ApplicationScoped
public class IssuanceCommit {

    private final IssuerSettings settings;
    private final IssuanceTransaction transaction;
    private final CredentialMinting minting;
    private final IssuanceAudit audit;
    private final Instance<DeferredIssuance> deferrals;

    @Inject
    public IssuanceCommit(IssuerSettings settings, IssuanceTransaction transaction, CredentialMinting minting,
            IssuanceAudit audit, Instance<DeferredIssuance> deferrals) {
        this.settings = settings;
        this.transaction = transaction;
        this.minting = minting;
        this.audit = audit;
        this.deferrals = deferrals;
    }

    protected IssuanceCommit() {
        this(null, null, null, null, null);
    }

    /** What committed: the answer's body (200 or 202), or a refusal to throw; a fresh nonce when one was asked for. */
    public record Committed(JsonObject body, boolean deferred, Optional<IssuerException> refusal,
            Optional<CNonce> freshNonce) {
    }

    /** The request as checked: its configuration and format, the verified proofs and the subject's data. */
    public record Checked(CredentialConfiguration configuration, String format, Dialect dialect,
            List<VerifiedProof> proofs, JsonObject data) {

        List<BoundKey> holders() {
            return proofs.stream().map(p -> new BoundKey(p.holderKey(), p.thumbprint())).toList();
        }

        List<String> nonces() {
            return proofs.stream().map(VerifiedProof::nonce).toList();
        }
    }

    public Committed issue(Optional<DPoPProof> dpopProof, Checked request, AuditContext context, AccessToken token) {
        CredentialBatch batch = minting.batch(token, request.proofs().size());
        IssuanceTransaction.Outcome outcome = transaction.commit(dpopProof, request.nonces(), () -> {
            List<IssuanceEvent> rows = new ArrayList<>();
            rows.add(IssuanceEvent.requestStarted(context, audit.now()));
            rows.addAll(minting.mint(batch, request.configuration(), request.format(), request.data(),
                    request.holders(), context));
            return rows;
        }, refusal(context), request.dialect().carriesNonce(), Optional.of(batch.notification()));
        if (outcome.refusal().isPresent()) {
            // RFC 9449 §11.1 (a replayed proof) or Appendix F.4 (a replayed or stale nonce)
            return new Committed(null, false, outcome.refusal(), outcome.freshNonce());
        }
        IssuanceResponse response = new IssuanceResponse(request.dialect(), request.format(),
                request.configuration().profile(), batch.credentials(), outcome.freshNonce().map(CNonce::value),
                settings.nonceLifetime().toSeconds(), Optional.of(batch.notification().id()));
        return new Committed(response.toJson(), false, Optional.empty(), outcome.freshNonce());
    }

    /** §8.3: the keys are bound and the nonces consumed now; the credentials wait for the back office. */
    public Committed defer(Optional<DPoPProof> dpopProof, Checked request, AuditContext context, AccessToken token,
            IssuanceMode mode) {
        if (deferrals.isUnsatisfied()) {
            throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, "deferred issuance is not available");
        }
        PendingCredential pending = new PendingCredential(NotificationIds.tokenKey(token), token.tokenId(),
                token.subject(), token.clientId(), token.offerId(), request.configuration(), request.format(),
                request.dialect(), request.holders(), request.data(), mode.pendingLifetime());
        DeferredTicket[] ticket = new DeferredTicket[1];
        IssuanceTransaction.Outcome outcome = transaction.commit(dpopProof, request.nonces(), () -> {
            ticket[0] = deferrals.get().defer(pending);
            AuditContext named = context.withDeferred(ticket[0].id());
            return List.of(IssuanceEvent.requestStarted(named, audit.now()),
                    IssuanceEvent.deferredStep(IssuanceEvent.Kind.CREDENTIAL_DEFERRED, named, Optional.empty(), audit.now()));
        }, refusal(context), request.dialect().carriesNonce(), Optional.empty());
        if (outcome.refusal().isPresent()) {
            return new Committed(null, true, outcome.refusal(), outcome.freshNonce());
        }
        DeferralResponse response = new DeferralResponse(ticket[0].transactionId(), ticket[0].interval(),
                outcome.freshNonce().map(CNonce::value), settings.nonceLifetime().toSeconds());
        return new Committed(response.toJson(), true, Optional.empty(), outcome.freshNonce());
    }

    private Function<IssuerException, List<IssuanceEvent>> refusal(AuditContext context) {
        return refusal -> List.of(IssuanceEvent.requestStarted(context, audit.now()),
                IssuanceEvent.requestFailed(context, refusal.error().code(), refusal.description(), audit.now()));
    }

    /** Called once at deployment, after the keys are loaded. */
    public void prepare() {
        minting.prepare();
    }
}
