package org.openissuer.status.entity;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/** The credential a status list entry is allocated to, as the audit trail knows it. */
public record NewEntry(String credentialId, Optional<String> subject, Optional<String> offerId,
        String credentialConfigurationId, OffsetDateTime expiresAt) {

    public NewEntry {
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(credentialConfigurationId, "credentialConfigurationId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        subject = subject.map(s -> s.length() <= 255 ? s : s.substring(0, 255));
    }
}
