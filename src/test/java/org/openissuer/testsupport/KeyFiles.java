package org.openissuer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

/** Key files as an operator would configure them, written into a test's temporary directory. */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** A JWK set file holding the keys as given, private members included. */
    public static Path jwkSet(Path dir, JWK... keys) {
        return text(dir, "signing.jwks", new JWKSet(List.of(keys)).toString(false));
    }

    /** A file holding one bare JWK (no "keys" wrapper), private members included. */
    public static Path jwk(Path dir, JWK key) {
        return text(dir, "signing.jwk", key.toJSONString());
    }

    public static Path text(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PKCS#12 keystore with one EC P-256 key entry and its self-signed certificate, made by the JDK's keytool. */
    public static Path pkcs12(Path dir, String alias, String password) {
        return keytool(dir, alias, password, List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"));
    }

    /** A PKCS#12 keystore named after the first alias, with an EC P-256 key entry for each alias. */
    public static Path pkcs12(Path dir, String password, String... aliases) {
        Path store = null;
        for (String alias : aliases) {
            store = keytoolInto(dir.resolve(aliases[0] + ".p12"), alias, password,
                    List.of("-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA"));
        }
        return store;
    }

    /** A PKCS#12 keystore with one RSA key entry. */
    public static Path rsaPkcs12(Path dir, String alias, String password) {
        return keytool(dir, alias, password, List.of("-keyalg", "RSA", "-keysize", "2048"));
    }

    private static Path keytool(Path dir, String alias, String password, List<String> algorithm) {
        return keytoolInto(dir.resolve(alias + ".p12"), alias, password, algorithm);
    }

    private static Path keytoolInto(Path store, String alias, String password, List<String> algorithm) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", alias, "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", password, "-keypass", password, "-dname", "CN=OpenIssuer Test", "-validity", "2"));
        command.addAll(algorithm);
        run(command);
        return store;
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
