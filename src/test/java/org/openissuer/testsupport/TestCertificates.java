package org.openissuer.testsupport;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import com.nimbusds.jose.jwk.ECKey;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate chains for the tests: {@code TestCertificates.root("Root")} and
 * {@code TestCertificates.leaf(key).issuedBy(ca).keyUsage(KeyUsage.digitalSignature).build()}.
 */
public final class TestCertificates {

    private static final AtomicLong SERIAL = new AtomicLong(1);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** A certificate with the key it certifies (whose private part issues further certificates). */
    public record Issued(ECKey key, X509Certificate certificate) {
    }

    private TestCertificates() {
    }

    public static Issued root(String name) {
        ECKey key = TestKeys.p256(name);
        return new Issued(key, new Builder(key).name(name).ca().keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).build());
    }

    public static Issued intermediate(Issued issuer, String name) {
        ECKey key = TestKeys.p256(name);
        return new Issued(key, new Builder(key).name(name).issuedBy(issuer).ca()
                .keyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign).build());
    }

    /** A document signer certificate: digitalSignature, valid from a day ago for a year, unless told otherwise. */
    public static Builder leaf(ECKey key) {
        return new Builder(key).name("Document Signer").keyUsage(KeyUsage.digitalSignature);
    }

    /** A self-signed certificate for the key, valid from a day ago for a year. */
    public static X509Certificate selfSigned(ECKey key, String commonName) {
        return new Builder(key).name(commonName).build();
    }

    /** A certificate for subject's public key, signed by the issuer's key under a self-signed issuer certificate. */
    public static X509Certificate issued(ECKey subject, String subjectName, ECKey issuer, String issuerName) {
        return new Builder(subject).name(subjectName).issuedBy(new Issued(issuer, selfSigned(issuer, issuerName))).build();
    }

    public static String pem(X509Certificate... certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return pem.toString();
    }

    public static final class Builder {
        private final ECKey key;
        private String name;
        private Issued issuer;
        private Instant notBefore = NOW.minus(Duration.ofDays(1));
        private Instant notAfter = NOW.plus(Duration.ofDays(365));
        private Integer keyUsage;
        private boolean ca;
        private String sanUri;

        private Builder(ECKey key) {
            this.key = key;
        }

        public Builder name(String commonName) {
            this.name = commonName;
            return this;
        }

        public Builder issuedBy(Issued ca) {
            this.issuer = ca;
            return this;
        }

        public Builder validity(Instant from, Instant to) {
            this.notBefore = from;
            this.notAfter = to;
            return this;
        }

        /** A bit mask of BouncyCastle's KeyUsage constants; 0 for no keyUsage extension at all. */
        public Builder keyUsage(int usage) {
            this.keyUsage = usage == 0 ? null : usage;
            return this;
        }

        public Builder san(String uri) {
            this.sanUri = uri;
            return this;
        }

        Builder ca() {
            this.ca = true;
            return this;
        }

        public X509Certificate build() {
            try {
                X500Name subject = new X500Name("C=ZZ,O=Test,CN=" + name);
                X500Name issuerName = issuer == null ? subject
                        : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                        BigInteger.valueOf(SERIAL.getAndIncrement()), Date.from(notBefore), Date.from(notAfter), subject,
                        key.toECPublicKey());
                if (ca) {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                }
                if (keyUsage != null) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (sanUri != null) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, sanUri)));
                }
                ECKey signer = issuer == null ? key : issuer.key();
                byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.toECPrivateKey()))
                        .getEncoded();
                return (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
            } catch (Exception e) {
                throw new IllegalStateException("cannot build a test certificate", e);
            }
        }
    }

}
