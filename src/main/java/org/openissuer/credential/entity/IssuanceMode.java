package org.openissuer.credential.entity;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a subject's credentials are issued at the credential request or only once the back
 * office approved them (OID4VCI 1.0 §8.3: a 202 with a transaction_id, §9).
 *
 * @param pendingLifetime how long the deferred transaction may wait; empty: the issuer's setting
 */
public record IssuanceMode(boolean deferred, Optional<Duration> pendingLifetime) {

    public static final IssuanceMode IMMEDIATE = new IssuanceMode(false, Optional.empty());

    public static IssuanceMode deferred(Optional<Duration> pendingLifetime) {
        return new IssuanceMode(true, pendingLifetime);
    }
}
