package org.openissuer.deferred.entity;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.BoundKey;

/**
 * A stored deferred transaction (db/migrations/V010 deferred_credential), as read: never its
 * transaction_id, only the hash of it stays in the database.
 *
 * @param tokenKey the access token it is bound to (notification.control.NotificationIds#tokenKey)
 * @param claims   the data the credentials will attest
 */
public record DeferredTransaction(String id, String tokenKey, Optional<String> tokenId, String subject,
        Optional<String> clientId, Optional<String> offerId, String configurationId, Optional<String> vct, String format,
        Dialect dialect, List<BoundKey> holders, JsonObject claims, DeferredState state, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, Optional<Decision> decision) {

    /** The back office's approval or rejection: who, when and (for a rejection) why. */
    public record Decision(boolean approved, String by, OffsetDateTime at, Optional<String> reason) {
    }

    public DeferredTransaction {
        holders = List.copyOf(holders);
    }

    /** Whether a poll may still see it (OID4VCI 1.0 §9.3): not expired, not delivered. */
    public boolean open(OffsetDateTime now) {
        return (state == DeferredState.PENDING || state == DeferredState.APPROVED || state == DeferredState.REJECTED)
                && expiresAt.isAfter(now);
    }
}
