package org.openissuer.keys.control;

import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/**
 * The issuer's ES256 keys: one active key that signs, and every configured key's public
 * half, published so that credentials signed before a rotation still verify.
 */
public record SigningKeys(ECKey active, List<ECKey> all) {

    public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;

    public SigningKeys {
        all = List.copyOf(all);
    }

    public JWKSet publicJwks() {
        return new JWKSet(all.stream().map(k -> (JWK) k.toPublicJWK()).toList());
    }

    public String activeKid() {
        return active.getKeyID();
    }
}
