package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openissuer.testsupport.ConfigurationAssertions.assertRejected;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No issuer.signing.keys configured: a key is generated once under the data directory and kept. */
class GeneratedSigningKeyTest {

    @TempDir
    Path tmp;

    private Path dataDir;
    private Path keyFile;

    @BeforeEach
    void dataDirectory() {
        dataDir = tmp.resolve("data");
        keyFile = dataDir.resolve("keys").resolve("signing-keys.jwks");
    }

    @Test
    void generatesAnEs256KeyUnderTheDataDirectory() {
        SigningKeys keys = generate();

        assertTrue(Files.isRegularFile(keyFile));
        assertEquals(Curve.P_256, keys.active().getCurve());
        assertEquals(JWSAlgorithm.ES256, keys.active().getAlgorithm());
        assertEquals(KeyUse.SIGNATURE, keys.active().getKeyUse());
        assertTrue(keys.active().isPrivate());
        assertEquals(1, keys.all().size());
    }

    @Test
    void storesTheKeyOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));

        generate();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())));
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        generate();

        try (var files = Files.list(keyFile.getParent())) {
            assertEquals(List.of(keyFile), files.toList());
        }
    }

    @Test
    void kidIsTheRfc7638Thumbprint() throws Exception {
        SigningKeys keys = generate();

        assertEquals(keys.active().toPublicJWK().computeThumbprint().toString(), keys.activeKid());
    }

    @Test
    void keepsTheSameKeyAcrossRestarts() throws Exception {
        SigningKeys first = generate();
        String stored = Files.readString(keyFile);

        SigningKeys second = generate();

        assertEquals(first.active(), second.active());
        assertEquals(first.activeKid(), second.activeKid());
        assertEquals(stored, Files.readString(keyFile), "a restart must not rewrite the key file");
    }

    @Test
    void anotherDataDirectoryGetsAnotherKey() {
        SigningKeys first = generate();

        SigningKeys other = SigningKeyLoader.load(Optional.empty(), Optional.empty(), Optional.empty(), tmp.resolve("other"));

        assertNotEquals(first.activeKid(), other.activeKid());
    }

    @Test
    void storesThePrivateKeyButPublishesOnlyThePublicPart() throws Exception {
        SigningKeys keys = generate();

        assertTrue(JWKSet.load(keyFile.toFile()).getKeys().get(0).isPrivate());
        assertFalse(keys.publicJwks().getKeys().get(0).isPrivate());
        assertFalse(keys.publicJwks().toString(false).contains("\"d\""));
        assertFalse(keys.publicJwks().toString(true).contains("\"d\""));
    }

    @Test
    void activeKidMustNameTheGeneratedKey() {
        assertRejected("issuer.signing.active-kid",
                () -> SigningKeyLoader.load(Optional.empty(), Optional.empty(), Optional.of("managed-key"), dataDir),
                "'managed-key'");
    }

    @Test
    void rejectsACorruptGeneratedKeyFile() throws Exception {
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, "{ truncated");

        assertRejected("issuer.signing.keys", this::generate, "generated key file", keyFile.toString());
    }

    @Test
    void rejectsADataDirectoryThatCannotHoldAKey() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("data-file"), "x");

        assertRejected("issuer.signing.keys",
                () -> SigningKeyLoader.load(Optional.empty(), Optional.empty(), Optional.empty(), notADirectory),
                "cannot store a generated key");
    }

    @Test
    void warnsWhenTheGeneratedKeyFileIsReadableByOthers() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        generate();
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(SigningKeyLoader.class.getName());
        logger.addHandler(capture);
        try {
            generate();
        } finally {
            logger.removeHandler(capture);
        }

        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.SEVERE && r.getMessage().contains("chmod 600")),
                "expected a SEVERE log telling to chmod 600");
    }

    private SigningKeys generate() {
        return SigningKeyLoader.load(Optional.empty(), Optional.empty(), Optional.empty(), dataDir);
    }
}
