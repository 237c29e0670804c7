package org.openissuer.keys.control;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import org.openissuer.keys.entity.IssuerCertificates;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.PrivateFiles;

/**
 * With no certificate configured: a development IACA root and a document signer certificate for
 * the active signing key, shaped as ISO/IEC 18013-5:2021 Annex B (B.1.2, B.1.4) asks, kept in the
 * data directory and reused. No CRL distribution point: there is no CRL to point at.
 * <p>
 * BouncyCastle gets the provider instance of {@link JwsCrypto}, never a globally registered one
 * (the WAR is redeployed in a JVM it shares), and the certificates it builds are handed back as
 * the JDK's own objects.
 */
final class DevelopmentCertificates {

    static final String ROOT_KEY_FILE = "keys/iaca-root-key.jwks";
    static final String ROOT_FILE = "keys/iaca-root.pem";
    static final String DOCUMENT_SIGNER_FILE = "keys/document-signer.pem";
    /** ISO/IEC 18013-5 §B.1.4: id-mdl-kp-mdlDS. */
    static final String MDL_DS_EKU = "1.0.18013.5.1.2";
    static final Duration ROOT_VALIDITY = Duration.ofDays(10 * 365); // B.1.2: at most 20 years
    static final Duration DOCUMENT_SIGNER_VALIDITY = Duration.ofDays(365); // B.1.4: at most 457 days
    // ISO 3166-1 user-assigned code: a development root belongs to no country
    static final String COUNTRY = "ZZ";
    private static final Duration BACKDATE = Duration.ofMinutes(5); // verifiers' clocks that run a little behind

    private static final Logger LOG = Logger.getLogger(DevelopmentCertificates.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dataDir;
    private final String issuerIdentifier;
    private final Instant now;
    private final String property;

    /** @param property the setting that would have replaced them, named in messages */
    DevelopmentCertificates(Path dataDir, String issuerIdentifier, Instant now, String property) {
        this.dataDir = dataDir;
        this.issuerIdentifier = issuerIdentifier;
        this.now = now;
        this.property = property;
    }

    IssuerCertificates ensure(ECKey activeKey) {
        // BouncyCastle's thread state is cleared when JwsCrypto initialises, on this thread (its class comment)
        JwsCrypto.provider();
        ECKey rootKey = rootKey();
        X509Certificate root = reuse(ROOT_FILE, c -> ChainValidation.sameKey(c.getPublicKey(), rootKey)
                && lastsBeyondWarning(c) && namesIssuer(c, true)).orElseGet(() -> store(ROOT_FILE, root(rootKey), () -> LOG.warning(() ->
                        "\n*****************************************************************\n"
                        + "* NO CERTIFICATE CONFIGURED for the credential signing key (" + property + ").\n"
                        + "* Generated a development IACA root in " + dataDir.resolve(ROOT_FILE) + ",\n"
                        + "* published at /certificates/iaca.pem: never trust it in production.\n"
                        + "*****************************************************************")));
        X509Certificate signer = reuse(DOCUMENT_SIGNER_FILE, c -> ChainValidation.sameKey(c.getPublicKey(), activeKey)
                && ChainValidation.signedBy(c, root) && lastsBeyondWarning(c) && namesIssuer(c, false))
                .orElseGet(() -> store(DOCUMENT_SIGNER_FILE, documentSigner(activeKey, root, rootKey), () -> LOG.warning(() ->
                        "Generated a development document signer certificate for signing key '" + activeKey.getKeyID()
                        + "' in " + dataDir.resolve(DOCUMENT_SIGNER_FILE) + ", issued by the development IACA root")));
        LOG.warning(() -> "Credential signing key '" + activeKey.getKeyID() + "' certified by the development IACA root "
                + dataDir.resolve(ROOT_FILE) + ": never trust it in production; configure " + property);
        return new IssuerCertificates(List.of(signer), Optional.of(root), true);
    }

    private ECKey rootKey() {
        Path file = dataDir.resolve(ROOT_KEY_FILE);
        Path kept = KeyFiles.generated(file, property, LOG,
                () -> new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true).generate(),
                key -> LOG.warning(() -> "Generated the key of the development IACA root in " + file
                        + " (owner-only permissions)"),
                () -> "Development IACA root: using the key generated earlier in " + file);
        return (ECKey) KeyFiles.readJwks(kept, "the generated key file " + kept, property).get(0);
    }

