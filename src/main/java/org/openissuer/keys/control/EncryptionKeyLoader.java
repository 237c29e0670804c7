package org.openissuer.keys.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.PrivateFiles;

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
            if (!Files.isReadable(file)) {
                throw new ConfigurationException(KEYS_PROPERTY, "cannot read key file " + file);
            }
            return new EncryptionKeys(validate(read(file, "key file " + file)));
        }
        Path generated = dataDir.resolve(GENERATED_FILE);
        if (!Files.exists(generated)) {
            generate(generated);
        } else {
            warnIfShared(generated);
            LOG.warning(() -> "Request encryption: using the key generated earlier in " + generated + "; configure "
                    + KEYS_PROPERTY + " (" + KeyRole.env(KEYS_PROPERTY) + ") with managed keys for production.");
        }
        return new EncryptionKeys(validate(read(generated, "the generated key file " + generated)));
    }

    private static List<JWK> read(Path file, String what) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
            return json.containsKey("keys") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
        } catch (IOException | ParseException e) {
            throw new ConfigurationException(KEYS_PROPERTY, what + " is not a JWK or JWK set", e);
        }
    }

    static List<JWK> validate(List<JWK> jwks) {
        if (jwks.isEmpty()) {
            throw new ConfigurationException(KEYS_PROPERTY, "the key set is empty");
        }
        List<JWK> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (JWK jwk : jwks) {
            String label = jwk.getKeyID() == null ? "a key without kid" : "key '" + jwk.getKeyID() + "'";
            if (!jwk.isPrivate()) {
                throw new ConfigurationException(KEYS_PROPERTY, label + " has no private part, so it cannot decrypt");
            }
            if (jwk.getKeyUse() != null && !KeyUse.ENCRYPTION.equals(jwk.getKeyUse())) {
                throw new ConfigurationException(KEYS_PROPERTY, label + " has use '" + jwk.getKeyUse().identifier()
                        + "', expected enc");
            }
            JWK key = complete(jwk, algorithmFor(jwk, label), label);
            if (!kids.add(key.getKeyID())) {
                throw new ConfigurationException(KEYS_PROPERTY, "kid '" + key.getKeyID() + "' is used by two keys");
            }
            proveUsable(key);
            keys.add(key);
        }
        return keys;
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

    private static void warnIfShared(Path file) {
        try {
            if (!PrivateFiles.isOwnerOnly(file)) {
                LOG.severe(() -> "Key file " + file + " is readable by other users: chmod 600 it");
            }
        } catch (IOException e) {
            LOG.warning(() -> "Cannot read the permissions of " + file + ": " + e.getMessage());
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

    private static void generate(Path file) {
        try {
            ECKey key = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.ENCRYPTION).algorithm(JWEAlgorithm.ECDH_ES)
                    .keyIDFromThumbprint(true).generate();
            PrivateFiles.writeNew(file, new JWKSet(key).toString(false));
            LOG.warning(() -> "No request encryption key configured (" + KEYS_PROPERTY + " / " + KeyRole.env(KEYS_PROPERTY)
                    + "): generated EC P-256 key '" + key.getKeyID() + "' in " + file + " (owner-only permissions).");
        } catch (JOSEException | IOException e) {
            throw new ConfigurationException(KEYS_PROPERTY, "no key configured and cannot store a generated key in " + file, e);
        }
    }
}
