package org.openissuer.proof.entity;

import com.nimbusds.jose.jwk.JWK;

/**
 * A proof of possession whose signature, type, audience and age have been checked. Its nonce
 * still has to be consumed: that happens in the issuance transaction.
 *
 * @param holderKey  the public key the credential gets bound to (cnf.jwk)
 * @param thumbprint RFC 7638 SHA-256 thumbprint of the holder key, base64url
 */
public record VerifiedProof(JWK holderKey, String thumbprint, String nonce) {
}
