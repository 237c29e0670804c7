package org.openissuer.testsupport;

import java.text.ParseException;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEEncrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** What a wallet does with JWE, written with Nimbus independently of the issuer's classes. */
public final class Jwe {

    private Jwe() {
    }

    /** A wallet's encryption key pair for the given JWE alg, with kid and alg. */
    public static JWK walletKey(JWEAlgorithm alg, String kid) {
        try {
            if (JWEAlgorithm.ECDH_ES.equals(alg)) {
                return new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.ENCRYPTION).algorithm(alg).generate();
            }
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.ENCRYPTION).algorithm(alg).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compact JWE of the payload to the (public) key, with its kid and alg. */
    public static String encrypt(String payload, JWK to, EncryptionMethod enc, CompressionAlgorithm zip) {
        JWEAlgorithm alg = JWEAlgorithm.parse(to.getAlgorithm().getName());
        JWEHeader.Builder header = new JWEHeader.Builder(alg, enc).keyID(to.getKeyID());
        if (zip != null) {
            header.compressionAlgorithm(zip);
        }
        JWEObject jwe = new JWEObject(header.build(), new Payload(payload));
        try {
            JWEEncrypter encrypter = to instanceof ECKey ec ? new ECDHEncrypter(ec) : new RSAEncrypter((RSAKey) to);
            jwe.encrypt(encrypter);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwe.serialize();
    }

    /** Parses and decrypts a compact JWE with the private key. */
    public static JWEObject decrypt(String compact, JWK with) {
        try {
            JWEObject jwe = JWEObject.parse(compact);
            JWEDecrypter decrypter = with instanceof ECKey ec ? new ECDHDecrypter(ec) : new RSADecrypter((RSAKey) with);
            jwe.decrypt(decrypter);
            return jwe;
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
