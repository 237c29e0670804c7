package org.openissuer.dpop.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class ContentDigestTest {

    private static final byte[] BODY = "{\"credential_configuration_id\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsRfc9530ContentDigestAndBareBase64url() {
        byte[] digest = ContentDigest.sha256(BODY);
        assertTrue(ContentDigest.matches("sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":", BODY));
        assertTrue(ContentDigest.matches(Base64.getUrlEncoder().withoutPadding().encodeToString(digest), BODY));
    }

    @Test
    void rejectsDigestOfAnotherBodyAndGarbage() {
        byte[] other = ContentDigest.sha256("{}".getBytes(StandardCharsets.UTF_8));
        assertFalse(ContentDigest.matches("sha-256=:" + Base64.getEncoder().encodeToString(other) + ":", BODY));
        assertFalse(ContentDigest.matches("sha-512=:abc:", BODY));
        assertFalse(ContentDigest.matches("%%%", BODY));
    }
}
