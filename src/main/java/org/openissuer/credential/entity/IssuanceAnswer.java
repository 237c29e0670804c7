package org.openissuer.credential.entity;

import org.openissuer.encryption.entity.EncodedBody;

/** A successful answer of the credential or deferred credential endpoint: 200 with credentials, or 202. */
public record IssuanceAnswer(EncodedBody body, boolean deferred) {

    /** OID4VCI 1.0 §8.3, §9.2: 202 Accepted while the credentials are not ready. */
    public int status() {
        return deferred ? 202 : 200;
    }
}
