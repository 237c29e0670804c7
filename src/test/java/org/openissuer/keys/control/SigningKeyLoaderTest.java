package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.ConfigurationAssertions.assertRejected;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.testsupport.KeyFiles;
import org.openissuer.testsupport.TestKeys;

/** Configured JWK and JWK set files (issuer.signing.keys). */
class SigningKeyLoaderTest {

    private static final String KEYS = "issuer.signing.keys";
    private static final String ACTIVE_KID = "issuer.signing.active-kid";

    @TempDir
    Path dir;

    @Test
    void firstPrivateKeyOfTheSetIsActive() {
        ECKey retired = TestKeys.p256("retired").toPublicJWK();
        ECKey current = TestKeys.p256("current");
        ECKey next = TestKeys.p256("next");

        SigningKeys keys = load(KeyFiles.jwkSet(dir, retired, current, next), Optional.empty());

        assertEquals("current", keys.activeKid());
        assertEquals(current, keys.active());
        assertTrue(keys.active().isPrivate());
    }

    @Test
    void publishesEveryKeyIncludingPublicOnlyOnes() {
        ECKey retired = TestKeys.p256("retired").toPublicJWK();
        ECKey current = TestKeys.p256("current");
        ECKey next = TestKeys.p256("next");

        SigningKeys keys = load(KeyFiles.jwkSet(dir, retired, current, next), Optional.empty());

        assertEquals(List.of("retired", "current", "next"), keys.all().stream().map(JWK::getKeyID).toList());
        assertEquals(List.of(retired, current.toPublicJWK(), next.toPublicJWK()),
                keys.publicJwks().getKeys());
    }

    @Test
    void activeKidSelectsAnotherPrivateKey() {
        ECKey next = TestKeys.p256("next");

        SigningKeys keys = load(KeyFiles.jwkSet(dir, TestKeys.p256("current"), next), Optional.of("next"));

        assertEquals("next", keys.activeKid());
        assertEquals(next, keys.active());
        assertEquals(2, keys.all().size());
    }

    @Test
    void loadsASingleJwkFile() {
        ECKey key = TestKeys.p256("only");

        SigningKeys keys = load(KeyFiles.jwk(dir, key), Optional.empty());

        assertEquals(key, keys.active());
        assertEquals(List.of(key), keys.all());
    }

    @Test
    void loadsASingleJwkWhoseKidIsTheWordKeys() {
        ECKey key = TestKeys.p256("keys");

        assertEquals("keys", load(KeyFiles.jwk(dir, key), Optional.empty()).activeKid());
    }

    @Test
    void acceptsKeyWithoutUseAndAlg() {
        ECKey bare = new ECKey.Builder(TestKeys.p256WithoutKid()).keyID("bare").build();

        assertEquals("bare", load(KeyFiles.jwkSet(dir, bare), Optional.empty()).activeKid());
    }

    @Test
    void keyWithoutKidGetsItsThumbprintAsKid() throws JOSEException {
        ECKey key = TestKeys.p256WithoutKid();

        SigningKeys keys = load(KeyFiles.jwkSet(dir, key), Optional.empty());

        // RFC 7638 thumbprint over crv, kty, x, y with SHA-256, base64url
        assertEquals(key.computeThumbprint().toString(), keys.activeKid());
        assertEquals(keys.activeKid(), keys.publicJwks().getKeys().get(0).getKeyID());
    }

    @Test
    void rejectsMalformedJson() {
        Path file = KeyFiles.text(dir, "signing.jwks", "{\"keys\": [ {\"kty\": \"EC\",");

        assertRejected(KEYS, () -> load(file, Optional.empty()), "not a JWK or JWK set", file.toString());
    }

    @Test
    void rejectsJsonThatIsNoKey() {
        Path file = KeyFiles.text(dir, "signing.jwk", "{\"issuer\": \"https://issuer.example.com\"}");

        assertRejected(KEYS, () -> load(file, Optional.empty()), "not a JWK");
    }

    @Test
    void rejectsEmptyFileAndJsonThatIsNoObject() {
        Path empty = KeyFiles.text(dir, "empty.jwks", "");
        Path array = KeyFiles.text(dir, "array.jwks", "[]");

        assertRejected(KEYS, () -> load(empty, Optional.empty()), "not a JWK or JWK set");
        assertRejected(KEYS, () -> load(array, Optional.empty()), "not a JWK or JWK set");
    }

