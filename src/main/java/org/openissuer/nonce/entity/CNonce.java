package org.openissuer.nonce.entity;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A c_nonce handed to a wallet (OID4VCI 1.0 §7); see db/migrations/V001__c_nonce.sql. */
@Entity
@Table(name = "c_nonce")
public class CNonce {

    @Id
    @Column(name = "nonce", length = 64)
    private String value;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "consumed_at")
    private OffsetDateTime consumedAt;

    protected CNonce() {
        // JPA
    }

    private CNonce(String value, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.value = value;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public static CNonce issued(String value, OffsetDateTime now, java.time.Duration lifetime) {
        return new CNonce(value, now, now.plus(lifetime));
    }

    public String value() {
        return value;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public OffsetDateTime consumedAt() {
        return consumedAt;
    }
}