    private Optional<X509Certificate> reuse(String name, java.util.function.Predicate<X509Certificate> fits) {
        Path file = dataDir.resolve(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<X509Certificate> kept = CertificatePem.read(file, property);
        if (kept.size() == 1 && fits.test(kept.get(0))) {
            return Optional.of(kept.get(0));
        }
        LOG.warning(() -> "Replacing " + file + ": it no longer fits the signing key, the root, the issuer "
                + "identifier or expires within " + ChainValidation.EXPIRY_WARNING.toDays() + " days");
        return Optional.empty();
    }

    private X509Certificate store(String name, X509Certificate certificate, Runnable announce) {
        Path file = dataDir.resolve(name);
        try {
            Files.deleteIfExists(file);
            PrivateFiles.writeNew(file, CertificatePem.encode(List.of(certificate)));
        } catch (IOException e) {
            throw new ConfigurationException(property, "no certificate configured and cannot store a generated one in "
                    + file, e);
        }
        announce.run();
        return certificate;
    }

    private boolean lastsBeyondWarning(X509Certificate certificate) {
        return !certificate.getNotBefore().toInstant().isAfter(now)
                && certificate.getNotAfter().toInstant().isAfter(now.plus(ChainValidation.EXPIRY_WARNING));
    }

    // the issuer identifier as issuerAltName of the root, or subjectAltName of the document signer
    private boolean namesIssuer(X509Certificate certificate, boolean issuerAltName) {
        try {
            var names = issuerAltName ? certificate.getIssuerAlternativeNames() : certificate.getSubjectAlternativeNames();
            return names != null && names.stream().anyMatch(n -> issuerIdentifier.equals(n.get(1)));
        } catch (java.security.cert.CertificateParsingException e) {
            return false;
        }
    }

    // ISO/IEC 18013-5:2021 B.1.2
    private X509Certificate root(ECKey rootKey) {
        try {
            X500Name name = name("OpenIssuer development IACA " + URI.create(issuerIdentifier).getHost());
            PublicKey publicKey = rootKey.toECPublicKey();
            X509v3CertificateBuilder builder = builder(name, name, publicKey, ROOT_VALIDITY)
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions().createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.issuerAlternativeName, false, uri())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            return sign(builder, rootKey.toECPrivateKey());
        } catch (JOSEException | IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new ConfigurationException(property, "cannot generate the development IACA root", e);
        }
    }

    // ISO/IEC 18013-5:2021 B.1.4
    private X509Certificate documentSigner(ECKey activeKey, X509Certificate root, ECKey rootKey) {
        try {
            PublicKey publicKey = activeKey.toECPublicKey();
            X509v3CertificateBuilder builder = builder(X500Name.getInstance(root.getSubjectX500Principal().getEncoded()),
                    name("OpenIssuer development document signer"), publicKey, DOCUMENT_SIGNER_VALIDITY)
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions().createAuthorityKeyIdentifier(rootKey.toECPublicKey()))
                    .addExtension(Extension.subjectKeyIdentifier, false, extensions().createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.issuerAlternativeName, false, uri())
                    .addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.getInstance(new ASN1ObjectIdentifier(MDL_DS_EKU))))
                    // SD-JWT VC §3.5: a verifier matches iss against the certificate's SAN
                    .addExtension(Extension.subjectAlternativeName, false, uri());
            return sign(builder, rootKey.toECPrivateKey());
        } catch (JOSEException | IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new ConfigurationException(property, "cannot generate the development document signer certificate", e);
        }
    }

    private X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Duration validity) {
        Instant notBefore = now.truncatedTo(ChronoUnit.SECONDS).minus(BACKDATE);
        // RFC 5280 §4.1.2.2: positive, at most 20 octets; 159 random bits
        BigInteger serial = new BigInteger(159, RANDOM).setBit(0);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(notBefore.plus(validity)),
                subject, key);
    }

    private X500Name name(String commonName) {
        // B.1.2, B.1.4: countryName in subject and issuer, the same in both certificates
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, COUNTRY)
                .addRDN(BCStyle.O, "OpenIssuer development").addRDN(BCStyle.CN, commonName).build();
    }

    private GeneralNames uri() {
        return new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, issuerIdentifier));
    }

    private static JcaX509ExtensionUtils extensions() throws GeneralSecurityException {
        return new JcaX509ExtensionUtils();
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").setProvider(JwsCrypto.provider())
                .setSecureRandom(RANDOM).build(key);
        return CertificatePem.fromDer(builder.build(signer).getEncoded());
    }
}
