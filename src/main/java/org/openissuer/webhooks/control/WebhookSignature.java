package org.openissuer.webhooks.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openissuer.webhooks.entity.WebhookSecret;

/**
 * Standard Webhooks' symmetric signature (standardwebhooks.com, "Signature scheme"): HMAC-SHA256
 * with the secret's decoded bytes over {@code webhook-id.webhook-timestamp.body}, sent as
 * {@code webhook-signature: v1,<base64>}. The timestamp is signed so a receiver can refuse a
 * replay of an old message; the id so it can drop a second delivery of the same one.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The header value for one attempt; {@code timestamp} in seconds since the epoch, the time of the attempt. */
    public static String sign(WebhookSecret secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
