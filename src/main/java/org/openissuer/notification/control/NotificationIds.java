package org.openissuer.notification.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.openissuer.notification.entity.IssuedNotification;
import org.openissuer.notification.entity.NotificationGrant;
import org.openissuer.token.entity.AccessToken;

/** How notification ids are made, stored and matched to the access token they were issued to. */
public final class NotificationIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    // 256 random bits: unguessable, so an unknown id tells an attacker nothing worth trying again
    private static final int ID_BYTES = 32;

    private NotificationIds() {
    }

    /** OID4VCI 1.0 §8.3: one notification_id per credential response, for all its credentials. */
    public static IssuedNotification issue(AccessToken token, List<String> credentialIds) {
        byte[] id = new byte[ID_BYTES];
        RANDOM.nextBytes(id);
        return new IssuedNotification(BASE64URL.encodeToString(id), tokenKey(token), token.subject(), token.clientId(),
                credentialIds);
    }

    /** §11: the notification comes with the access token that obtained the credentials, and no other. */
    public static boolean belongsTo(NotificationGrant grant, AccessToken token) {
        return MessageDigest.isEqual(grant.tokenKey().getBytes(StandardCharsets.US_ASCII),
                tokenKey(token).getBytes(StandardCharsets.US_ASCII)) && grant.subject().equals(token.subject());
    }

    /**
     * The token's issuer and jti identify it; a token without a jti is identified by its own value.
     * Deferred transactions are bound to their token the same way.
     */
    public static String tokenKey(AccessToken token) {
        return sha256(token.tokenId().map(jti -> "jti " + token.issuer() + " " + jti).orElse("token " + token.value()));
    }

    /** base64url SHA-256: the stored form of an id, so the table does not hold the wallets' secrets. */
    public static String sha256(String value) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
