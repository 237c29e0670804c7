package org.openissuer.grant.control;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.control.OfferSecrets;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.offer.entity.OfferStatus;
import org.openissuer.token.control.TokenSettings;
import org.openissuer.token.entity.IssuedToken;
import org.openissuer.token.entity.TokenRequest;

/**
 * The pre-authorized code grant (OID4VCI 1.0 §6.1): exchanges an offer's code, and its transaction
 * code where the offer has one, for an access token. Every refusal goes on record with the offer
 * (the request's audit context names it).
 */
@ApplicationScoped
public class PreAuthorizedCodes {

    private final OfferRedemptions redemptions;
    private final TokenSettings settings;
    private final RequestAudit audit;

    @Inject
    public PreAuthorizedCodes(OfferRedemptions redemptions, TokenSettings settings, RequestAudit audit) {
        this.redemptions = redemptions;
        this.settings = settings;
        this.audit = audit;
    }

    protected PreAuthorizedCodes() {
        this(null, null, null);
    }

    /** @param holderKeyThumbprint the DPoP proof's key (RFC 9449 §5): the token is bound to it */
    public IssuedToken exchange(TokenRequest request, Optional<String> holderKeyThumbprint) {
        CredentialOffer offer = redemptions.byCodeHash(OfferSecrets.sha256(request.preAuthorizedCode()))
                .orElseThrow(() -> refuse(IssuerError.INVALID_GRANT, "unknown pre-authorized code"));
        AuditContext withOffer = audit.enrich(context -> context.withOffer(offer.id(), offer.subject()));
        // RFC 6749 §5.2: a code that can no longer be used is an invalid_grant, whatever else the request holds
        OfferStatus status = offer.status(redemptions.now());
        if (status != OfferStatus.PENDING) {
            throw refuse(IssuerError.INVALID_GRANT, "the pre-authorized code is " + status.wire());
        }
        if (offer.txCode().isPresent()) {
            String txCode = request.txCode().orElseThrow(() -> refuse(IssuerError.INVALID_REQUEST,
                    "tx_code is required for this pre-authorized code"));
            checkTxCode(offer, txCode);
        } else if (request.txCode().isPresent()) {
            // §6.1: tx_code only when the offer asked for one
            throw refuse(IssuerError.INVALID_REQUEST, "this pre-authorized code takes no tx_code");
        }
        return redemptions.redeem(offer, withOffer, holderKeyThumbprint)
                .orElseThrow(() -> refuse(IssuerError.INVALID_GRANT, "the pre-authorized code was already used"));
    }

    // §13.6.3: a wrong tx_code is an invalid_grant; the configured number of them invalidates the code
    private void checkTxCode(CredentialOffer offer, String txCode) {
        int max = settings.maxTxCodeAttempts();
        if (!redemptions.takeTxCodeAttempt(offer.id(), max)) {
            throw refuse(IssuerError.INVALID_GRANT, "the pre-authorized code is no longer usable");
        }
        if (!OfferSecrets.txCodeMatches(txCode, offer.txCode().orElseThrow().hash())) {
            boolean invalidated = redemptions.invalidateIfExhausted(offer.id(), max);
            throw refuse(IssuerError.INVALID_GRANT,
                    invalidated ? "wrong tx_code; too many attempts, the pre-authorized code is invalidated" : "wrong tx_code");
        }
    }

    private static IssuerException refuse(IssuerError error, String description) {
        return new IssuerException(error, description);
    }
}
