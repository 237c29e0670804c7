package org.openissuer.offer.entity;

import java.time.OffsetDateTime;

/** A credential issued from an offer, as the audit trail records it (event credential_issued). */
public record IssuedCredentialSummary(String credentialId, String configurationId, String format,
        String holderKeyThumbprint, OffsetDateTime issuedAt) {
}
