package org.openissuer.keys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Security;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

class JwsCryptoTest {

    private static final ECKey KEY = generate();

    @Test
    void signaturesMadeOnBouncyCastleVerifyOnTheJdkProvider() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("interop"));
        jws.sign(JwsCrypto.signer(KEY));

        assertEquals("BC", JwsCrypto.signer(KEY).getJCAContext().getProvider().getName());
        assertTrue(jws.verify(new ECDSAVerifier(KEY.toPublicJWK())), "a JDK verifier accepts a BouncyCastle signature");
    }

    @Test
    void jdkSignaturesVerifyOnBouncyCastleAndTamperingIsCaught() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("interop"));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(KEY));
        var verifier = JwsCrypto.verifiers().createJWSVerifier(jws.getHeader(), KEY.toECPublicKey());

        assertTrue(jws.verify(verifier));
        JWSObject tampered = JWSObject.parse(jws.serialize().replace(jws.getPayload().toBase64URL().toString(),
                new Payload("interoP").toBase64URL().toString()));
        assertTrue(!tampered.verify(verifier), "a changed payload must not verify");
    }

    @Test
    void headerKeysBecomeProviderKeysThatVerifyWhatTheJdkSigned() throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("holder"));
        jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(KEY));
        java.security.PublicKey key = JwsCrypto.publicKey(KEY.toPublicJWK());

        assertTrue(key instanceof java.security.interfaces.ECPublicKey);
        assertTrue(jws.verify(JwsCrypto.verifiers().createJWSVerifier(jws.getHeader(), key)));
    }

    @Test
    void aKeySeenAgainIsTheSameKeyObjectAndNoOtherKeyIsEverMistakenForIt() throws Exception {
        ECKey other = generate();

        assertSame(JwsCrypto.publicKey(KEY.toPublicJWK()), JwsCrypto.publicKey(ECKey.parse(KEY.toPublicJWK().toJSONString())));
        assertNotEquals(JwsCrypto.publicKey(KEY.toPublicJWK()), JwsCrypto.publicKey(other.toPublicJWK()));
        assertEquals(other.toECPublicKey().getW(),
                ((java.security.interfaces.ECPublicKey) JwsCrypto.publicKey(other.toPublicJWK())).getW());
    }

    @Test
    void onlyPublicAsymmetricKeysAreAccepted() throws Exception {
        assertThrows(com.nimbusds.jose.JOSEException.class, () -> JwsCrypto.publicKey(KEY));
        assertThrows(com.nimbusds.jose.JOSEException.class, () -> JwsCrypto.publicKey(
                new com.nimbusds.jose.jwk.OctetSequenceKey.Builder(new byte[32]).build()));
        var rsa = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).generate().toPublicJWK();
        assertEquals("RSA", JwsCrypto.publicKey(rsa).getAlgorithm());
    }

    @Test
    void theProviderIsNeverInstalledInTheSharedJvm() throws Exception {
        JwsCrypto.signer(KEY);
        // an application server's JVM is shared: a provider registered from a WAR would outlive its undeploy
        assertNull(Security.getProvider("BC"));
    }

    private static ECKey generate() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("k").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
