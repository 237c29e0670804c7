package org.openissuer.encryption.entity;

import java.util.List;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;

/** The JWE algorithms the issuer advertises and accepts (OID4VCI 1.0 §12.2.4), in both directions. */
public final class SupportedJwe {

    /** ECDH-ES for EC keys, RSA-OAEP-256 for RSA keys. */
    public static final List<JWEAlgorithm> ALGORITHMS = List.of(JWEAlgorithm.ECDH_ES, JWEAlgorithm.RSA_OAEP_256);

    /** A128CBC-HS256 too: wallets in the field hard-code it. */
    public static final List<EncryptionMethod> ENCRYPTION_METHODS = List.of(EncryptionMethod.A128GCM,
            EncryptionMethod.A256GCM, EncryptionMethod.A128CBC_HS256);

    public static final List<CompressionAlgorithm> COMPRESSION = List.of(CompressionAlgorithm.DEF);

    private SupportedJwe() {
    }

    public static boolean algorithm(String name) {
        return ALGORITHMS.stream().anyMatch(a -> a.getName().equals(name));
    }

    public static boolean encryptionMethod(String name) {
        return ENCRYPTION_METHODS.stream().anyMatch(e -> e.getName().equals(name));
    }

    public static boolean compression(String name) {
        return COMPRESSION.stream().anyMatch(z -> z.getName().equals(name));
    }
}
