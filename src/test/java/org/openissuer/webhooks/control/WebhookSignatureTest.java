package org.openissuer.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.openissuer.webhooks.entity.WebhookSecret;

class WebhookSignatureTest {

    // the test vector of the Standard Webhooks reference libraries (standard-webhooks/standard-webhooks)
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long TIMESTAMP = 1614265330L;
    private static final String BODY = "{\"test\": 2432232314}";

    @Test
    void matchesTheStandardWebhooksTestVector() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSignature.sign(WebhookSecret.parse(SECRET), ID, TIMESTAMP, BODY));
    }

    @Test
    void equalsAnIndependentHmacOverIdTimestampAndBody() {
        String secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        String body = "{\"type\":\"credential.issued\",\"data\":{\"id\":\"42\",\"subject\":\"Zoë\"}}";
        // BouncyCastle's HMAC, not the JDK's Mac the issuer uses
        HMac hmac = new HMac(new SHA256Digest());
        hmac.init(new KeyParameter(Base64.getDecoder().decode(secret.substring("whsec_".length()))));
        byte[] content = ("42.1700000000." + body).getBytes(StandardCharsets.UTF_8);
        hmac.update(content, 0, content.length);
        byte[] expected = new byte[32];
        hmac.doFinal(expected, 0);

        assertEquals("v1," + Base64.getEncoder().encodeToString(expected),
                WebhookSignature.sign(WebhookSecret.parse(secret), "42", 1700000000L, body));
    }

    @Test
    void signsTheTimestampSoAReplayWithANewOneFails() {
        WebhookSecret secret = WebhookSecret.parse(SECRET);
        assertNotEquals(WebhookSignature.sign(secret, ID, TIMESTAMP, BODY), WebhookSignature.sign(secret, ID, TIMESTAMP + 1, BODY));
        assertNotEquals(WebhookSignature.sign(secret, ID, TIMESTAMP, BODY), WebhookSignature.sign(secret, "other", TIMESTAMP, BODY));
        assertNotEquals(WebhookSignature.sign(secret, ID, TIMESTAMP, BODY), WebhookSignature.sign(secret, ID, TIMESTAMP, BODY + " "));
    }
}
