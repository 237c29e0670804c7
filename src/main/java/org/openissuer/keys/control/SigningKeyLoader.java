package org.openissuer.keys.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.openissuer.platform.ConfigurationException;

/**
 * Reads the signing keys named by configuration, or generates and keeps one when none is
 * configured. Every problem is a {@link ConfigurationException} naming the property.
 */
public final class SigningKeyLoader {

    public static final String KEYS_PROPERTY = KeyRole.CREDENTIAL_SIGNING.keysProperty();
    public static final String PASSWORD_PROPERTY = KeyRole.CREDENTIAL_SIGNING.passwordProperty();
    public static final String ACTIVE_KID_PROPERTY = KeyRole.CREDENTIAL_SIGNING.activeKidProperty();
    static final String GENERATED_FILE = KeyRole.CREDENTIAL_SIGNING.generatedFile();

    private static final Logger LOG = Logger.getLogger(SigningKeyLoader.class.getName());

    private final KeyRole role;
    private final String keysProperty;
    private final String passwordProperty;
    private final String activeKidProperty;

    private SigningKeyLoader(KeyRole role) {
        this.role = role;
        this.keysProperty = role.keysProperty();
        this.passwordProperty = role.passwordProperty();
        this.activeKidProperty = role.activeKidProperty();
    }

    public static SigningKeys load(Optional<Path> keysFile, Optional<char[]> password, Optional<String> activeKid,
            Path dataDir) {
        return load(KeyRole.CREDENTIAL_SIGNING, keysFile, password, activeKid, dataDir);
    }

    public static SigningKeys load(KeyRole role, Optional<Path> keysFile, Optional<char[]> password,
            Optional<String> activeKid, Path dataDir) {
        return new SigningKeyLoader(role).loadKeys(keysFile, password, activeKid, dataDir);
    }

    private SigningKeys loadKeys(Optional<Path> keysFile, Optional<char[]> password, Optional<String> activeKid,
            Path dataDir) {
        if (keysFile.isPresent()) {
            List<ECKey> keys = validate(read(keysFile.get(), password));
            if (isKeystore(keysFile.get()) && activeKid.isEmpty() && keys.stream().filter(JWK::isPrivate).count() > 1) {
                // a keystore's alias order is undefined: which key signs must be said, not guessed
                throw new ConfigurationException(activeKidProperty, "keystore " + keysFile.get()
                        + " holds several private keys; name the one that signs (" + KeyRole.env(activeKidProperty) + ")");
            }
            return select(keys, activeKid);
        }
        Path file = dataDir.resolve(role.generatedFile());
        Path generated = KeyFiles.generated(file, keysProperty, LOG,
                () -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(SigningKeys.ALGORITHM)
                        .keyIDFromThumbprint(true).generate(),
                key -> LOG.warning(() -> "\n*****************************************************************\n"
                        + "* NO SIGNING KEY CONFIGURED (" + keysProperty + " / " + KeyRole.env(keysProperty) + ") for "
                        + role.purpose() + ".\n"
                        + "* Generated a new ES256 key '" + key.getKeyID() + "' and stored it in\n"
                        + "* " + file + " (owner-only permissions).\n"
                        + "* Fine for development; in production configure managed keys.\n"
                        + "*****************************************************************"),
                () -> role.purpose() + " key: using the key generated earlier in " + file + "; configure " + keysProperty
                        + " (" + KeyRole.env(keysProperty) + ") with managed keys for production.");
        return select(validate(KeyFiles.readJwks(generated, "the generated key file " + generated, keysProperty)), activeKid);
    }

    private List<JWK> read(Path file, Optional<char[]> password) {
        KeyFiles.requireReadable(file, keysProperty);
        if (isKeystore(file)) {
            return readPkcs12(file, password.orElseThrow(() -> new ConfigurationException(passwordProperty,
                    "the PKCS#12 keystore " + file + " needs a password (" + KeyRole.env(passwordProperty) + ")")));
        }
        return KeyFiles.readJwks(file, "key file " + file, keysProperty);
    }

