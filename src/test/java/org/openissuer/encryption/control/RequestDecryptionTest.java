package org.openissuer.encryption.control;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.EncryptionKeys;
import org.openissuer.testsupport.Jwe;
import org.openissuer.testsupport.TestKeys;

class RequestDecryptionTest {

    private static final String REQUEST = "{\"credential_configuration_id\":\"IdentityCredential\"}";
    private static final int MAX = 65_536;

    private final JWK ec = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "issuer-ec");
    private final JWK rsa = Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "issuer-rsa");
    private final EncryptionKeys keys = new EncryptionKeys(List.of(ec, rsa));

    @Test
    void decryptsEveryAdvertisedAlgEncAndZip() {
        for (JWK key : List.of(ec, rsa)) {
            for (EncryptionMethod enc : List.of(EncryptionMethod.A128GCM, EncryptionMethod.A256GCM,
                    EncryptionMethod.A128CBC_HS256)) {
                for (CompressionAlgorithm zip : new CompressionAlgorithm[] {null, CompressionAlgorithm.DEF}) {
                    String jwe = Jwe.encrypt(REQUEST, key.toPublicJWK(), enc, zip);
                    assertEquals(REQUEST, new String(RequestDecryption.decrypt(bytes(jwe), keys, MAX), UTF_8),
                            key.getAlgorithm() + " " + enc + " " + zip);
                }
            }
        }
    }

    @Test
    void rejectsAnUnknownOrMissingKid() {
        JWK foreign = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "someone-else");
        assertRejected(Jwe.encrypt(REQUEST, foreign.toPublicJWK(), EncryptionMethod.A128GCM, null), "someone-else");
        JWK noKid = Jwe.walletKey(JWEAlgorithm.ECDH_ES, null);
        assertRejected(Jwe.encrypt(REQUEST, noKid.toPublicJWK(), EncryptionMethod.A128GCM, null), "kid");
    }

    @Test
    void rejectsAnUnadvertisedEncOrZipOrAlg() {
        assertRejected(Jwe.encrypt(REQUEST, ec.toPublicJWK(), EncryptionMethod.A192GCM, null), "A192GCM");
        assertRejected(header("{\"alg\":\"ECDH-ES\",\"enc\":\"A128GCM\",\"zip\":\"GZIP\",\"kid\":\"issuer-ec\"}"), "GZIP");
        assertRejected(header("{\"alg\":\"RSA1_5\",\"enc\":\"A128GCM\",\"kid\":\"issuer-rsa\"}"), "RSA1_5");
        assertRejected(header("{\"alg\":\"dir\",\"enc\":\"A128GCM\",\"kid\":\"issuer-ec\"}"), "dir");
    }

    @Test
    void rejectsAnAlgThatIsNotTheKeysAlg() {
        assertRejected(header("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A128GCM\",\"kid\":\"issuer-ec\"}"), "takes alg");
    }

    @Test
    void rejectsGarbageJwsAndUnsecuredJwts() {
        assertRejected("garbage", "compact JWE");
        assertRejected("a.b.c.d.e", "compact JWE");
        assertRejected("eyJhbGciOiJub25lIn0.eyJhIjoxfQ.", "compact JWE");
        assertRejected(org.openissuer.testsupport.ProofJwt.signedBy(TestKeys.p256WithoutKid()).nonce("n").build(), "compact JWE");
    }

    @Test
    void rejectsATamperedCiphertext() {
        String[] parts = Jwe.encrypt(REQUEST, ec.toPublicJWK(), EncryptionMethod.A128GCM, null).split("\\.");
        parts[3] = parts[3].charAt(0) == 'A' ? "B" + parts[3].substring(1) : "A" + parts[3].substring(1);
        assertRejected(String.join(".", parts), "cannot be decrypted");
    }

    @Test
    void rejectsAPlaintextLargerThanTheLimitEvenWhenCompressed() {
        String big = "{\"x\":\"" + "a".repeat(200_000) + "\"}";
        IssuerException e = assertThrows(IssuerException.class, () -> RequestDecryption.decrypt(
                bytes(Jwe.encrypt(big, ec.toPublicJWK(), EncryptionMethod.A128GCM, CompressionAlgorithm.DEF)), keys, MAX));
        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST, e.error());
        String bomb = "{\"x\":\"" + "a".repeat(2_000_000) + "\"}";
        assertRejected(Jwe.encrypt(bomb, ec.toPublicJWK(), EncryptionMethod.A128GCM, CompressionAlgorithm.DEF),
                "cannot be decrypted");
    }

    private static String header(String json) {
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(UTF_8));
        return b64 + ".AAAA.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";
    }

    private void assertRejected(String body, String fragment) {
        IssuerException e = assertThrows(IssuerException.class, () -> RequestDecryption.decrypt(bytes(body), keys, MAX));
        assertEquals(IssuerError.INVALID_ENCRYPTION_PARAMETERS, e.error(), e.description());
        assertEquals(true, e.description().contains(fragment), e.description());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(US_ASCII);
    }
}
