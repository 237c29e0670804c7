package org.openissuer.keys.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.platform.ConfigurationException;

/**
 * The certificate chain of the active credential signing key: a configured PEM chain, else the
 * chain stored with the key in its PKCS#12 keystore, else a generated development chain. Checked
 * strictly at start ({@link ChainValidation}); every problem names the property to fix.
 */
public final class CertificateChainLoader {

    public static final String CHAIN_PROPERTY = "issuer.signing.certificate-chain";
    public static final String TRUST_ANCHOR_PROPERTY = "issuer.signing.trust-anchor";

    private static final Logger LOG = Logger.getLogger(CertificateChainLoader.class.getName());

    /** What configuration names: the PEM files, and the signing keys' file with its password. */
    public record Sources(Optional<Path> chain, Optional<Path> trustAnchor, Optional<Path> keys, Optional<char[]> password) {
    }

    private CertificateChainLoader() {
    }

    public static IssuerCertificates load(Sources sources, ECKey activeKey, String issuerIdentifier, Path dataDir,
            Instant now) {
        Optional<X509Certificate> anchor = sources.trustAnchor().map(CertificateChainLoader::anchor);
        if (sources.chain().isPresent()) {
            List<X509Certificate> chain = CertificatePem.read(sources.chain().get(), CHAIN_PROPERTY);
            new ChainValidation(CHAIN_PROPERTY, TRUST_ANCHOR_PROPERTY, now).validate(chain, anchor, activeKey, issuerIdentifier);
            LOG.info(() -> "Credential signing key '" + activeKey.getKeyID() + "' certified by " + describe(chain, anchor));
            return new IssuerCertificates(chain, anchor, false);
        }
        Optional<IssuerCertificates> stored = sources.keys().filter(SigningKeyLoader::isKeystore)
                .flatMap(file -> fromKeystore(file, sources.password(), activeKey, anchor));
        if (stored.isPresent()) {
            IssuerCertificates c = stored.get();
            new ChainValidation(SigningKeyLoader.KEYS_PROPERTY, c.trustAnchor().equals(anchor) ? TRUST_ANCHOR_PROPERTY
                    : SigningKeyLoader.KEYS_PROPERTY, now).validate(c.chain(), c.trustAnchor(), activeKey, issuerIdentifier);
            LOG.info(() -> "Credential signing key '" + activeKey.getKeyID() + "' certified by "
                    + describe(c.chain(), c.trustAnchor()) + ", from its keystore");
            return c;
        }
        if (anchor.isPresent()) {
            throw new ConfigurationException(TRUST_ANCHOR_PROPERTY, "a trust anchor needs the chain it anchors: configure "
                    + CHAIN_PROPERTY + " (" + KeyRole.env(CHAIN_PROPERTY) + ") too");
        }
        IssuerCertificates generated = new DevelopmentCertificates(dataDir, issuerIdentifier, now, CHAIN_PROPERTY)
                .ensure(activeKey);
        new ChainValidation(CHAIN_PROPERTY, CHAIN_PROPERTY, now)
                .validate(generated.chain(), generated.trustAnchor(), activeKey, issuerIdentifier);
        return generated;
    }

    private static X509Certificate anchor(Path file) {
        List<X509Certificate> read = CertificatePem.read(file, TRUST_ANCHOR_PROPERTY);
        if (read.size() != 1) {
            throw new ConfigurationException(TRUST_ANCHOR_PROPERTY, file + " holds " + read.size()
                    + " certificates: the trust anchor is one root certificate");
        }
        if (read.get(0).getBasicConstraints() < 0) {
            throw new ConfigurationException(TRUST_ANCHOR_PROPERTY, file + " is not a CA certificate (basicConstraints)");
        }
        return read.get(0);
    }

    /**
     * The chain stored with the active key's alias, without a self-signed root at its end (which then
     * anchors it, unless one is configured). None when the key has only its own self-signed certificate,
     * as {@code keytool -genkeypair} makes.
     */
    private static Optional<IssuerCertificates> fromKeystore(Path file, Optional<char[]> password, ECKey activeKey,
            Optional<X509Certificate> configuredAnchor) {
        String property = SigningKeyLoader.KEYS_PROPERTY;
        Certificate[] stored;
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.orElse(null));
            stored = store.getCertificateChain(activeKey.getKeyID());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException(property, "cannot read the certificate chain of key '" + activeKey.getKeyID()
                    + "' from " + file, e);
        }
        if (stored == null) {
            return Optional.empty();
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : stored) {
            if (!(c instanceof X509Certificate x509)) {
                throw new ConfigurationException(property, "the chain of key '" + activeKey.getKeyID() + "' in " + file
                        + " holds a certificate that is not X.509");
            }
            chain.add(x509);
        }
        X509Certificate last = chain.get(chain.size() - 1);
        if (!ChainValidation.isSelfSigned(last)) {
            return Optional.of(new IssuerCertificates(chain, configuredAnchor, false));
        }
        chain.remove(chain.size() - 1);
        if (chain.isEmpty()) {
            LOG.info(() -> "Key '" + activeKey.getKeyID() + "' in " + file + " has only a self-signed certificate: "
                    + "not used as its certificate chain");
            return Optional.empty();
        }
        // HAIP 1.0 §6.1.1: the root is never sent in a chain
        LOG.info(() -> "Dropped the self-signed root " + last.getSubjectX500Principal().getName() + " from the end of the "
                + "chain of key '" + activeKey.getKeyID() + "' in " + file + (configuredAnchor.isPresent() ? ""
                        : "; it is published as the trust anchor"));
        return Optional.of(new IssuerCertificates(chain, configuredAnchor.or(() -> Optional.of(last)), false));
    }

    private static String describe(List<X509Certificate> chain, Optional<X509Certificate> anchor) {
        return chain.get(0).getSubjectX500Principal().getName() + " (" + chain.size() + " certificate(s), valid until "
                + chain.get(0).getNotAfter().toInstant() + ")" + anchor.map(a -> ", trust anchor "
                        + a.getSubjectX500Principal().getName()).orElse(", no trust anchor published");
    }
}
