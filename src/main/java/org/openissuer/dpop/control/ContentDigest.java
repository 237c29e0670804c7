package org.openissuer.dpop.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The MATTR-style {@code htcd} claim: a digest of the request body bound into the DPoP proof.
 * Accepted forms: the RFC 9530 Content-Digest member {@code sha-256=:<base64>:} and a bare
 * base64url SHA-256 (the form of ath). Anything else does not match.
 */
final class ContentDigest {

    private static final String PREFIX = "sha-256=:";

    private ContentDigest() {
    }

    static boolean matches(String htcd, byte[] body) {
        byte[] digest = sha256(body);
        String value = htcd.strip();
        byte[] claimed;
        try {
            if (value.toLowerCase(Locale.ROOT).startsWith(PREFIX) && value.endsWith(":") && value.length() > PREFIX.length()) {
                claimed = Base64.getDecoder().decode(value.substring(PREFIX.length(), value.length() - 1));
            } else {
                claimed = Base64.getUrlDecoder().decode(value);
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(digest, claimed);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64UrlSha256(String ascii) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(ascii.getBytes(StandardCharsets.US_ASCII)));
    }
}
