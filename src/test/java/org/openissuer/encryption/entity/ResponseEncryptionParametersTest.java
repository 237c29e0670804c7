package org.openissuer.encryption.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.testsupport.Jwe;
import org.openissuer.testsupport.TestKeys;

class ResponseEncryptionParametersTest {

    private final JWK ec = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "w1");

    @Test
    void parsesJwkEncAndZip() {
        ResponseEncryptionParameters p = ResponseEncryptionParameters.parse(params(json(ec.toPublicJWK()), "A128GCM")
                .add("zip", "DEF").build(), false);
        assertEquals(JWEAlgorithm.ECDH_ES, p.alg());
        assertEquals(EncryptionMethod.A128GCM, p.enc());
        assertEquals(Optional.of(CompressionAlgorithm.DEF), p.zip());
        JWK rsa = Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "w2");
        assertEquals(JWEAlgorithm.RSA_OAEP_256,
                ResponseEncryptionParameters.parse(params(json(rsa.toPublicJWK()), "A128CBC-HS256").build(), false).alg());
    }

    @Test
    void rejectsAMissingOrMalformedJwk() {
        assertRejected(Json.createObjectBuilder().add("enc", "A128GCM").build(), "jwk is required");
        assertRejected(Json.createObjectBuilder().add("jwk", "x").add("enc", "A128GCM").build(), "JWK object");
        assertRejected(params(Json.createObjectBuilder().add("kty", "EC").add("alg", "ECDH-ES").build(), "A128GCM").build(),
                "not a valid");
        assertRejected(Json.createValue("string"), "must be an object");
    }

    @Test
    void rejectsAJwkWithPrivateMembers() {
        assertRejected(params(json(ec), "A128GCM").build(), "private");
        JWK rsa = Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "w2");
        assertRejected(params(json(rsa), "A128GCM").build(), "private");
    }

    @Test
    void rejectsAJwkWithoutAlgInTheV1Dialect() {
        JWK noAlg = TestKeys.p256WithoutKid().toPublicJWK();
        assertRejected(params(json(noAlg), "A128GCM").build(), "must carry alg");
        assertRejected(params(json(noAlg), "A128GCM").add("alg", "ECDH-ES").build(), "must carry alg");
    }

    @Test
    void acceptsDraft13sAlgBesideTheJwk() {
        JWK noAlg = TestKeys.p256WithoutKid().toPublicJWK();
        assertEquals(JWEAlgorithm.ECDH_ES, ResponseEncryptionParameters.parse(
                params(json(noAlg), "A128GCM").add("alg", "ECDH-ES").build(), true).alg());
        IssuerException e = assertThrows(IssuerException.class, () -> ResponseEncryptionParameters.parse(
                params(json(ec.toPublicJWK()), "A128GCM").add("alg", "RSA-OAEP-256").build(), true));
        assertTrue(e.description().contains("contradicts"));
    }

    @Test
    void rejectsAnUnsupportedAlgOrAKeyThatDoesNotFitIt() {
        JsonObject rsa1 = withAlg(Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "r").toPublicJWK(), "RSA1_5");
        assertRejected(params(rsa1, "A128GCM").build(), "alg RSA1_5 is not supported");
        JsonObject kw = withAlg(ec.toPublicJWK(), "ECDH-ES+A128KW");
        assertRejected(params(kw, "A128GCM").build(), "not supported");
        assertRejected(params(withAlg(ec.toPublicJWK(), "RSA-OAEP-256"), "A128GCM").build(), "RSA key");
        JWK rsa = Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "r");
        assertRejected(params(withAlg(rsa.toPublicJWK(), "ECDH-ES"), "A128GCM").build(), "EC key");
        assertEquals(JWEAlgorithm.ECDH_ES, ResponseEncryptionParameters.parse(
                params(withAlg(TestKeys.p384("p").toPublicJWK(), "ECDH-ES"), "A128GCM").build(), false).alg());
    }

    @Test
    void rejectsAKeyMeantForSignatures() {
        JWK sig = TestKeys.p256("s").toPublicJWK();
        assertRejected(params(withAlg(sig, "ECDH-ES"), "A128GCM").build(), "use sig");
    }

    @Test
    void rejectsAMissingOrUnsupportedEncAndZip() {
        JsonObject jwk = json(ec.toPublicJWK());
        assertRejected(Json.createObjectBuilder().add("jwk", jwk).build(), "enc is required");
        assertRejected(params(jwk, "A192GCM").build(), "enc A192GCM");
        assertRejected(Json.createObjectBuilder().add("jwk", jwk).add("enc", 5).build(), "must be a string");
        assertRejected(params(jwk, "A128GCM").add("zip", "GZIP").build(), "zip GZIP");
    }

    private static JsonObjectBuilder params(JsonObject jwk, String enc) {
        return Json.createObjectBuilder().add("jwk", jwk).add("enc", enc);
    }

    private static JsonObject json(JWK jwk) {
        return Json.createReader(new StringReader(jwk.toJSONString())).readObject();
    }

    private static JsonObject withAlg(JWK jwk, String alg) {
        return Json.createObjectBuilder(json(jwk)).add("alg", alg).build();
    }

    private static void assertRejected(JsonValue params, String fragment) {
        IssuerException e = assertThrows(IssuerException.class, () -> ResponseEncryptionParameters.parse(params, false));
        assertEquals(IssuerError.INVALID_ENCRYPTION_PARAMETERS, e.error(), e.description());
        assertTrue(e.description().contains(fragment), e.description());
    }
}
