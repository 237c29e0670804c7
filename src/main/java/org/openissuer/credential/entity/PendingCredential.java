package org.openissuer.credential.entity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.Dialect;

/**
 * A credential request checked as for immediate issuance (token, proofs, nonces, encryption) whose
 * credentials wait for the back office: everything their later delivery needs, and no credential.
 *
 * @param tokenKey identifies the access token that asked; only it may collect the credentials (§9)
 * @param holders  one credential per key, in the order of the proofs
 * @param claims   the subject's data as far as it is known; the approval may replace it
 * @param lifetime how long the transaction may wait; empty: the issuer's setting
 */
public record PendingCredential(String tokenKey, Optional<String> tokenId, String subject, Optional<String> clientId,
        Optional<String> offerId, CredentialConfiguration configuration, String format, Dialect dialect,
        List<BoundKey> holders, JsonObject claims, Optional<Duration> lifetime) {

    public PendingCredential {
        holders = List.copyOf(holders);
        if (holders.isEmpty()) {
            throw new IllegalArgumentException("a deferred request binds at least one key");
        }
    }
}
