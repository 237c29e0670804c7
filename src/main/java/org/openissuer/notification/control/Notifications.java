package org.openissuer.notification.control;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.notification.entity.NotificationGrant;
import org.openissuer.notification.entity.NotificationRequest;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BearerTokens;
import org.openissuer.token.entity.AccessToken;

/**
 * The notification endpoint's use case (OID4VCI 1.0 §11): the access token that obtained the
 * credentials reports what became of them; each report goes on the audit trail, once per
 * credential of the response. Reporting again is allowed (§11: the wallet may repeat itself).
 */
@ApplicationScoped
public class Notifications {

    static final String UNKNOWN = "the notification_id is unknown or was not issued to this access token";

    private final AccessTokens tokens;
    private final DPoPChecks dpop;
    private final NotificationLedger ledger;
    private final IssuanceAudit audit;
    private final RequestAudit requestAudit;
    private final RateLimits limits;

    @Inject
    public Notifications(AccessTokens tokens, DPoPChecks dpop, NotificationLedger ledger, IssuanceAudit audit,
            RequestAudit requestAudit, RateLimits limits) {
        this.tokens = tokens;
        this.dpop = dpop;
        this.ledger = ledger;
        this.audit = audit;
        this.requestAudit = requestAudit;
        this.limits = limits;
    }

    protected Notifications() {
        this(null, null, null, null, null, null);
    }

    /** @param dpopHeaders the request's DPoP headers (RFC 9449 §4.1), null or empty when none */
    public void report(String authorization, List<String> dpopHeaders, Supplier<byte[]> body) {
        boolean dpopInPlay = dpop.required();
        try {
            limits.admit(Limited.NOTIFICATION_PER_ADDRESS, requestAudit.context().clientAddress().orElse(null));
            BearerTokens.Presented presented = BearerTokens.parse(authorization);
            dpopInPlay |= presented.dpop();
            AccessToken token = tokens.verify(presented.token());
            dpopInPlay |= token.confirmationThumbprint().isPresent();
            AuditContext context = requestAudit.enrich(
                    c -> c.withToken(token.subject(), token.subject(), token.clientId(), token.tokenId(), token.offerId()));
            Optional<DPoPProof> proof = dpop.boundKey(presented.dpop(), token.confirmationThumbprint())
                    .map(bound -> dpop.atNotificationEndpoint(dpopHeaders, presented.token(), bound));
            // read after the token: a 401 beats a 400
            byte[] bytes = body.get();
            proof.ifPresent(p -> dpop.checkContentDigest(p, bytes));
            NotificationRequest request = NotificationRequest.parse(bytes);
            // §11.3: unknown and foreign ids get the same answer, so an id's owner is never revealed
            NotificationGrant grant = ledger.find(request.notificationId())
                    .filter(g -> NotificationIds.belongsTo(g, token))
                    .orElseThrow(() -> new IssuerException(IssuerError.INVALID_NOTIFICATION_ID, UNKNOWN));
            audit.appendAlone(grant.credentialIds().stream().map(id -> IssuanceEvent.notified(request.event().auditKind(),
                    context, id, request.eventDescription(), audit.now())).toList());
            requestAudit.close();
        } catch (IssuerException e) {
            // RFC 9449 §7.1: the challenge names the scheme the request used or the token needs
            throw dpopInPlay ? e.withChallenge(dpop.challenge()) : e;
        }
    }

}
