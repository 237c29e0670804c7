package org.openissuer.offer.control;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.entity.CreatedOffer;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.offer.entity.CredentialOffer.TxCodeHash;
import org.openissuer.offer.entity.IssuedCredentialSummary;
import org.openissuer.offer.entity.OfferRequest;
import org.openissuer.offer.entity.OfferStatus;
import org.openissuer.platform.SqlTimestamps;

/** Creates, finds and revokes credential offers (OID4VCI 1.0 §4.1) for the back-office API. */
@ApplicationScoped
public class CredentialOffers {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    private final CredentialConfigurations configurations;
    private final OfferSettings settings;
    private final IssuanceAudit audit;

    @Inject
    public CredentialOffers(CredentialConfigurations configurations, OfferSettings settings, IssuanceAudit audit) {
        this.configurations = configurations;
        this.settings = settings;
        this.audit = audit;
    }

    protected CredentialOffers() {
        this(null, null, null);
    }

    /** Validates the request against the configurations; the offer and its audit row commit together. */
    @Transactional
    public CreatedOffer create(OfferRequest request, AuditContext context) {
        List<CredentialConfiguration> offered = new ArrayList<>();
        for (String id : request.configurationIds()) {
            offered.add(configurations.byId(id).orElseThrow(() -> new IssuerException(IssuerError.INVALID_REQUEST,
                    "unknown credential configuration " + id)));
        }
        if (request.deferred()) {
            // the mandatory claims are checked at approval, when the back office may supply the rest
            OfferedClaims.checkDeclared(request.claims(), offered);
        } else {
            OfferedClaims.check(request.claims(), offered);
        }
        Duration expiresIn = request.expiresIn().isPresent() ? Duration.ofSeconds(request.expiresIn().getAsLong())
                : settings.defaultExpiresIn();
        if (expiresIn.compareTo(settings.maxExpiresIn()) > 0) {
            throw new IssuerException(IssuerError.INVALID_REQUEST,
                    "expires_in must be at most " + settings.maxExpiresIn().toSeconds() + " seconds");
        }
        Optional<String> txCode = Optional.empty();
        Optional<TxCodeHash> txCodeHash = Optional.empty();
        if (request.txCode().isPresent()) {
            int length = request.txCode().get().length().orElse(settings.txCodeLength());
            if (!OfferSettings.txCodeLengthAllowed(length)) {
                throw new IssuerException(IssuerError.INVALID_REQUEST, "tx_code.length must be between "
                        + OfferSettings.MIN_TX_CODE_LENGTH + " and " + OfferSettings.MAX_TX_CODE_LENGTH);
            }
            txCode = Optional.of(OfferSecrets.newTxCode(length));
            txCodeHash = Optional.of(new TxCodeHash(OfferSecrets.hashTxCode(txCode.get()), length,
                    request.txCode().get().description()));
        }
        String reference = OfferSecrets.newReference();
        String code = OfferSecrets.codeFor(reference);
        JsonArrayBuilder ids = Json.createArrayBuilder();
        request.configurationIds().forEach(ids::add);
        OffsetDateTime now = audit.now();
        CredentialOffer offer = CredentialOffer.pending(OfferSecrets.newId(), OfferSecrets.sha256(reference),
                OfferSecrets.sha256(code), ids.build().toString(), request.subject(), request.claims().toString(),
                txCodeHash, context.principal().orElseThrow(), now, now.plus(expiresIn));
        if (request.deferred()) {
            offer.deferred(request.deferredExpiresIn().isPresent()
                    ? Optional.of((int) Math.min(Integer.MAX_VALUE, request.deferredExpiresIn().getAsLong()))
                    : Optional.empty());
        }
        em.persist(offer);
        audit.append(List.of(IssuanceEvent.offerStep(Kind.OFFER_CREATED, context.withOffer(offer.id(), offer.subject()), now)));
        return new CreatedOffer(offer, reference, code, txCode);
    }

    public Optional<CredentialOffer> byId(String id) {
        return Optional.ofNullable(em.find(CredentialOffer.class, id));
    }

    /** The offer a credential_offer_uri points at, while its code can still be redeemed. */
    public Optional<CredentialOffer> pendingByReference(String reference) {
        return em.createQuery("SELECT o FROM CredentialOffer o WHERE o.referenceHash = :hash", CredentialOffer.class)
                .setParameter("hash", OfferSecrets.sha256(reference))
                .getResultStream().findFirst()
                .filter(o -> o.status(audit.now()) == OfferStatus.PENDING);
    }

    /** Revokes an unredeemed offer in one conditional statement, so it cannot race a redemption. */
    @Transactional
    public void revoke(String id, AuditContext context) {
        OffsetDateTime now = audit.now();
        int revoked = em.createQuery("UPDATE CredentialOffer o SET o.revokedAt = :now, o.revokedBy = :by"
                        + " WHERE o.id = :id AND o.redeemedAt IS NULL AND o.revokedAt IS NULL")
                .setParameter("now", now)
                .setParameter("by", context.principal().orElseThrow())
                .setParameter("id", id)
                .executeUpdate();
        if (revoked == 1) {
            CredentialOffer offer = byId(id).orElseThrow();
            audit.append(List.of(IssuanceEvent.offerStep(Kind.OFFER_REVOKED, context.withOffer(id, offer.subject()), now)));
            return;
        }
        CredentialOffer offer = byId(id).orElseThrow(() -> new IssuerException(IssuerError.NOT_FOUND, "no credential offer " + id));
        if (offer.redeemedAt().isPresent()) {
            throw new IssuerException(IssuerError.CONFLICT, "the offer was redeemed and can no longer be revoked");
        }
        // already revoked: DELETE is idempotent
    }

    /** What the credential endpoint recorded for this offer. */
    public List<IssuedCredentialSummary> issuedCredentials(String offerId) {
        List<?> rows = em.createNativeQuery("SELECT credential_id, credential_configuration_id, format,"
                        + " holder_key_thumbprint, occurred_at FROM issuance_event"
                        + " WHERE event = 'credential_issued' AND offer_id = ? ORDER BY id")
                .setParameter(1, offerId)
                .getResultList();
        List<IssuedCredentialSummary> issued = new ArrayList<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            issued.add(new IssuedCredentialSummary((String) columns[0], (String) columns[1], (String) columns[2],
                    (String) columns[3], SqlTimestamps.utc(columns[4])));
        }
        return issued;
    }

    public OffsetDateTime now() {
        return audit.now();
    }
}
