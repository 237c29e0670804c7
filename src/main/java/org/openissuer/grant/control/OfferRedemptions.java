package org.openissuer.grant.control;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.offer.control.OfferJson;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.token.control.AccessTokenMinter;
import org.openissuer.token.entity.IssuedToken;

/**
 * The statements that change an offer at the token endpoint, each atomic on its own: any number
 * of concurrent requests for one code cannot both redeem it nor exceed the transaction code attempts.
 */
@ApplicationScoped
public class OfferRedemptions {

    private static final String REDEEMABLE = " o.redeemedAt IS NULL AND o.revokedAt IS NULL AND o.invalidatedAt IS NULL"
            + " AND o.expiresAt > :now";

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    private final IssuanceAudit audit;
    private final AccessTokenMinter tokens;

    @Inject
    public OfferRedemptions(IssuanceAudit audit, AccessTokenMinter tokens) {
        this.audit = audit;
        this.tokens = tokens;
    }

    protected OfferRedemptions() {
        this(null, null);
    }

    public OffsetDateTime now() {
        return audit.now();
    }

    public Optional<CredentialOffer> byCodeHash(String codeHash) {
        return em.createQuery("SELECT o FROM CredentialOffer o WHERE o.codeHash = :hash", CredentialOffer.class)
                .setParameter("hash", codeHash).getResultStream().findFirst();
    }

    /**
     * Takes one of the offer's transaction code attempts before the code is compared, and commits at
     * once: a burst of guesses gets no more comparisons than the maximum, and a failed request keeps its count.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean takeTxCodeAttempt(String offerId, int maxAttempts) {
        return em.createQuery("UPDATE CredentialOffer o SET o.txCodeAttempts = o.txCodeAttempts + 1"
                        + " WHERE o.id = :id AND o.txCodeAttempts < :max AND" + REDEEMABLE)
                .setParameter("id", offerId).setParameter("max", maxAttempts).setParameter("now", audit.now())
                .executeUpdate() == 1;
    }

    /** OID4VCI 1.0 §13.6.3: after the last allowed wrong transaction code, the code is dead. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean invalidateIfExhausted(String offerId, int maxAttempts) {
        return em.createQuery("UPDATE CredentialOffer o SET o.invalidatedAt = :now"
                        + " WHERE o.id = :id AND o.txCodeAttempts >= :max AND o.invalidatedAt IS NULL AND o.redeemedAt IS NULL")
                .setParameter("id", offerId).setParameter("max", maxAttempts).setParameter("now", audit.now())
                .executeUpdate() == 1;
    }

    /**
     * Redeems the code and mints its token in one transaction with the audit rows: the statement's
     * row count decides the winner of concurrent requests; empty for every loser.
     */
    @Transactional
    public Optional<IssuedToken> redeem(CredentialOffer offer, AuditContext context, Optional<String> holderKeyThumbprint) {
        OffsetDateTime now = audit.now();
        String tokenId = tokens.newTokenId();
        int redeemed = em.createQuery("UPDATE CredentialOffer o SET o.redeemedAt = :now, o.redeemedFrom = :from,"
                        + " o.tokenId = :tokenId WHERE o.id = :id AND" + REDEEMABLE)
                .setParameter("now", now)
                .setParameter("from", context.clientAddress().orElse(null))
                .setParameter("tokenId", tokenId)
                .setParameter("id", offer.id())
                .executeUpdate();
        if (redeemed != 1) {
            return Optional.empty();
        }
        List<String> configurationIds = OfferJson.configurationIds(offer).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        IssuedToken token = tokens.mint(offer.subject(), offer.id(), configurationIds, tokenId, now, holderKeyThumbprint);
        // the subject's wallet is who the token is issued to: anonymous pre-authorized access (§6.1)
        AuditContext issued = context.withPrincipal(offer.subject()).withTokenId(tokenId);
        // IssuanceAudit writes the rows in list order, so the trail's ids follow the events
        audit.append(List.of(IssuanceEvent.offerStep(Kind.OFFER_REDEEMED, issued, now),
                IssuanceEvent.offerStep(Kind.TOKEN_ISSUED, issued, now)));
        return Optional.of(token);
    }
}
