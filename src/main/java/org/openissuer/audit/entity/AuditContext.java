package org.openissuer.audit.entity;

import java.util.Optional;

/**
 * Who did what, where: the facts every row of one request shares. Immutable; the
 * {@code with*} methods return a copy as the request reveals more about itself.
 */
public record AuditContext(
        String requestId,
        String endpoint,
        Optional<String> clientAddress,
        Optional<String> clientId,
        Optional<String> principal,
        Optional<String> subject,
        Optional<String> tokenId,
        Optional<String> offerId,
        Optional<String> dialect,
        Optional<String> credentialConfigurationId,
        Optional<String> credentialType,
        Optional<String> format,
        Optional<String> deferredId) {

    public static AuditContext of(String requestId, String endpoint, String clientAddress) {
        return new AuditContext(requestId, endpoint, Optional.ofNullable(clientAddress), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The caller as the access token names it. */
    public AuditContext withToken(String principal, String subject, Optional<String> clientId, Optional<String> tokenId,
            Optional<String> offerId) {
        return new AuditContext(requestId, endpoint, clientAddress, clientId, Optional.ofNullable(principal),
                Optional.ofNullable(subject), tokenId, offerId, dialect, credentialConfigurationId, credentialType, format, deferredId);
    }

    public AuditContext withOffer(String offerId, String subject) {
        return new AuditContext(requestId, endpoint, clientAddress, clientId, principal, Optional.ofNullable(subject),
                tokenId, Optional.ofNullable(offerId), dialect, credentialConfigurationId, credentialType, format, deferredId);
    }

    public AuditContext withPrincipal(String principal) {
        return new AuditContext(requestId, endpoint, clientAddress, clientId, Optional.ofNullable(principal), subject,
                tokenId, offerId, dialect, credentialConfigurationId, credentialType, format, deferredId);
    }

    public AuditContext withTokenId(String tokenId) {
        return new AuditContext(requestId, endpoint, clientAddress, clientId, principal, subject,
                Optional.ofNullable(tokenId), offerId, dialect, credentialConfigurationId, credentialType, format, deferredId);
    }

    /** What was asked for: a configuration, its type (vct or mdoc doctype) and format, in which protocol dialect. */
    public AuditContext withRequest(String dialect, String configurationId, String credentialType, String format) {
        return new AuditContext(requestId, endpoint, clientAddress, clientId, principal, subject, tokenId, offerId,
                Optional.ofNullable(dialect), Optional.ofNullable(configurationId), Optional.ofNullable(credentialType),
                Optional.ofNullable(format), deferredId);
    }

    /** The deferred transaction (OID4VCI 1.0 §9) the request belongs to, by its public handle. */
    public AuditContext withDeferred(String deferredId) {
        return new AuditContext(requestId, endpoint, clientAddress, clientId, principal, subject, tokenId, offerId,
                dialect, credentialConfigurationId, credentialType, format, Optional.ofNullable(deferredId));
    }
}
