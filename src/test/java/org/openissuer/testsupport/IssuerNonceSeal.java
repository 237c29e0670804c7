package org.openissuer.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;

import org.openissuer.nonce.control.NonceSeal;

/**
 * The c_nonce seal of the issuer under test, derived as the issuer derives it from the
 * authorization server key it generated into the tests' data directory: nonces the issuer
 * never handed out, e.g. already expired ones.
 */
public final class IssuerNonceSeal {

    private IssuerNonceSeal() {
    }

    public static String sealed(Instant expiresAt) {
        return of(authorizationServerKey()).seal(expiresAt);
    }

    /** The seal of another key, as before a rotation of the authorization server key. */
    public static String sealedUnderAnotherKey(Instant expiresAt) {
        return of(TestKeys.p256WithoutKid()).seal(expiresAt);
    }

    /** consumed_nonce.nonce_hash of a sealed nonce: base64url SHA-256 of its 16 random bytes (after the version byte). */
    public static String consumptionKey(String nonce) {
        byte[] random = Arrays.copyOfRange(Base64.getUrlDecoder().decode(nonce), 1, 17);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(random));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static NonceSeal of(ECKey key) {
        return new NonceSeal(NonceSeal.secretFrom(key.getD().decode()));
    }

    private static ECKey authorizationServerKey() {
        Path file = Path.of(System.getProperty("it.data.dir"), "keys", "authorization-server-keys.jwks");
        try {
            return JWKSet.load(file.toFile()).getKeys().get(0).toECKey();
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the issuer's authorization server key " + file, e);
        }
    }
}
