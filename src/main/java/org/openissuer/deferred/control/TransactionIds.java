package org.openissuer.deferred.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** The two names of a deferred transaction: the wallet's secret transaction_id, and the public handle. */
final class TransactionIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    // 256 random bits each: the secret is unguessable, and the handle tells nothing about it
    private static final int BYTES = 32;

    private TransactionIds() {
    }

    /** OID4VCI 1.0 §8.3 transaction_id: a bearer secret of the wallet's; only its hash is stored. */
    static String newSecret() {
        return random();
    }

    /** The public id of the back-office API and the audit trail. */
    static String newId() {
        return random();
    }

    static String sha256(String value) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
