package org.openissuer.devdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.platform.PrivateFiles;

class DevTlsTest {

    @TempDir
    Path dir;

    @Test
    void generatesACertificateForLocalhostThatServersCanUse() throws Exception {
        X509Certificate certificate = DevTls.ensure(dir, Instant.now());

        List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))).toList();
        assertTrue(names.contains("localhost"), names.toString());
        assertTrue(names.contains("127.0.0.1"), names.toString());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        // the password the server is given opens the key store, which holds the key and this certificate
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("localhost.p12"))) {
            store.load(in, password().toCharArray());
        }
        assertEquals(certificate, store.getCertificate("default"));
        assertTrue(store.isKeyEntry("default"));
        assertTrue(PrivateFiles.isOwnerOnly(dir.resolve("localhost.p12")));
        assertTrue(PrivateFiles.isOwnerOnly(dir.resolve(DevTls.CONFIG)));
        assertTrue(Files.readString(dir.resolve("localhost.crt")).startsWith("-----BEGIN CERTIFICATE-----"));
    }

    @Test
    void keepsTheCertificateAcrossStarts() throws Exception {
        X509Certificate first = DevTls.ensure(dir, Instant.now());
        assertEquals(first, DevTls.ensure(dir, Instant.now().plus(Duration.ofDays(300))));
    }

    @Test
    void replacesACertificateNearItsEnd() throws Exception {
        X509Certificate first = DevTls.ensure(dir, Instant.now());
        Instant nearEnd = first.getNotAfter().toInstant().minus(DevTls.RENEW_BEFORE).plusSeconds(1);
        assertNotEquals(first, DevTls.ensure(dir, nearEnd));
    }

    private String password() throws Exception {
        Matcher m = Pattern.compile("name=\"tls.keystore.password\" value=\"([^\"]+)\"")
                .matcher(Files.readString(dir.resolve(DevTls.CONFIG), StandardCharsets.UTF_8));
        assertTrue(m.find());
        return m.group(1);
    }
}
