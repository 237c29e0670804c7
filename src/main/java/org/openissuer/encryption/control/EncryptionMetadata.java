package org.openissuer.encryption.control;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.openissuer.encryption.entity.SupportedJwe;
import org.openissuer.keys.control.EncryptionKeys;

/** The credential_request_encryption and credential_response_encryption metadata (OID4VCI 1.0 §12.2.4). */
public final class EncryptionMetadata {

    private EncryptionMetadata() {
    }

    public static JsonObject request(EncryptionKeys keys, EncryptionPolicy policy) {
        JsonObject jwks = Json.createReader(new StringReader(keys.publicJwks().toString(true))).readObject();
        return Json.createObjectBuilder()
                .add("jwks", jwks)
                .add("enc_values_supported", names(SupportedJwe.ENCRYPTION_METHODS.stream().map(e -> e.getName()).toList()))
                .add("zip_values_supported", names(SupportedJwe.COMPRESSION.stream().map(z -> z.getName()).toList()))
                .add("encryption_required", policy.requestRequired())
                .build();
    }

    public static JsonObject response(EncryptionPolicy policy) {
        return Json.createObjectBuilder()
                .add("alg_values_supported", names(SupportedJwe.ALGORITHMS.stream().map(a -> a.getName()).toList()))
                .add("enc_values_supported", names(SupportedJwe.ENCRYPTION_METHODS.stream().map(e -> e.getName()).toList()))
                .add("zip_values_supported", names(SupportedJwe.COMPRESSION.stream().map(z -> z.getName()).toList()))
                .add("encryption_required", policy.responseRequired())
                .build();
    }

    private static JsonArrayBuilder names(List<String> names) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        names.forEach(array::add);
        return array;
    }
}
