package org.openissuer.devdb;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openissuer.platform.PrivateFiles;

/**
 * The TLS certificate of a development server ({@code mvn -Prun}, {@code -Pstart}, the test and
 * benchmark servers) when the operator names none: a self-signed certificate for
 * {@code localhost}, {@code 127.0.0.1} and {@code ::1}, kept in {@code <dir>} across restarts.
 * Writes {@code localhost.p12} (the key store, with a random password), {@code localhost.crt}
 * (PEM, to add to a wallet's or a browser's trust store) and {@code tls.xml}, which sets the
 * variables {@code tls.keystore} and {@code tls.keystore.password} of {@code server.xml}: the
 * build names it to Liberty as {@code tls.dev.config}, an optional include. With
 * {@code TLS_KEYSTORE} set the operator's key store is used and nothing is generated. Not part of
 * the WAR.
 */
public final class DevTls {

    static final Duration VALIDITY = Duration.ofDays(397);
    /** A certificate this close to its end is replaced at the next start. */
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String ALIAS = "default";
    static final String CONFIG = "tls.xml";

    private DevTls() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DevTls <dir>");
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        String configured = System.getenv("TLS_KEYSTORE");
        if (configured != null && !configured.isBlank()) {
            // the operator's key store (TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD): no generated value may shadow it
            Files.deleteIfExists(dir.resolve(CONFIG));
            System.out.println("[tls] TLS_KEYSTORE is set: serving HTTPS with " + configured);
            return;
        }
        ensure(dir, Instant.now());
    }

    /** Keeps a valid certificate in {@code dir}, generating one when none is there or it nears its end. */
    static X509Certificate ensure(Path dir, Instant now) throws IOException, GeneralSecurityException {
        Path store = dir.resolve("localhost.p12");
        Path config = dir.resolve(CONFIG);
        if (Files.isRegularFile(store) && Files.isRegularFile(config)) {
            X509Certificate existing = read(store, password(Files.readString(config, StandardCharsets.UTF_8)));
            if (existing != null && existing.getNotAfter().toInstant().isAfter(now.plus(RENEW_BEFORE))) {
                return existing;
            }
        }
        return generate(dir, store, config, now);
    }

    private static X509Certificate read(Path store, String password) {
        try (var in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            Certificate certificate = keyStore.getCertificate(ALIAS);
            return certificate instanceof X509Certificate x509 ? x509 : null;
        } catch (IOException | GeneralSecurityException e) {
            return null; // unreadable or another password: replaced by a new one
        }
    }

    private static String password(String config) {
        int start = config.indexOf(PASSWORD_VALUE);
        if (start < 0) {
            return "";
        }
        start += PASSWORD_VALUE.length();
        int end = config.indexOf('"', start);
        return end < 0 ? "" : config.substring(start, end);
    }

    private static final String PASSWORD_VALUE = "name=\"tls.keystore.password\" value=\"";

    private static X509Certificate generate(Path dir, Path store, Path config, Instant now)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X509Certificate certificate = selfSigned(keys, now);

        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry(ALIAS, keys.getPrivate(), password.toCharArray(), new Certificate[] {certificate});

        PrivateFiles.createPrivateDirectories(dir);
        Files.deleteIfExists(store);
        Files.deleteIfExists(config);
        var bytes = new ByteArrayOutputStream();
        keyStore.store(bytes, password.toCharArray());
        PrivateFiles.writeNew(store, bytes.toByteArray());
        // the password is URL-safe base64: only the path needs escaping
        PrivateFiles.writeNew(config, "<server>\n"
                + "    <variable name=\"tls.keystore\" value=\"" + xml(store.toString()) + "\"/>\n"
                + "    <variable " + PASSWORD_VALUE + password + "\"/>\n"
                + "</server>\n");
        Files.writeString(dir.resolve("localhost.crt"), pem(certificate), StandardCharsets.US_ASCII);
        System.out.println("\n[tls] *****************************************************************\n"
                + "[tls] * WARNING: NO TLS KEY STORE CONFIGURED (TLS_KEYSTORE).\n"
                + "[tls] * Generated a self-signed certificate for localhost, 127.0.0.1 and ::1:\n"
                + "[tls] *   " + store + "\n"
                + "[tls] *   SHA-256 " + fingerprint(certificate) + "\n"
                + "[tls] * Trust " + dir.resolve("localhost.crt") + " in a wallet or browser to use it.\n"
                + "[tls] * Development only: in production configure a real certificate.\n"
                + "[tls] *****************************************************************\n");
        return certificate;
    }

    static X509Certificate selfSigned(KeyPair keys, Instant now) throws IOException, GeneralSecurityException {
        X500Principal name = new X500Principal("CN=localhost, O=OpenIssuer development");
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(1, serial),
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                new GeneralName(GeneralName.iPAddress, "::1")}));
        try {
            var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate", e);
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    static String pem(X509Certificate certificate) throws GeneralSecurityException {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    static String fingerprint(X509Certificate certificate) throws GeneralSecurityException {
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    }
}
