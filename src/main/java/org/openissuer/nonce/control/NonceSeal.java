package org.openissuer.nonce.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sealed c_nonce values (OID4VCI 1.0 §7): every instance that shares the secret can check one
 * without a database, and nobody without the secret can make or extend one.
 * <p>
 * value = base64url(version 1 || 16 random bytes || expiry, epoch seconds, 8 bytes big-endian
 * || HMAC-SHA256(secret, everything before it)). 57 bytes are 76 characters with no padding and
 * no spare bits, so each nonce has exactly one encoding. A MAC and no AEAD: nothing in the value
 * is secret, the wallet may read its expiry, only its integrity matters. Thread-safe.
 */
public final class NonceSeal {

    static final byte VERSION = 1;
    // 128 bits from a CSPRNG: the unpredictability Appendix F.4 relies on
    static final int RANDOM_BYTES = 16;
    static final int TAG_BYTES = 32;
    static final int SEALED_BYTES = 1 + RANDOM_BYTES + Long.BYTES + TAG_BYTES;
    static final int ENCODED_LENGTH = SEALED_BYTES / 3 * 4;
    private static final int MACED_BYTES = SEALED_BYTES - TAG_BYTES;
    private static final String HMAC = "HmacSHA256";
    private static final byte[] LABEL = "openissuer c_nonce v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    /** What a valid nonce denotes: the key its single use is recorded under, and when it expires. */
    public record Opened(String consumptionKey, Instant expiresAt) {
    }

    public NonceSeal(byte[] secret) {
        key = new SecretKeySpec(secret, HMAC);
    }

    /**
     * HMAC-SHA256 keyed with key material every instance loads, over a label of its own: the same
     * derivation as the DPoP nonce secret with another label, so the two secrets differ and
     * neither equals the key. New key material makes every outstanding nonce invalid once.
     */
    public static byte[] secretFrom(byte[] sharedKeyMaterial) {
        return mac(new SecretKeySpec(sharedKeyMaterial, HMAC), LABEL, LABEL.length);
    }

    public String seal(Instant expiresAt) {
        ByteBuffer sealed = ByteBuffer.allocate(SEALED_BYTES);
        byte[] nonce = new byte[RANDOM_BYTES];
        random.nextBytes(nonce);
        sealed.put(VERSION).put(nonce).putLong(expiresAt.getEpochSecond());
        sealed.put(mac(key, sealed.array(), MACED_BYTES));
        return BASE64URL.encodeToString(sealed.array());
    }

    /** The nonce if this instance's secret sealed it and it has not expired at {@code now}; empty for anything else. */
    public Optional<Opened> open(String value, Instant now) {
        // strict before any decoding: exact length and the base64url alphabet only (no padding, no white space)
        if (value == null || value.length() != ENCODED_LENGTH || !base64url(value)) {
            return Optional.empty();
        }
        byte[] sealed = Base64.getUrlDecoder().decode(value);
        if (sealed.length != SEALED_BYTES || sealed[0] != VERSION) {
            return Optional.empty();
        }
        byte[] tag = Arrays.copyOfRange(sealed, MACED_BYTES, SEALED_BYTES);
        if (!MessageDigest.isEqual(tag, mac(key, sealed, MACED_BYTES))) {
            return Optional.empty();
        }
        long expiry = ByteBuffer.wrap(sealed, 1 + RANDOM_BYTES, Long.BYTES).getLong();
        if (expiry <= now.getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(new Opened(consumptionKey(Arrays.copyOfRange(sealed, 1, 1 + RANDOM_BYTES)),
                Instant.ofEpochSecond(expiry)));
    }

    // the random part names the nonce: bounded size, and no second spelling of one nonce can be spent twice
    private static String consumptionKey(byte[] randomPart) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(randomPart));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static boolean base64url(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    private static byte[] mac(SecretKeySpec key, byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(data, 0, length);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