    static boolean isKeystore(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    private List<JWK> readPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<JWK> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keys.add(keyEntry(store, alias, password));
                }
            }
            if (keys.isEmpty()) {
                throw new ConfigurationException(keysProperty, "keystore " + file + " holds no keys");
            }
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(keysProperty, "cannot open PKCS#12 keystore " + file
                    + " (wrong password in " + passwordProperty + "?)", e);
        }
    }

    // JDK only: Nimbus's JWKSet.load needs BouncyCastle (not in the WAR) to read an EC certificate
    private JWK keyEntry(KeyStore store, String alias, char[] password) throws GeneralSecurityException {
        Key key = store.getKey(alias, password);
        Certificate certificate = store.getCertificate(alias);
        if (key instanceof ECPrivateKey privateKey && certificate != null
                && certificate.getPublicKey() instanceof ECPublicKey publicKey) {
            Curve curve = Curve.forECParameterSpec(publicKey.getParams());
            if (curve != null) {
                return new ECKey.Builder(curve, publicKey).privateKey(privateKey).keyID(alias).build();
            }
        }
        throw new ConfigurationException(keysProperty, "key '" + alias + "' is not an EC P-256 key: only ES256 is supported");
    }

    private List<ECKey> validate(List<JWK> jwks) {
        return KeyFiles.validate(jwks, keysProperty, (jwk, label) -> {
            if (!(jwk instanceof ECKey ec) || !Curve.P_256.equals(ec.getCurve())) {
                throw new ConfigurationException(keysProperty, label + " is not an EC P-256 key: only ES256 is supported");
            }
            if (jwk.getAlgorithm() != null && !SigningKeys.ALGORITHM.equals(jwk.getAlgorithm())) {
                throw new ConfigurationException(keysProperty, label + " has alg " + jwk.getAlgorithm() + ", expected ES256");
            }
            KeyFiles.requireUse(jwk, KeyUse.SIGNATURE, label, keysProperty);
            return ec.getKeyID() == null ? withThumbprintKid(ec) : ec;
        }, key -> {
            if (key.isPrivate()) {
                proveUsable(key);
            }
        });
    }

    private SigningKeys select(List<ECKey> keys, Optional<String> activeKid) {
        ECKey active;
        if (activeKid.isPresent()) {
            active = keys.stream().filter(k -> k.getKeyID().equals(activeKid.get())).findFirst()
                    .orElseThrow(() -> new ConfigurationException(activeKidProperty,
                            "no configured key has kid '" + activeKid.get() + "'"));
            if (!active.isPrivate()) {
                throw new ConfigurationException(activeKidProperty,
                        "key '" + activeKid.get() + "' has no private part, so it cannot sign");
            }
        } else {
            active = keys.stream().filter(JWK::isPrivate).findFirst().orElseThrow(() -> new ConfigurationException(
                    keysProperty, "no key has a private part: the issuer needs one key to sign with"));
        }
        return new SigningKeys(active, keys);
    }

    // A private half that does not match its public half would sign credentials nobody can verify
    private void proveUsable(ECKey key) {
        try {
            JWSObject probe = new JWSObject(new JWSHeader(SigningKeys.ALGORITHM), new Payload("probe"));
            probe.sign(JwsCrypto.signer(key));
            if (!probe.verify(new ECDSAVerifier(key.toPublicJWK()))) {
                throw new ConfigurationException(keysProperty,
                        "key '" + key.getKeyID() + "': private and public parts do not belong together");
            }
        } catch (JOSEException | IllegalStateException e) {
            throw new ConfigurationException(keysProperty, "key '" + key.getKeyID() + "' cannot sign", e);
        }
    }

    private ECKey withThumbprintKid(ECKey key) {
        try {
            return new ECKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new ConfigurationException(keysProperty, "cannot compute a kid for a key", e);
        }
    }
}
