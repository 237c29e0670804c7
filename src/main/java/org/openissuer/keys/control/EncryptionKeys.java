package org.openissuer.keys.control;

import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The keys wallets encrypt credential requests to (OID4VCI 1.0 §10, §12.2.4). Every configured
 * key is published and decrypts: a rotated-out key stays until it is removed from the set.
 */
public record EncryptionKeys(List<JWK> all) {

    public EncryptionKeys {
        all = List.copyOf(all);
    }

    public Optional<JWK> byKid(String kid) {
        return all.stream().filter(k -> k.getKeyID().equals(kid)).findFirst();
    }

    public JWKSet publicJwks() {
        return new JWKSet(all.stream().map(JWK::toPublicJWK).toList());
    }
}
