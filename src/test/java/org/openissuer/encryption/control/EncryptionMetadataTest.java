package org.openissuer.encryption.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.nimbusds.jose.JWEAlgorithm;

import org.junit.jupiter.api.Test;
import org.openissuer.keys.control.EncryptionKeys;
import org.openissuer.testsupport.Jwe;

/** OID4VCI 1.0 §12.2.4: credential_request_encryption and credential_response_encryption. */
class EncryptionMetadataTest {

    @Test
    void requestEncryptionPublishesEveryKeyPublicOnlyWithKidUseAndAlg() {
        EncryptionKeys keys = new EncryptionKeys(List.of(Jwe.walletKey(JWEAlgorithm.ECDH_ES, "k1"),
                Jwe.walletKey(JWEAlgorithm.RSA_OAEP_256, "k2")));
        JsonObject request = EncryptionMetadata.request(keys, new EncryptionPolicy(true, false, true));
        JsonArray published = request.getJsonObject("jwks").getJsonArray("keys");
        assertEquals(2, published.size());
        for (JsonObject key : published.getValuesAs(JsonObject.class)) {
            assertTrue(key.containsKey("kid") && "enc".equals(key.getString("use")) && key.containsKey("alg"), key.toString());
            assertFalse(key.containsKey("d") || key.containsKey("p"), "no private members");
        }
        assertEquals(strings("A128GCM", "A256GCM", "A128CBC-HS256"), request.getJsonArray("enc_values_supported"));
        assertEquals(strings("DEF"), request.getJsonArray("zip_values_supported"));
        assertTrue(request.getBoolean("encryption_required"));
    }

    @Test
    void responseEncryptionListsAlgEncZipAndWhetherItIsRequired() {
        JsonObject response = EncryptionMetadata.response(new EncryptionPolicy(false, false, true));
        assertEquals(strings("ECDH-ES", "RSA-OAEP-256"), response.getJsonArray("alg_values_supported"));
        assertEquals(strings("A128GCM", "A256GCM", "A128CBC-HS256"), response.getJsonArray("enc_values_supported"));
        assertEquals(strings("DEF"), response.getJsonArray("zip_values_supported"));
        assertFalse(response.getBoolean("encryption_required"));
    }

    private static JsonArray strings(String... values) {
        var array = Json.createArrayBuilder();
        for (String v : values) {
            array.add(v);
        }
        return array.build();
    }
}
