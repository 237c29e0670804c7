package org.openissuer.keys.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.jwk.JWKSet;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.IssuerSettings;

/** The issuer's signing keys, loaded once at deployment. */
@ApplicationScoped
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class.getName());

    @Inject
    IssuerSettings settings;

    @Inject
    @ConfigProperty(name = SigningKeyLoader.KEYS_PROPERTY)
    Optional<String> keysFile;

    @Inject
    @ConfigProperty(name = SigningKeyLoader.PASSWORD_PROPERTY)
    Optional<String> password;

    @Inject
    @ConfigProperty(name = SigningKeyLoader.PASSWORD_PROPERTY + ".file")
    Optional<String> passwordFile;

    @Inject
    @ConfigProperty(name = SigningKeyLoader.ACTIVE_KID_PROPERTY)
    Optional<String> activeKid;

    private SigningKeys keys;

    public void load() {
        keys = SigningKeyLoader.load(keysFile.filter(f -> !f.isBlank()).map(Path::of), password(),
                activeKid.filter(k -> !k.isBlank()), settings.dataDir());
        LOG.info(() -> "Signing with key '" + keys.activeKid() + "'; publishing " + keys.all().size() + " key(s)");
    }

    private Optional<char[]> password() {
        if (passwordFile.isPresent() && !passwordFile.get().isBlank()) {
            try {
                return Optional.of(Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8).strip().toCharArray());
            } catch (IOException e) {
                throw new ConfigurationException(SigningKeyLoader.PASSWORD_PROPERTY + ".file", "cannot read " + passwordFile.get(), e);
            }
        }
        return password.map(String::toCharArray);
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    public JWKSet publicJwks() {
        return keys.publicJwks();
    }
}
