package org.openissuer.offer.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The random values of an offer and how they are stored. The pre-authorized code is derived
 * from the secret reference in credential_offer_uri, so the by-reference endpoint can answer
 * with it while the database holds neither: only SHA-256 of each (a 256-bit random input needs
 * no salt or stretching). The short transaction code gets a salted, iterated hash.
 */
public final class OfferSecrets {

    // OID4VCI 1.0 §13.6: codes and offer references must not be guessable; 128 bits for public ids
    static final int ID_BYTES = 16;
    static final int SECRET_BYTES = 32;
    static final int TX_CODE_ITERATIONS = 100_000;
    private static final int SALT_BYTES = 16;
    private static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    private static final byte[] CODE_LABEL = "openissuer pre-authorized_code v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private OfferSecrets() {
    }

    public static String newId() {
        return random(ID_BYTES);
    }

    public static String newReference() {
        return random(SECRET_BYTES);
    }

    /** The pre-authorized code of the offer with this reference: HMAC-SHA256 keyed by the reference. */
    public static String codeFor(String reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(reference.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return BASE64URL.encodeToString(mac.doFinal(CODE_LABEL));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** base64url SHA-256: how references and codes are looked up. */
    public static String sha256(String value) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static String newTxCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    public static String hashTxCode(String txCode) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + TX_CODE_ITERATIONS + "$" + BASE64URL.encodeToString(salt) + "$"
                + BASE64URL.encodeToString(pbkdf2(txCode, salt, TX_CODE_ITERATIONS));
    }

    /** Constant-time comparison; a malformed stored hash matches nothing. */
    public static boolean txCodeMatches(String txCode, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] expected = BASE64URL_DECODER.decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(txCode, BASE64URL_DECODER.decode(parts[2]), iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] pbkdf2(String txCode, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(txCode.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance(PBKDF2).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(PBKDF2 + " unavailable", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return BASE64URL.encodeToString(value);
    }
}
