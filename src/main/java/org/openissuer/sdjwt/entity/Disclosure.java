package org.openissuer.sdjwt.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.json.JsonArray;

/**
 * One disclosure (RFC 9901 §4.2): the encoded form that travels after a {@code ~}, and the
 * digest the issuer-signed JWT carries in its place.
 */
public record Disclosure(String encoded, String digest) {

    public static final String HASH_ALGORITHM = "sha-256";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** {@code json} is {@code [salt, name, value]} for an object member or {@code [salt, value]} for an array element. */
    public static Disclosure of(JsonArray json) {
        // RFC 9901 §4.2.1: base64url of the UTF-8 JSON array, without padding
        String encoded = BASE64URL.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        return new Disclosure(encoded, digestOf(encoded));
    }

    /** RFC 9901 §4.2.3: base64url(SHA-256(US-ASCII bytes of the encoded disclosure)). */
    public static String digestOf(String encoded) {
        return BASE64URL.encodeToString(sha256().digest(encoded.getBytes(StandardCharsets.US_ASCII)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must implement SHA-256
            throw new IllegalStateException(e);
        }
    }
}
