package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.ConfigurationAssertions.assertRejected;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openissuer.testsupport.KeyFiles;

/** PKCS#12 keystores (issuer.signing.keys ending in .p12 or .pfx, issuer.signing.keystore.password). */
class SigningKeyLoaderPkcs12Test {

    private static final String KEYS = "issuer.signing.keys";
    private static final String PASSWORD = "issuer.signing.keystore.password";

    @TempDir
    Path dir;

    @Test
    void loadsTheKeyOfAKeystoreWithItsAliasAsKid() throws Exception {
        Path store = KeyFiles.pkcs12(dir, "signer", "s3cret-pass");

        SigningKeys keys = load(store, Optional.of("s3cret-pass"), Optional.empty());

        assertEquals("signer", keys.activeKid());
        assertEquals(Curve.P_256, keys.active().getCurve());
        assertTrue(keys.active().isPrivate());
        JWSObject jws = new JWSObject(new JWSHeader(SigningKeys.ALGORITHM), new Payload("credential"));
        jws.sign(new ECDSASigner(keys.active()));
        assertTrue(jws.verify(new ECDSAVerifier(keys.publicJwks().getKeys().get(0).toECKey())));
    }

    @Test
    void activeKidSelectsTheKeystoreAlias() {
        Path store = KeyFiles.pkcs12(dir, "signer", "s3cret-pass");

        assertEquals("signer", load(store, Optional.of("s3cret-pass"), Optional.of("signer")).activeKid());
    }

    @Test
    void readsPfxExtensionAsPkcs12() throws Exception {
        Path p12 = KeyFiles.pkcs12(dir, "signer", "s3cret-pass");
        Path pfx = Files.move(p12, dir.resolve("signer.PFX"));

        assertEquals("signer", load(pfx, Optional.of("s3cret-pass"), Optional.empty()).activeKid());
    }

    @Test
    void publishesNoPrivateMembersOfAKeystoreKey() {
        SigningKeys keys = load(KeyFiles.pkcs12(dir, "signer", "s3cret-pass"), Optional.of("s3cret-pass"), Optional.empty());

        assertFalse(keys.publicJwks().getKeys().get(0).isPrivate());
        assertFalse(keys.publicJwks().toString(false).contains("\"d\""));
    }

    @Test
    void rejectsKeystoreWithoutPasswordNamingThePasswordProperty() {
        Path store = KeyFiles.pkcs12(dir, "signer", "s3cret-pass");

        assertRejected(PASSWORD, () -> load(store, Optional.empty(), Optional.empty()), "needs a password", store.toString());
    }

    @Test
    void rejectsWrongPassword() {
        Path store = KeyFiles.pkcs12(dir, "signer", "s3cret-pass");

        assertRejected(KEYS, () -> load(store, Optional.of("wrong-pass"), Optional.empty()),
                "cannot open PKCS#12 keystore", "wrong password in " + PASSWORD);
    }

    @Test
    void rejectsFileThatIsNoKeystore() {
        Path notAStore = KeyFiles.text(dir, "signer.p12", "{\"keys\": []}");

        assertRejected(KEYS, () -> load(notAStore, Optional.of("s3cret-pass"), Optional.empty()), "cannot open PKCS#12");
    }

    @Test
    void rejectsRsaKeyInAKeystore() {
        Path store = KeyFiles.rsaPkcs12(dir, "rsa-signer", "s3cret-pass");

        assertRejected(KEYS, () -> load(store, Optional.of("s3cret-pass"), Optional.empty()),
                "'rsa-signer'", "not an EC P-256 key");
    }

    @Test
    void rejectsMissingKeystore() {
        Path missing = dir.resolve("missing.p12");

        assertRejected(KEYS, () -> load(missing, Optional.of("s3cret-pass"), Optional.empty()), "cannot read", missing.toString());
    }

    @Test
    void rejectsUnknownActiveKidInAKeystore() {
        Path store = KeyFiles.pkcs12(dir, "signer", "s3cret-pass");

        assertRejected("issuer.signing.active-kid", () -> load(store, Optional.of("s3cret-pass"), Optional.of("other")), "'other'");
    }

    @Test
    void requiresTheActiveKidWhenAKeystoreHoldsSeveralKeys() {
        // a keystore's alias order is undefined, so "the first private key" would sign at random
        Path store = KeyFiles.pkcs12(dir, "s3cret-pass", "issuer-2025", "issuer-2026");

        assertRejected("issuer.signing.active-kid", () -> load(store, Optional.of("s3cret-pass"), Optional.empty()),
                "several private keys");
        SigningKeys keys = load(store, Optional.of("s3cret-pass"), Optional.of("issuer-2026"));
        assertEquals("issuer-2026", keys.activeKid());
        assertEquals(2, keys.publicJwks().getKeys().size());
    }

    private SigningKeys load(Path store, Optional<String> password, Optional<String> activeKid) {
        return SigningKeyLoader.load(Optional.of(store), password.map(String::toCharArray), activeKid, dir.resolve("unused-data"));
    }
}
