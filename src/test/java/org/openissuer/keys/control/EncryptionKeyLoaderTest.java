package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.openissuer.testsupport.ConfigurationAssertions.assertRejected;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.testsupport.KeyFiles;
import org.openissuer.testsupport.TestKeys;

class EncryptionKeyLoaderTest {

    private static final String PROPERTY = EncryptionKeyLoader.KEYS_PROPERTY;

    @TempDir
    Path tmp;

    @Test
    void generatesAnEcdhEsKeyOwnerOnlyAndReusesItOnRestart() throws Exception {
        Path data = tmp.resolve("data");
        EncryptionKeys first = EncryptionKeyLoader.load(Optional.empty(), data);
        JWK key = first.all().get(0);
        assertEquals(Curve.P_256, ((ECKey) key).getCurve());
        assertEquals(KeyUse.ENCRYPTION, key.getKeyUse());
        assertEquals(JWEAlgorithm.ECDH_ES, key.getAlgorithm());
        assertEquals(key.computeThumbprint().toString(), key.getKeyID());
        Path file = data.resolve(EncryptionKeyLoader.GENERATED_FILE);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertEquals(key, EncryptionKeyLoader.load(Optional.empty(), data).all().get(0), "the same key after a restart");
    }

    @Test
    void loadsEcAndRsaKeysAndCompletesUseAlgAndKid() {
        ECKey ec = TestKeys.p256WithoutKid();
        RSAKey rsa = TestKeys.rsa("rsa-1");
        ECKey p384 = TestKeys.p384("ec-384");
        EncryptionKeys keys = EncryptionKeyLoader.load(Optional.of(KeyFiles.jwkSet(tmp, ec, rsa, p384)), tmp);
        assertEquals(3, keys.all().size());
        assertEquals(JWEAlgorithm.ECDH_ES, keys.all().get(0).getAlgorithm());
        assertTrue(keys.byKid(keys.all().get(0).getKeyID()).isPresent(), "a thumbprint kid");
        assertEquals(JWEAlgorithm.RSA_OAEP_256, keys.byKid("rsa-1").orElseThrow().getAlgorithm());
        assertEquals(KeyUse.ENCRYPTION, keys.byKid("ec-384").orElseThrow().getKeyUse());
        keys.publicJwks().getKeys().forEach(k -> assertTrue(!k.isPrivate()));
    }

    @Test
    void refusesKeysThatCannotDecryptOrDoNotFit() throws JOSEException {
        assertRejected(PROPERTY, () -> load(TestKeys.p256("s")), "expected enc");
        assertRejected(PROPERTY, () -> load(TestKeys.p256WithoutKid().toPublicJWK()), "no private part");
        assertRejected(PROPERTY, () -> load(new ECKey.Builder(TestKeys.p256WithoutKid()).algorithm(JWEAlgorithm.RSA_OAEP_256).build()),
                "expected ECDH-ES");
        RSAKey small = new RSAKeyGenerator(1024, true).keyID("small").generate();
        assertRejected(PROPERTY, () -> load(small), "at least 2048");
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).keyID("oct").generate();
        assertRejected(PROPERTY, () -> load(oct), "EC P-256");
        assertRejected(PROPERTY, () -> load(TestKeys.p384("same"), TestKeys.p384("same")), "used by two keys");
        assertRejected(PROPERTY, () -> load(TestKeys.withForeignPrivatePart("foreign")), "do not belong together");
    }

    @Test
    void refusesUnreadableOrMalformedFiles() {
        assertRejected(PROPERTY, () -> EncryptionKeyLoader.load(Optional.of(tmp.resolve("missing.jwks")), tmp), "cannot read");
        Path garbage = KeyFiles.text(tmp, "garbage.jwks", "not json");
        assertRejected(PROPERTY, () -> EncryptionKeyLoader.load(Optional.of(garbage), tmp), "not a JWK");
        Path empty = KeyFiles.text(tmp, "empty.jwks", "{\"keys\":[]}");
        assertRejected(PROPERTY, () -> EncryptionKeyLoader.load(Optional.of(empty), tmp), "empty");
    }

    private EncryptionKeys load(JWK... keys) {
        return EncryptionKeyLoader.load(Optional.of(KeyFiles.jwkSet(tmp, keys)), tmp);
    }
}
