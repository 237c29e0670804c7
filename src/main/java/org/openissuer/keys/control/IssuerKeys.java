package org.openissuer.keys.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.jwk.JWKSet;

import org.eclipse.microprofile.config.Config;

import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.IssuerSettings;

/**
 * The issuer's keys, loaded once at deployment: the credential signing keys, the keys of the
 * built-in authorization server that signs access tokens, and the request encryption keys.
 */
@ApplicationScoped
public class IssuerKeys {

    private static final Logger LOG = Logger.getLogger(IssuerKeys.class.getName());

    private final IssuerSettings settings;
    private final Config config;
    private final Clock clock;

    private SigningKeys credentialKeys;
    private IssuerCertificates certificates;
    private Optional<String> trustAnchorPem;
    private SigningKeys authorizationServerKeys;
    private EncryptionKeys encryptionKeys;

    @Inject
    public IssuerKeys(IssuerSettings settings, Config config, Clock clock) {
        this.settings = settings;
        this.config = config;
        this.clock = clock;
    }

    protected IssuerKeys() {
        this(null, null, null);
    }

    public void load() {
        credentialKeys = load(KeyRole.CREDENTIAL_SIGNING);
        certificates = CertificateChainLoader.load(new CertificateChainLoader.Sources(
                setting(CertificateChainLoader.CHAIN_PROPERTY).map(Path::of),
                setting(CertificateChainLoader.TRUST_ANCHOR_PROPERTY).map(Path::of),
                setting(KeyRole.CREDENTIAL_SIGNING.keysProperty()).map(Path::of), password(KeyRole.CREDENTIAL_SIGNING)),
                credentialKeys.active(), settings.identifier().value(), settings.dataDir(), clock.instant());
        trustAnchorPem = certificates.trustAnchor().map(a -> CertificatePem.encode(List.of(a)));
        authorizationServerKeys = load(KeyRole.AUTHORIZATION_SERVER);
        encryptionKeys = EncryptionKeyLoader.load(setting(EncryptionKeyLoader.KEYS_PROPERTY).map(Path::of), settings.dataDir());
        LOG.info(() -> "Credential request encryption: publishing " + encryptionKeys.all().size() + " key(s)");
    }

    private SigningKeys load(KeyRole role) {
        SigningKeys keys = SigningKeyLoader.load(role, setting(role.keysProperty()).map(Path::of), password(role),
                setting(role.activeKidProperty()), settings.dataDir());
        LOG.info(() -> role.purpose() + " with key '" + keys.activeKid() + "'; publishing " + keys.all().size() + " key(s)");
        return keys;
    }

    private Optional<String> setting(String property) {
        return config.getOptionalValue(property, String.class).filter(v -> !v.isBlank());
    }

    private Optional<char[]> password(KeyRole role) {
        String fileProperty = role.passwordProperty() + ".file";
        Optional<String> passwordFile = setting(fileProperty);
        if (passwordFile.isPresent()) {
            try {
                return Optional.of(Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8).strip().toCharArray());
            } catch (IOException e) {
                throw new ConfigurationException(fileProperty, "cannot read " + passwordFile.get(), e);
            }
        }
        return config.getOptionalValue(role.passwordProperty(), String.class).map(String::toCharArray);
    }

    public SigningKeys signingKeys() {
        return credentialKeys;
    }

    /**
     * The certificate chain of the active credential signing key (leaf first, no trust anchor) and
     * the trust anchor to publish: configured, or generated for development. Known after {@link #load()}.
     */
    public IssuerCertificates certificates() {
        return certificates;
    }

    /** The trust anchor as PEM, to publish; none when a configured chain has none. */
    public Optional<String> trustAnchorPem() {
        return trustAnchorPem;
    }

    /** The built-in authorization server's keys (access tokens of the pre-authorized code flow). */
    public SigningKeys authorizationServerKeys() {
        return authorizationServerKeys;
    }

    /** The keys wallets encrypt credential requests to (OID4VCI 1.0 §10). */
    public EncryptionKeys encryptionKeys() {
        return encryptionKeys;
    }

    public JWKSet publicJwks() {
        return credentialKeys.publicJwks();
    }
}
