package org.openissuer.encryption.control;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import org.openissuer.encryption.entity.SupportedJwe;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.JoseJson;
import org.openissuer.keys.control.EncryptionKeys;

/**
 * Opens an encrypted credential request (OID4VCI 1.0 §8.2, §10): a compact JWE to one of the
 * issuer's published keys, named by kid, with an advertised alg, enc and zip.
 */
public final class RequestDecryption {

    private RequestDecryption() {
    }

    /**
     * @param maxBytes the largest plaintext accepted, as for a JSON body. Nimbus 10.10 already
     *        stops inflating a DEF payload at 1,000,000 bytes (DeflateHelper), so a zip bomb
     *        cannot take more memory than that before this limit applies.
     */
    public static byte[] decrypt(byte[] body, EncryptionKeys keys, int maxBytes) {
        JWEObject jwe = parse(new String(body, StandardCharsets.US_ASCII).strip());
        JWEHeader header = jwe.getHeader();
        if (!SupportedJwe.algorithm(header.getAlgorithm().getName())) {
            throw invalid("JWE alg " + header.getAlgorithm() + " is not supported");
        }
        if (header.getEncryptionMethod() == null || !SupportedJwe.encryptionMethod(header.getEncryptionMethod().getName())) {
            throw invalid("JWE enc " + header.getEncryptionMethod() + " is not in enc_values_supported");
        }
        if (header.getCompressionAlgorithm() != null && !SupportedJwe.compression(header.getCompressionAlgorithm().getName())) {
            throw invalid("JWE zip " + header.getCompressionAlgorithm() + " is not in zip_values_supported");
        }
        if (header.getKeyID() == null) {
            throw invalid("the JWE header must name the issuer's key in kid (OID4VCI 1.0 section 10)");
        }
        JWK key = keys.byKid(header.getKeyID())
                .orElseThrow(() -> invalid("kid " + header.getKeyID() + " is not one of the issuer's encryption keys"));
        // OID4VCI 1.0 §10: the JWE alg MUST equal the alg of the chosen key
        if (!header.getAlgorithm().getName().equals(key.getAlgorithm().getName())) {
            throw invalid("key " + key.getKeyID() + " takes alg " + key.getAlgorithm() + ", not " + header.getAlgorithm());
        }
        try {
            jwe.decrypt(decrypter(key));
        } catch (JOSEException | RuntimeException e) {
            // hostile input: a bad tag, a foreign ephemeral key, an oversized inflated payload...
            throw invalid("the request cannot be decrypted with key " + key.getKeyID());
        }
        byte[] plaintext = jwe.getPayload().toBytes();
        if (plaintext.length > maxBytes) {
            throw new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST, "the decrypted request exceeds " + maxBytes + " bytes");
        }
        return plaintext;
    }

    private static JWEObject parse(String compact) {
        // a JWS or unsecured JWT has three parts; only the five-part JWE compact form is accepted
        if (compact.chars().filter(c -> c == '.').count() != 4) {
            throw invalid("an application/jwt credential request must be a compact JWE");
        }
        JoseJson.requireJweHeader(compact, IssuerError.INVALID_ENCRYPTION_PARAMETERS);
        try {
            return JWEObject.parse(compact);
        } catch (ParseException | RuntimeException e) {
            throw invalid("the request is not a valid compact JWE");
        }
    }

    private static JWEDecrypter decrypter(JWK key) throws JOSEException {
        if (key instanceof ECKey ec) {
            return new ECDHDecrypter(ec);
        }
        return new RSADecrypter((RSAKey) key);
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_ENCRYPTION_PARAMETERS, description);
    }
}
