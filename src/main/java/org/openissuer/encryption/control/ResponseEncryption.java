package org.openissuer.encryption.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;

import org.openissuer.encryption.entity.ResponseEncryptionParameters;

/** Encrypts a response body to the wallet's key (OID4VCI 1.0 §8.3, §10). */
public final class ResponseEncryption {

    public static final String MEDIA_TYPE = "application/jwt";

    private ResponseEncryption() {
    }

    /** A compact JWE of the JSON body: alg from the jwk, the wallet's enc and zip, its kid copied (§10). */
    public static String encrypt(String json, ResponseEncryptionParameters target) {
        JWEHeader.Builder header = new JWEHeader.Builder(target.alg(), target.enc()).keyID(target.jwk().getKeyID());
        target.zip().ifPresent(header::compressionAlgorithm);
        JWEObject jwe = new JWEObject(header.build(), new Payload(json));
        try {
            jwe.encrypt(encrypter(target));
        } catch (JOSEException e) {
            // the parameters were checked when parsed; what is left is a fault on our side
            throw new IllegalStateException("cannot encrypt the response: " + e.getMessage(), e);
        }
        return jwe.serialize();
    }

    private static JWEEncrypter encrypter(ResponseEncryptionParameters target) throws JOSEException {
        if (target.jwk() instanceof ECKey ec) {
            return new ECDHEncrypter(ec);
        }
        return new RSAEncrypter((RSAKey) target.jwk());
    }
}
