package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.ECKey;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.testsupport.KeyFiles;
import org.openissuer.testsupport.TestCertificates;
import org.openissuer.testsupport.TestCertificates.Issued;
import org.openissuer.testsupport.TestKeys;

class CertificateChainLoaderTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final String CHAIN = CertificateChainLoader.CHAIN_PROPERTY;
    private static final String ANCHOR = CertificateChainLoader.TRUST_ANCHOR_PROPERTY;

    @TempDir
    Path dir;

    private final ECKey active = TestKeys.p256("signing-1");
    private final Issued root = TestCertificates.root("Test IACA");
    private final Issued intermediate = TestCertificates.intermediate(root, "Test Intermediate");
    private final X509Certificate leaf = TestCertificates.leaf(active).issuedBy(intermediate).san(ISSUER).build();

    @Test
    void acceptsAChainLeafFirstWithItsTrustAnchor() {
        IssuerCertificates loaded = load(pem("chain.pem", leaf, intermediate.certificate()),
                pem("root.pem", root.certificate()));

        assertEquals(List.of(leaf, intermediate.certificate()), loaded.chain());
        assertEquals(Optional.of(root.certificate()), loaded.trustAnchor());
        assertFalse(loaded.generated());
    }

    @Test
    void acceptsAChainWithoutTrustAnchor() {
        IssuerCertificates loaded = load(pem("chain.pem", leaf, intermediate.certificate()), null);
        assertEquals(Optional.empty(), loaded.trustAnchor());
    }

    @Test
    void refusesALeafOfAnotherKey() {
        X509Certificate other = TestCertificates.leaf(TestKeys.p256("other")).issuedBy(intermediate).build();
        assertRefused(CHAIN, "another public key", pem("chain.pem", other, intermediate.certificate()), null);
    }

    @Test
    void refusesTheRootInTheChain() {
        assertRefused(CHAIN, "leave the root out",
                pem("chain.pem", leaf, intermediate.certificate(), root.certificate()), null);
    }

    @Test
    void refusesAChainWhoseCertificatesDoNotSignEachOther() {
        Issued unrelated = TestCertificates.intermediate(root, "Other Intermediate");
        assertRefused(CHAIN, "is not signed by the next one", pem("chain.pem", leaf, unrelated.certificate()), null);
    }

    @Test
    void refusesATrustAnchorThatDidNotSignTheChain() {
        Issued otherRoot = TestCertificates.root("Other IACA");
        assertRefused(ANCHOR, "is not signed by the trust anchor", pem("chain.pem", leaf, intermediate.certificate()),
                pem("root.pem", otherRoot.certificate()));
    }

    @Test
    void refusesAnExpiredCertificate() {
        Instant now = Instant.now();
        X509Certificate expired = TestCertificates.leaf(active).issuedBy(intermediate)
                .validity(now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1))).build();
        assertRefused(CHAIN, "expired", pem("chain.pem", expired, intermediate.certificate()), null);
    }

    @Test
    void refusesACertificateNotYetValid() {
        Instant now = Instant.now();
        X509Certificate future = TestCertificates.leaf(active).issuedBy(intermediate)
                .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(300))).build();
        assertRefused(CHAIN, "is not valid before", pem("chain.pem", future, intermediate.certificate()), null);
    }

    @Test
    void refusesALeafWithoutDigitalSignature() {
        X509Certificate noSigning = TestCertificates.leaf(active).issuedBy(intermediate).keyUsage(KeyUsage.keyAgreement)
                .build();
        assertRefused(CHAIN, "digitalSignature", pem("chain.pem", noSigning, intermediate.certificate()), null);
        X509Certificate noKeyUsage = TestCertificates.leaf(active).issuedBy(intermediate).keyUsage(0).build();
        assertRefused(CHAIN, "digitalSignature", pem("chain.pem", noKeyUsage, intermediate.certificate()), null);
    }

    @Test
    void refusesATrustAnchorWithoutTheChain() {
        assertRefused(ANCHOR, "needs the chain", null, pem("root.pem", root.certificate()));
    }

    @Test
    void refusesAFileWithoutCertificates() {
        assertRefused(CHAIN, "not a PEM file", KeyFiles.text(dir, "empty.pem", "nothing here\n"), null);
    }

    @Test
    void takesTheKeystoreChainWithoutItsRoot() throws Exception {
        Path keystore = keystore(leaf, intermediate.certificate(), root.certificate());

        IssuerCertificates loaded = CertificateChainLoader.load(new CertificateChainLoader.Sources(Optional.empty(),
                Optional.empty(), Optional.of(keystore), Optional.of("secret".toCharArray())), active, ISSUER, dir.resolve("data"),
                Instant.now());

        assertEquals(List.of(leaf, intermediate.certificate()), loaded.chain());
        assertEquals(Optional.of(root.certificate()), loaded.trustAnchor());
        assertFalse(loaded.generated());
    }

    @Test
    void theConfiguredChainWinsOverTheKeystore() throws Exception {
        Path keystore = keystore(leaf, intermediate.certificate(), root.certificate());
        IssuerCertificates loaded = CertificateChainLoader.load(new CertificateChainLoader.Sources(
                Optional.of(pem("chain.pem", leaf, intermediate.certificate())), Optional.empty(), Optional.of(keystore),
                Optional.of("secret".toCharArray())), active, ISSUER, dir.resolve("data"), Instant.now());
        assertEquals(Optional.empty(), loaded.trustAnchor());
    }

    @Test
    void aKeystoreKeyWithOnlyItsSelfSignedCertificateGetsADevelopmentChain() throws Exception {
        X509Certificate selfSigned = TestCertificates.leaf(active).name("Self").build();
        Path keystore = keystore(selfSigned);

        IssuerCertificates loaded = CertificateChainLoader.load(new CertificateChainLoader.Sources(Optional.empty(),
                Optional.empty(), Optional.of(keystore), Optional.of("secret".toCharArray())), active, ISSUER, dir.resolve("data"),
                Instant.now());

        assertTrue(loaded.generated());
    }

    @Test
    void refusesAKeystoreChainOfAnotherKey() throws Exception {
        X509Certificate other = TestCertificates.leaf(TestKeys.p256("other")).issuedBy(intermediate).build();
        Path keystore = keystore(other, intermediate.certificate());
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> CertificateChainLoader.load(
                new CertificateChainLoader.Sources(Optional.empty(), Optional.empty(), Optional.of(keystore),
                        Optional.of("secret".toCharArray())), active, ISSUER, dir.resolve("data"), Instant.now()));
        assertTrue(e.getMessage().startsWith(SigningKeyLoader.KEYS_PROPERTY + ": "), e.getMessage());
    }

    private IssuerCertificates load(Path chain, Path anchor) {
        return CertificateChainLoader.load(new CertificateChainLoader.Sources(Optional.ofNullable(chain),
                Optional.ofNullable(anchor), Optional.empty(), Optional.empty()), active, ISSUER, dir.resolve("data"), Instant.now());
    }

    private void assertRefused(String property, String problem, Path chain, Path anchor) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(chain, anchor));
        assertTrue(e.getMessage().startsWith(property + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    private Path pem(String name, X509Certificate... certificates) {
        return KeyFiles.text(dir, name, TestCertificates.pem(certificates));
    }

    private Path keystore(X509Certificate... chain) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(active.getKeyID(), active.toECPrivateKey(), "secret".toCharArray(), (Certificate[]) chain);
        Path file = dir.resolve("signing.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "secret".toCharArray());
        }
        return file;
    }
}
