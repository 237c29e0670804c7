package org.openissuer.status.entity;

import java.time.OffsetDateTime;
import java.util.Optional;

/** A credential's status list entry as the back office reads it. */
public record CredentialStatus(String credentialId, StatusValue status, int listId, int idx, Optional<String> subject,
        Optional<String> offerId, String credentialConfigurationId, OffsetDateTime allocatedAt, OffsetDateTime expiresAt,
        Optional<OffsetDateTime> changedAt) {
}
