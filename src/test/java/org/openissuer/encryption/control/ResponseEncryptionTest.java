package org.openissuer.encryption.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.testsupport.Jwe;

class ResponseEncryptionTest {

    private static final String BODY = "{\"credentials\":[{\"credential\":\"eyJ...~\"}]}";

    @Test
    void encryptsForEveryAdvertisedAlgEncAndZipWithTheWalletsKid() {
        for (JWEAlgorithm alg : List.of(JWEAlgorithm.ECDH_ES, JWEAlgorithm.RSA_OAEP_256)) {
            JWK wallet = Jwe.walletKey(alg, "wallet-" + alg);
            for (EncryptionMethod enc : List.of(EncryptionMethod.A128GCM, EncryptionMethod.A256GCM,
                    EncryptionMethod.A128CBC_HS256)) {
                for (Optional<CompressionAlgorithm> zip : List.of(Optional.<CompressionAlgorithm>empty(),
                        Optional.of(CompressionAlgorithm.DEF))) {
                    ResponseEncryptionParameters target = new ResponseEncryptionParameters(wallet.toPublicJWK(), alg, enc, zip);
                    JWEObject jwe = Jwe.decrypt(ResponseEncryption.encrypt(BODY, target), wallet);
                    assertEquals(BODY, jwe.getPayload().toString());
                    assertEquals(alg, jwe.getHeader().getAlgorithm());
                    assertEquals(enc, jwe.getHeader().getEncryptionMethod());
                    assertEquals(zip.orElse(null), jwe.getHeader().getCompressionAlgorithm());
                    // OID4VCI 1.0 §10: the jwk's kid is copied into the JWE header
                    assertEquals("wallet-" + alg, jwe.getHeader().getKeyID());
                }
            }
        }
    }

    @Test
    void leavesKidOutWhenTheWalletsKeyHasNone() {
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, null);
        JsonObject params = Json.createObjectBuilder()
                .add("jwk", Json.createReader(new java.io.StringReader(wallet.toPublicJWK().toJSONString())).readObject())
                .add("enc", "A256GCM").build();
        JWEObject jwe = Jwe.decrypt(ResponseEncryption.encrypt(BODY, ResponseEncryptionParameters.parse(params, false)), wallet);
        assertNull(jwe.getHeader().getKeyID());
        assertEquals(BODY, jwe.getPayload().toString());
    }
}
