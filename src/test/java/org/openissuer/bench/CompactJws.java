package org.openissuer.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.keys.control.JwsCrypto;

/**
 * ES256 compact JWS with the public key in the header, as cheap as the client can make it: the
 * header is encoded once, the payload is a string the caller built, the signature is BouncyCastle's
 * (the client shares the machine's cores with the server it measures).
 */
final class CompactJws {

    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final ECDSASigner signer;
    private final String encodedHeader;

    CompactJws(ECKey key, String typ) {
        try {
            this.signer = JwsCrypto.signer(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        this.encodedHeader = base64url("{\"alg\":\"ES256\",\"typ\":\"" + typ + "\",\"jwk\":" + key.toPublicJWK().toJSONString() + "}");
    }

    String sign(String payloadJson) {
        String signingInput = encodedHeader + "." + base64url(payloadJson);
        try {
            return signingInput + "." + signer.sign(ES256, signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64url(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String base64url(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }
}
