package org.openissuer.credential.entity;

import java.util.Objects;

import com.nimbusds.jose.jwk.JWK;

/**
 * A public key the wallet proved possession of, which one credential gets bound to (cnf.jwk).
 *
 * @param thumbprint RFC 7638 SHA-256 thumbprint of the key, base64url
 */
public record BoundKey(JWK key, String thumbprint) {

    public BoundKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(thumbprint, "thumbprint");
        if (key.isPrivate()) {
            throw new IllegalArgumentException("a holder key is public");
        }
    }
}
