package org.openissuer.testsupport;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import com.nimbusds.jose.jwk.ECKey;

/** X.509 certificates for test keys, made with BouncyCastle's certificate builder on the JDK's provider. */
public final class TestCertificates {

    private TestCertificates() {
    }

    /** A self-signed certificate for the key, valid from an hour ago for a year. */
    public static X509Certificate selfSigned(ECKey key, String commonName) {
        return issued(key, commonName, key, commonName);
    }

    /** A certificate for subject's public key, signed by issuer's private key. */
    public static X509Certificate issued(ECKey subject, String subjectName, ECKey issuer, String issuerName) {
        try {
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerName),
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Name("CN=" + subjectName),
                    subject.toECPublicKey());
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.toECPrivateKey());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException("test certificate", e);
        }
    }
}
