package org.openissuer.status.entity;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The byte array of a Status List (draft-ietf-oauth-status-list-21, "Status List"): entry i
 * takes {@code bits} bits starting at bit (i * bits) % 8 of byte (i * bits) / 8, counted from the
 * least significant bit. Encoded as base64url (no padding) of its DEFLATE compression in the
 * ZLIB format (RFC 1950, RFC 1951).
 */
public final class StatusListBits {

    private static final int MAX_INFLATED = 64 * 1024 * 1024;

    private final int bits;
    private final int size;
    private final byte[] bytes;

    public StatusListBits(int bits, int size) {
        if (bits != 1 && bits != 2 && bits != 4 && bits != 8) {
            throw new IllegalArgumentException("bits must be 1, 2, 4 or 8, not " + bits);
        }
        if (size < 1 || (long) size * bits % 8 != 0) {
            throw new IllegalArgumentException("size must be positive and fill whole bytes, not " + size);
        }
        this.bits = bits;
        this.size = size;
        this.bytes = new byte[(int) ((long) size * bits / 8)];
    }

    private StatusListBits(int bits, byte[] bytes) {
        this.bits = bits;
        this.bytes = bytes;
        this.size = bytes.length * 8 / bits;
    }

    public void set(int index, int value) {
        checkIndex(index);
        if (value < 0 || value >= 1 << bits) {
            throw new IllegalArgumentException("value " + value + " does not fit in " + bits + " bits");
        }
        int bit = index * bits;
        int shift = bit % 8;
        int mask = ((1 << bits) - 1) << shift;
        bytes[bit / 8] = (byte) ((bytes[bit / 8] & ~mask) | (value << shift));
    }

    public int get(int index) {
        checkIndex(index);
        int bit = index * bits;
        return (bytes[bit / 8] >> (bit % 8)) & ((1 << bits) - 1);
    }

    public int bits() {
        return bits;
    }

    public int size() {
        return size;
    }

    /** The {@code lst} member: base64url of the ZLIB-compressed bytes, at the best compression. */
    public String encode() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, false);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, bytes.length / 64));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /** Reads an {@code lst} as a Relying Party does; bounded, since the input may come from anyone. */
    public static StatusListBits decode(int bits, String lst) {
        Inflater inflater = new Inflater(false);
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(lst));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated status list");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("status list larger than " + MAX_INFLATED + " bytes");
                }
            }
            return new StatusListBits(bits, out.toByteArray());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("not ZLIB data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " outside 0.." + (size - 1));
        }
    }
}