    @Test
    void rejectsRsaKey() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p256("ec"), TestKeys.rsa("rsa"));

        assertRejected(KEYS, () -> load(file, Optional.empty()), "'rsa'", "not an EC P-256 key");
    }

    @Test
    void rejectsP384Key() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p384("p384"));

        assertRejected(KEYS, () -> load(file, Optional.empty()), "'p384'", "not an EC P-256 key");
    }

    @Test
    void rejectsAlgOtherThanEs256() {
        ECKey es384 = new ECKey.Builder(TestKeys.p256("k")).algorithm(JWSAlgorithm.ES384).build();

        assertRejected(KEYS, () -> load(KeyFiles.jwkSet(dir, es384), Optional.empty()), "alg ES384", "expected ES256");
    }

    @Test
    void rejectsEncryptionKey() {
        ECKey enc = new ECKey.Builder(TestKeys.p256("k")).keyUse(KeyUse.ENCRYPTION).build();

        assertRejected(KEYS, () -> load(KeyFiles.jwkSet(dir, enc), Optional.empty()), "use 'enc'", "expected sig");
    }

    @Test
    void rejectsDuplicateKid() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p256("same"), TestKeys.p256("same"));

        assertRejected(KEYS, () -> load(file, Optional.empty()), "kid 'same'", "two keys");
    }

    @Test
    void rejectsDuplicateThumbprintKidOfTheSameKeyListedTwice() {
        ECKey key = TestKeys.p256WithoutKid();
        Path file = KeyFiles.jwkSet(dir, key, key.toPublicJWK());

        assertRejected(KEYS, () -> load(file, Optional.empty()), "used by two keys");
    }

    @Test
    void rejectsEmptySet() {
        Path file = KeyFiles.text(dir, "signing.jwks", "{\"keys\": []}");

        assertRejected(KEYS, () -> load(file, Optional.empty()), "empty");
    }

    @Test
    void rejectsSetWithoutAnyPrivateKey() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p256("a").toPublicJWK(), TestKeys.p256("b").toPublicJWK());

        assertRejected(KEYS, () -> load(file, Optional.empty()), "no key has a private part");
    }

    @Test
    void rejectsPrivatePartThatDoesNotMatchThePublicPart() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p256("good"), TestKeys.withForeignPrivatePart("mixed"));

        assertRejected(KEYS, () -> load(file, Optional.empty()), "'mixed'", "do not belong together");
    }

    @Test
    void rejectsMissingFile() {
        Path missing = dir.resolve("nowhere.jwks");

        assertRejected(KEYS, () -> load(missing, Optional.empty()), "cannot read", missing.toString());
    }

    @Test
    void rejectsADirectoryInsteadOfAFile() {
        assertRejected(KEYS, () -> load(dir, Optional.empty()), dir.toString());
    }

    @Test
    void rejectsUnknownActiveKid() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p256("current"));

        assertRejected(ACTIVE_KID, () -> load(file, Optional.of("typo")), "no configured key has kid 'typo'");
    }

    @Test
    void rejectsPublicOnlyKeyAsActiveKid() {
        Path file = KeyFiles.jwkSet(dir, TestKeys.p256("current"), TestKeys.p256("retired").toPublicJWK());

        assertRejected(ACTIVE_KID, () -> load(file, Optional.of("retired")), "'retired'", "cannot sign");
    }

    @Test
    void publishedSetNeverHoldsPrivateMembers() {
        SigningKeys keys = load(KeyFiles.jwkSet(dir, TestKeys.p256("a"), TestKeys.p256("b")), Optional.empty());

        keys.publicJwks().getKeys().forEach(k -> assertFalse(k.isPrivate(), k.getKeyID()));
        assertFalse(keys.publicJwks().toString(false).contains("\"d\""));
    }

    private SigningKeys load(Path file, Optional<String> activeKid) {
        return SigningKeyLoader.load(Optional.of(file), Optional.empty(), activeKid, dir.resolve("unused-data"));
    }
}
