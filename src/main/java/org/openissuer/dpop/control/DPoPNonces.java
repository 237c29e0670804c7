package org.openissuer.dpop.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless DPoP server nonces (RFC 9449 §8, §9) shared by every instance without a database:
 * nonce = base64url(HMAC-SHA256(secret, time slot)), valid in the current and the previous slot.
 * The secret is derived from key material all instances share (see {@link #secretFrom}).
 */
public final class DPoPNonces {

    static final String HMAC = "HmacSHA256";
    private static final byte[] LABEL = "openissuer dpop-nonce v1".getBytes(StandardCharsets.US_ASCII);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final byte[] secret;
    private final long slotSeconds;
    private final Clock clock;

    public DPoPNonces(byte[] secret, long slotSeconds, Clock clock) {
        this.secret = secret.clone();
        this.slotSeconds = slotSeconds;
        this.clock = clock;
    }

    /**
     * HMAC-SHA256 keyed with the authorization server's private key over a fixed label: every
     * instance loads the same key, nobody without that key can compute nonces, and the nonce
     * secret never equals the signing key itself. Rotating the key changes the nonces once.
     */
    public static byte[] secretFrom(byte[] sharedPrivateKeyMaterial) {
        return mac(sharedPrivateKeyMaterial, LABEL);
    }

    public String current() {
        return forSlot(slot());
    }

    public boolean isValid(String nonce) {
        byte[] presented = nonce.getBytes(StandardCharsets.US_ASCII);
        long slot = slot();
        // both compared, in constant time
        boolean current = MessageDigest.isEqual(presented, forSlot(slot).getBytes(StandardCharsets.US_ASCII));
        boolean previous = MessageDigest.isEqual(presented, forSlot(slot - 1).getBytes(StandardCharsets.US_ASCII));
        return current | previous;
    }

    private long slot() {
        return Math.floorDiv(clock.millis() / 1000, slotSeconds);
    }

    String forSlot(long slot) {
        return BASE64URL.encodeToString(mac(secret, ByteBuffer.allocate(Long.BYTES).putLong(slot).array()));
    }

    private static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
