package org.openissuer.webhooks.entity;

import java.util.Arrays;
import java.util.Base64;

/**
 * A subscription's signing secret as Standard Webhooks gives it: {@code whsec_} and the base64 of
 * 24 to 64 random bytes (the spec's range). The HMAC key is the decoded bytes, not the text.
 * toString never shows it.
 */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    public static WebhookSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("must start with " + PREFIX + " (Standard Webhooks)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not " + PREFIX + " and standard base64");
        }
        if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
            throw new IllegalArgumentException("must decode to " + MIN_BYTES + " to " + MAX_BYTES + " bytes, has "
                    + key.length);
        }
        return new WebhookSecret(key);
    }

    /** A copy of the HMAC key. */
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret s && Arrays.equals(key, s.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return PREFIX + "(hidden)";
    }
}
