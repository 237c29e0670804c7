package org.openissuer.credential.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import org.openissuer.configuration.Dialect;

class IssuanceResponseTest {

    @Test
    void answers10RequestsWithCredentialObjectsOnly() {
        JsonObject json = new IssuanceResponse(Dialect.V1, "dc+sd-jwt", Optional.of("p"), List.of("a", "b"),
                Optional.of("n"), 300, Optional.empty()).toJson();
        assertEquals("{\"credentials\":[{\"credential\":\"a\"},{\"credential\":\"b\"}]}", json.toString());
    }

    @Test
    void answersDraft13RequestsWithCredentialFormatProfileAndNextNonce() {
        JsonObject json = new IssuanceResponse(Dialect.DRAFT_13, "vc+sd-jwt", Optional.of("haip"), List.of("a"),
                Optional.of("n"), 300, Optional.empty()).toJson();
        assertEquals("a", json.getString("credential"));
        assertEquals("vc+sd-jwt", json.getString("format"));
        assertEquals("haip", json.getString("credential_profile"));
        assertEquals("n", json.getString("c_nonce"));
        assertEquals(300, json.getInt("c_nonce_expires_in"));
        assertFalse(json.containsKey("credentials"));
    }

    @Test
    void answersADraft13BatchWithAnArrayOfStrings() {
        JsonObject json = new IssuanceResponse(Dialect.DRAFT_13, "dc+sd-jwt", Optional.empty(), List.of("a", "b"),
                Optional.of("n"), 300, Optional.empty()).toJson();
        assertEquals("[\"a\",\"b\"]", json.getJsonArray("credentials").toString());
        assertFalse(json.containsKey("credential_profile"));
    }

    @Test
    void answersDraft15RequestsWithCredentialObjectsAndNoNonce() {
        JsonObject json = new IssuanceResponse(Dialect.DRAFT_15, "dc+sd-jwt", Optional.empty(), List.of("a"),
                Optional.of("n"), 300, Optional.empty()).toJson();
        assertEquals("{\"credentials\":[{\"credential\":\"a\"}]}", json.toString());
    }

    @Test
    void answersARequestValidInDraft13And15SoThatBothCanReadIt() {
        JsonObject json = new IssuanceResponse(Dialect.DRAFT_13_OR_15, "dc+sd-jwt", Optional.empty(), List.of("a"),
                Optional.of("n"), 300, Optional.empty()).toJson();
        // draft 15 §8.3 reads credentials, draft 13 §7.3 reads credential and the next c_nonce
        assertEquals("a", json.getJsonArray("credentials").getJsonObject(0).getString("credential"));
        assertEquals("a", json.getString("credential"));
        assertEquals("n", json.getString("c_nonce"));
        assertEquals(300, json.getInt("c_nonce_expires_in"));
    }

    @Test
    void everyDialectCarriesTheNotificationId() {
        for (Dialect dialect : Dialect.values()) {
            JsonObject json = new IssuanceResponse(dialect, "dc+sd-jwt", Optional.empty(), List.of("a", "b"),
                    Optional.of("n"), 300, Optional.of("note-1")).toJson();
            // OID4VCI 1.0 §8.3: one notification_id for the whole response, whatever the number of credentials
            assertEquals("note-1", json.getString("notification_id"), dialect.name());
        }
    }
}
