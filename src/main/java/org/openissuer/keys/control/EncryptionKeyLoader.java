package org.openissuer.keys.control;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import com.nimbusds.jose.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
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

import org.openissuer.platform.ConfigurationException;

/**
 * Reads the request encryption keys named by {@value #KEYS_PROPERTY} (a JWK set file), or
 * generates and keeps one EC P-256 key when none is configured. Every problem is a
 * {@link ConfigurationException} naming the property.
 */
public final class EncryptionKeyLoader {

    public static final String KEYS_PROPERTY = "issuer.encryption.keys";
    static final String GENERATED_FILE = "keys/encryption-keys.jwks";

    private static final Logger LOG = Logger.getLogger(EncryptionKeyLoader.class.getName());
    private static final Set<Curve> CURVES = Set.of(Curve.P_256, Curve.P_384);
    private static final int MIN_RSA_BITS = 2048;

    private EncryptionKeyLoader() {
    }

    public static EncryptionKeys load(Optional<Path> keysFile, Path dataDir) {
        if (keysFile.isPresent()) {
            Path file = keysFile.get();
            KeyFiles.requireReadable(file, KEYS_PROPERTY);
            return new EncryptionKeys(validate(KeyFiles.readJwks(file, "key file " + file, KEYS_PROPERTY)));
        }
        Path generated = KeyFiles.generated(dataDir.resolve(GENERATED_FILE), KEYS_PROPERTY, LOG,
                () -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.ECDH_ES)
                        .keyIDFromThumbprint(true).generate(),
                key -> LOG.warning(() -> "No request encryption key configured (" + KEYS_PROPERTY + " / "
                        + KeyRole.env(KEYS_PROPERTY) + "): generated EC P-256 key '" + key.getKeyID() + "' in "
                        + dataDir.resolve(GENERATED_FILE) + " (owner-only permissions)."),
                () -> "Request encryption: using the key generated earlier in " + dataDir.resolve(GENERATED_FILE)
                        + "; configure " + KEYS_PROPERTY + " (" + KeyRole.env(KEYS_PROPERTY) + ") with managed keys for production.");
        return new EncryptionKeys(validate(KeyFiles.readJwks(generated, "the generated key file " + generated, KEYS_PROPERTY)));
    }

    static List<JWK> validate(List<JWK> jwks) {
        return KeyFiles.validate(jwks, KEYS_PROPERTY, (jwk, label) -> {
            if (!jwk.isPrivate()) {
                throw new ConfigurationException(KEYS_PROPERTY, label + " has no private part, so it cannot decrypt");
            }
            KeyFiles.requireUse(jwk, KeyUse.ENCRYPTION, label, KEYS_PROPERTY);
            return complete(jwk, algorithmFor(jwk, label), label);
        }, EncryptionKeyLoader::proveUsable);
    }

    // A private half that does not match its public half would publish a key nobody can use
    private static void proveUsable(JWK key) {
        try {
            JWEAlgorithm alg = JWEAlgorithm.parse(key.getAlgorithm().getName());
            JWEObject probe = new JWEObject(new JWEHeader(alg, EncryptionMethod.A128GCM), new Payload("probe"));
            probe.encrypt(key instanceof ECKey ec ? new ECDHEncrypter(ec.toECPublicKey()) : new RSAEncrypter((RSAKey) key));
            probe.decrypt(key instanceof ECKey ec ? new ECDHDecrypter(ec) : new RSADecrypter((RSAKey) key));
        } catch (JOSEException | RuntimeException e) {
            throw new ConfigurationException(KEYS_PROPERTY, "key '" + key.getKeyID()
                    + "': private and public parts do not belong together", e);
        }
    }

    // OID4VCI 1.0 §10: the alg of a published key is the JWE alg wallets must use with it
    private static JWEAlgorithm algorithmFor(JWK jwk, String label) {
        JWEAlgorithm expected;
        if (jwk instanceof ECKey ec && CURVES.contains(ec.getCurve())) {
            expected = JWEAlgorithm.ECDH_ES;
        } else if (jwk instanceof RSAKey rsa && rsa.size() >= MIN_RSA_BITS) {
            expected = JWEAlgorithm.RSA_OAEP_256;
        } else {
            throw new ConfigurationException(KEYS_PROPERTY, label
                    + " must be an EC P-256/P-384 key (ECDH-ES) or an RSA key of at least 2048 bits (RSA-OAEP-256)");
        }
        Algorithm given = jwk.getAlgorithm();
        if (given != null && !expected.getName().equals(given.getName())) {
            throw new ConfigurationException(KEYS_PROPERTY, label + " has alg " + given + ", expected " + expected);
        }
        return expected;
    }

    // every published key carries kid, use=enc and alg (§12.2.4: each key in jwks needs a kid)
    private static JWK complete(JWK jwk, JWEAlgorithm alg, String label) {
        try {
            if (jwk instanceof ECKey ec) {
                ECKey.Builder b = new ECKey.Builder(ec).keyUse(KeyUse.ENCRYPTION).algorithm(alg);
                return (ec.getKeyID() == null ? b.keyIDFromThumbprint() : b).build();
            }
            RSAKey.Builder b = new RSAKey.Builder((RSAKey) jwk).keyUse(KeyUse.ENCRYPTION).algorithm(alg);
            return (jwk.getKeyID() == null ? b.keyIDFromThumbprint() : b).build();
        } catch (JOSEException e) {
            throw new ConfigurationException(KEYS_PROPERTY, "cannot compute a kid for " + label, e);
        }
    }
}
