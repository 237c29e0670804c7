package org.openissuer.status.control;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed pseudorandom permutation of [0, size): a balanced Feistel network with HMAC-SHA256
 * as round function on the smallest even number of bits that covers size, restricted to
 * [0, size) by cycle walking. A permutation maps distinct allocation numbers to distinct
 * indices; without the key the next index cannot be told from the ones seen (HAIP 1.0 §6.1:
 * status list indices are not sequential or otherwise predictable).
 */
public final class IndexPermutation {

    static final int ROUNDS = 8;
    static final int MIN_KEY_BYTES = 32;

    private final Mac prototype;
    private final int size;
    private final int halfBits;
    private final int halfMask;

    public IndexPermutation(byte[] key, int size) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the permutation key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        if (size < 2) {
            throw new IllegalArgumentException("size must be at least 2, not " + size);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(size - 1);
        bits += bits % 2;
        this.halfBits = bits / 2;
        this.halfMask = (1 << halfBits) - 1;
        this.size = size;
        try {
            prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("unusable permutation key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The index of the given offset within the list, 0 <= offset < size. */
    public int index(int offset) {
        if (offset < 0 || offset >= size) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + (size - 1));
        }
        Mac mac = mac();
        int x = offset;
        do {
            x = permute(mac, x);
        } while (x >= size); // cycle walking: a permutation of the larger domain, restricted to [0, size)
        return x;
    }

    private int permute(Mac mac, int x) {
        int left = x >>> halfBits;
        int right = x & halfMask;
        byte[] input = new byte[5];
        for (int round = 0; round < ROUNDS; round++) {
            input[0] = (byte) round;
            input[1] = (byte) (right >>> 24);
            input[2] = (byte) (right >>> 16);
            input[3] = (byte) (right >>> 8);
            input[4] = (byte) right;
            byte[] f = mac.doFinal(input);
            int next = left ^ (((f[0] & 0xff) << 24 | (f[1] & 0xff) << 16 | (f[2] & 0xff) << 8 | (f[3] & 0xff)) & halfMask);
            left = right;
            right = next;
        }
        return left << halfBits | right;
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
        }
    }
}
