package org.openissuer.keys.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.openissuer.platform.ConfigurationException;

/** PEM files of X.509 certificates, read with the JDK's own parser. */
final class CertificatePem {

    private static final Base64.Encoder MIME = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private CertificatePem() {
    }

    /** Every certificate in the file, in file order; none is a problem named by the property. */
    static List<X509Certificate> read(Path file, String property) {
        if (!Files.isReadable(file)) {
            throw new ConfigurationException(property, "cannot read certificate file " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> certificates = parse(in);
            if (certificates.isEmpty()) {
                throw new ConfigurationException(property, file + " holds no PEM certificate");
            }
            return certificates;
        } catch (IOException | CertificateException e) {
            throw new ConfigurationException(property, file + " is not a PEM file of X.509 certificates", e);
        }
    }

    static List<X509Certificate> parse(byte[] pem) throws CertificateException {
        return parse(new ByteArrayInputStream(pem));
    }

    private static List<X509Certificate> parse(InputStream in) throws CertificateException {
        Collection<? extends Certificate> parsed = CertificateFactory.getInstance("X.509").generateCertificates(in);
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : parsed) {
            certificates.add((X509Certificate) c);
        }
        return certificates;
    }

    /** A JDK certificate object from DER (e.g. one BouncyCastle built). */
    static X509Certificate fromDer(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** RFC 7468 §5.1 textual encoding. */
    static String encode(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate c : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(new String(MIME.encode(c.getEncoded()), StandardCharsets.US_ASCII))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("a parsed certificate cannot be encoded again", e);
            }
        }
        return pem.toString();
    }
}
