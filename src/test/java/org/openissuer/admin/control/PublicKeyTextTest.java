package org.openissuer.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.TestKeys;

class PublicKeyTextTest {

    private static String pem(byte[] der) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void readsAJwkSetKeepingOnlyPublicHalves() {
        ECKey key = TestKeys.p256("k1");
        JWKSet set = PublicKeyText.parse(new JWKSet(key).toString(false));
        assertEquals(1, set.size());
        assertFalse(set.getKeys().get(0).isPrivate());
        assertEquals("k1", set.getKeys().get(0).getKeyID());
    }

    @Test
    void readsASingleJwk() {
        assertEquals("k2", PublicKeyText.parse(TestKeys.p256("k2").toPublicJWK().toJSONString()).getKeys().get(0).getKeyID());
    }

    @Test
    void readsPemPublicKeysOfBothTypes() throws Exception {
        ECKey ec = TestKeys.p256("ec");
        RSAKey rsa = TestKeys.rsa("rsa");
        assertEquals(ec.toPublicJWK().computeThumbprint(),
                PublicKeyText.parse(pem(ec.toECPublicKey().getEncoded())).getKeys().get(0).computeThumbprint());
        assertEquals(rsa.toPublicJWK().computeThumbprint(),
                PublicKeyText.parse(pem(rsa.toRSAPublicKey().getEncoded())).getKeys().get(0).computeThumbprint());
    }

    @Test
    void readsPemOnOneLineAndBareBase64() throws Exception {
        ECKey ec = TestKeys.p256("ec");
        String oneLine = pem(ec.toECPublicKey().getEncoded()).replace("\n", "");
        assertEquals(1, PublicKeyText.parse(oneLine).size());
        assertEquals(1, PublicKeyText.parse(Base64.getEncoder().encodeToString(ec.toECPublicKey().getEncoded())).size());
    }

    @Test
    void refusesPrivateKeyPemAndGarbage() {
        assertThrows(IllegalArgumentException.class, () -> PublicKeyText.parse("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"));
        assertThrows(IllegalArgumentException.class, () -> PublicKeyText.parse("{\"keys\": []}"));
        assertThrows(IllegalArgumentException.class, () -> PublicKeyText.parse("definitely not a key"));
        assertThrows(IllegalArgumentException.class, () -> PublicKeyText.parse("{\"kty\": \"EC\"}"));
    }
}
