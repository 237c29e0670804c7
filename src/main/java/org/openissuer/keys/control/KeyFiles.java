package org.openissuer.keys.control;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.JSONObjectUtils;

import org.openissuer.platform.ConfigurationException;
import org.openissuer.platform.PrivateFiles;

/**
 * The skeleton the signing and the encryption key loaders share: the generated key file kept in
 * the data directory, reading a JWK or JWK set, and checking each key with a unique kid. Every
 * problem is a {@link ConfigurationException} naming the keys property.
 */
final class KeyFiles {

    /** Makes the key to keep when none is configured. */
    @FunctionalInterface
    interface KeyMaker {
        JWK generate() throws JOSEException;
    }

    /** Checks one key (named by label in messages) and returns it complete, with its kid. */
    @FunctionalInterface
    interface KeyCheck<K extends JWK> {
        K check(JWK jwk, String label);
    }

    private KeyFiles() {
    }

    /**
     * The file of generated keys: created with a new key on first start (owner-only), then reused
     * with a warning, since such a key is for development only. The loader's log tells both.
     */
    static Path generated(Path file, String property, Logger log, KeyMaker maker, Consumer<JWK> announce,
            Supplier<String> reuse) {
        if (!Files.exists(file)) {
            try {
                JWK key = maker.generate();
                PrivateFiles.writeNew(file, new JWKSet(key).toString(false));
                announce.accept(key);
            } catch (JOSEException | IOException e) {
                throw new ConfigurationException(property, "no key configured and cannot store a generated key in " + file, e);
            }
        } else {
            warnIfShared(file, log);
            log.warning(reuse);
        }
        return file;
    }

    private static void warnIfShared(Path file, Logger log) {
        try {
            if (!PrivateFiles.isOwnerOnly(file)) {
                log.severe(() -> "Key file " + file + " is readable by other users: chmod 600 it");
            }
        } catch (IOException e) {
            log.warning(() -> "Cannot read the permissions of " + file + ": " + e.getMessage());
        }
    }

    static void requireReadable(Path file, String property) {
        if (!Files.isReadable(file)) {
            throw new ConfigurationException(property, "cannot read key file " + file);
        }
    }

    /** A JWK set, or a single JWK; what names the file in the message. */
    static List<JWK> readJwks(Path file, String what, String property) {
        try {
            // A set is an object with a "keys" member; a bare JWK may still mention "keys" (e.g. as its kid)
            Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file, StandardCharsets.UTF_8));
            return json.containsKey("keys") ? JWKSet.parse(json).getKeys() : List.of(JWK.parse(json));
        } catch (IOException | ParseException e) {
            throw new ConfigurationException(property, what + " is not a JWK or JWK set", e);
        }
    }

    /** Every key checked, then its kid unique in the set, then proved (a probe signature or decryption). */
    static <K extends JWK> List<K> validate(List<JWK> jwks, String property, KeyCheck<K> check, Consumer<K> prove) {
        if (jwks.isEmpty()) {
            throw new ConfigurationException(property, "the key set is empty");
        }
        List<K> keys = new ArrayList<>();
        Set<String> kids = new HashSet<>();
        for (JWK jwk : jwks) {
            K key = check.check(jwk, jwk.getKeyID() == null ? "a key without kid" : "key '" + jwk.getKeyID() + "'");
            if (!kids.add(key.getKeyID())) {
                throw new ConfigurationException(property, "kid '" + key.getKeyID() + "' is used by two keys");
            }
            prove.accept(key);
            keys.add(key);
        }
        return keys;
    }

    /** A key with a use must have the one of its role (RFC 7517 §4.2). */
    static void requireUse(JWK jwk, KeyUse use, String label, String property) {
        if (jwk.getKeyUse() != null && !use.equals(jwk.getKeyUse())) {
            throw new ConfigurationException(property, label + " has use '" + jwk.getKeyUse().identifier() + "', expected "
                    + use.identifier());
        }
    }
}
