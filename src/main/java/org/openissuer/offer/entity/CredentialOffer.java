package org.openissuer.offer.entity;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A credential offer of the pre-authorized code flow (OID4VCI 1.0 §4.1); see
 * db/migrations/V004__credential_offer.sql. Holds only hashes of its secrets. State changes are
 * single conditional UPDATE statements in {@code CredentialOffers}, never setters.
 */
@Entity
@Table(name = "credential_offer")
public class CredentialOffer {

    @Id
    @Column(name = "id", length = 43)
    private String id;

    @Column(name = "reference_hash", nullable = false)
    private String referenceHash;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "credential_configuration_ids", nullable = false)
    private String configurationIds;

    @Column(name = "subject", nullable = false)
    private String subject;

    @Column(name = "claims", nullable = false)
    private String claims;

    @Column(name = "tx_code_hash")
    private String txCodeHash;

    @Column(name = "tx_code_length")
    private Integer txCodeLength;

    @Column(name = "tx_code_description")
    private String txCodeDescription;

    @Column(name = "tx_code_attempts", nullable = false)
    private int txCodeAttempts;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "redeemed_at")
    private OffsetDateTime redeemedAt;

    @Column(name = "redeemed_from")
    private String redeemedFrom;

    @Column(name = "token_id")
    private String tokenId;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "invalidated_at")
    private OffsetDateTime invalidatedAt;

    @Column(name = "issuance", nullable = false)
    private String issuance = IMMEDIATE;

    @Column(name = "deferred_expires_in")
    private Integer deferredExpiresIn;

    static final String IMMEDIATE = "immediate";
    static final String DEFERRED = "deferred";

    protected CredentialOffer() {
        // JPA
    }

    /** A new pending offer; the configuration ids and claims arrive as validated JSON text. */
    public static CredentialOffer pending(String id, String referenceHash, String codeHash, String configurationIds,
            String subject, String claims, Optional<TxCodeHash> txCode, String createdBy, OffsetDateTime now,
            OffsetDateTime expiresAt) {
        CredentialOffer offer = new CredentialOffer();
        offer.id = id;
        offer.referenceHash = referenceHash;
        offer.codeHash = codeHash;
        offer.configurationIds = configurationIds;
        offer.subject = subject;
        offer.claims = claims;
        txCode.ifPresent(t -> {
            offer.txCodeHash = t.hash();
            offer.txCodeLength = t.length();
            offer.txCodeDescription = t.description().orElse(null);
        });
        offer.createdBy = createdBy;
        offer.createdAt = now;
        offer.expiresAt = expiresAt;
        return offer;
    }

    /**
     * The same offer, its credentials issued only once the back office approved them (OID4VCI 1.0
     * §8.3, §9); a deferred transaction waits at most {@code pendingSeconds} when given.
     */
    public CredentialOffer deferred(Optional<Integer> pendingSeconds) {
        issuance = DEFERRED;
        deferredExpiresIn = pendingSeconds.orElse(null);
        return this;
    }

    public boolean isDeferred() {
        return DEFERRED.equals(issuance);
    }

    public Optional<Integer> deferredExpiresIn() {
        return Optional.ofNullable(deferredExpiresIn);
    }

    /** The stored form of a transaction code: a salted hash, its length and the hint shown to the user. */
    public record TxCodeHash(String hash, int length, Optional<String> description) {
    }

    public OfferStatus status(OffsetDateTime now) {
        if (redeemedAt != null) {
            return OfferStatus.REDEEMED;
        }
        if (revokedAt != null) {
            return OfferStatus.REVOKED;
        }
        if (invalidatedAt != null) {
            return OfferStatus.INVALIDATED;
        }
        return expiresAt.isAfter(now) ? OfferStatus.PENDING : OfferStatus.EXPIRED;
    }

    public String id() {
        return id;
    }

    public String configurationIds() {
        return configurationIds;
    }

    public String subject() {
        return subject;
    }

    public String claims() {
        return claims;
    }

    public Optional<TxCodeHash> txCode() {
        return Optional.ofNullable(txCodeHash)
                .map(h -> new TxCodeHash(h, txCodeLength, Optional.ofNullable(txCodeDescription)));
    }

    public int txCodeAttempts() {
        return txCodeAttempts;
    }

    public String createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public Optional<OffsetDateTime> redeemedAt() {
        return Optional.ofNullable(redeemedAt);
    }

    public Optional<OffsetDateTime> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<String> revokedBy() {
        return Optional.ofNullable(revokedBy);
    }

    public Optional<OffsetDateTime> invalidatedAt() {
        return Optional.ofNullable(invalidatedAt);
    }
}
