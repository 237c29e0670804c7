package org.openissuer.testsupport;

import java.nio.charset.StandardCharsets;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;

/** A JWS over header and payload text exactly as given: what Nimbus's builders refuse to write. */
public final class RawJws {

    private RawJws() {
    }

    public static String es256(ECKey key, String header, String payload) {
        String signedPart = Base64URL.encode(header).toString() + "." + Base64URL.encode(payload).toString();
        try {
            Base64URL signature = new ECDSASigner(key).sign(new JWSHeader(JWSAlgorithm.ES256),
                    signedPart.getBytes(StandardCharsets.US_ASCII));
            return signedPart + "." + signature;
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a public key, for a jwk header member. */
    public static String publicJwk(ECKey key) {
        return key.toPublicJWK().toJSONString();
    }
}
