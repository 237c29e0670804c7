package org.openissuer.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.JWKGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** Freshly generated keys for tests; every call makes a new key pair. */
public final class TestKeys {

    private TestKeys() {
    }

    /** An EC P-256 key pair with kid, use=sig and alg=ES256: what the issuer wants. */
    public static ECKey p256(String kid) {
        return generate(new ECKeyGenerator(Curve.P_256).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256));
    }

    /** An EC P-256 key pair with no kid, use or alg. */
    public static ECKey p256WithoutKid() {
        return generate(new ECKeyGenerator(Curve.P_256));
    }

    public static ECKey p384(String kid) {
        return generate(new ECKeyGenerator(Curve.P_384).keyID(kid));
    }

    public static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A P-256 key whose private part (d) belongs to a different key pair than its x and y. */
    public static ECKey withForeignPrivatePart(String kid) {
        ECKey publicSource = p256(kid);
        ECKey privateSource = p256(kid);
        return new ECKey.Builder(Curve.P_256, publicSource.getX(), publicSource.getY())
                .d(privateSource.getD()).keyID(kid).build();
    }

    private static ECKey generate(JWKGenerator<ECKey> generator) {
        try {
            return generator.generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
