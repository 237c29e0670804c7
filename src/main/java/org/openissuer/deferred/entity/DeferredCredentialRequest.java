package org.openissuer.deferred.entity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/**
 * A parsed Deferred Credential Request (OID4VCI 1.0 §9.1; drafts 13 to 15 §9.1 sent transaction_id
 * alone). Unknown members are ignored (§9.1).
 */
public record DeferredCredentialRequest(String transactionId, Optional<ResponseEncryptionParameters> responseEncryption) {

    // our ids are 43 characters; anything far longer is not one of ours and is not worth hashing
    static final int MAX_TRANSACTION_ID = 256;

    /** @param preV1 whether an alg beside the jwk is a pre-1.0 wallet's (a plaintext request) */
    public static DeferredCredentialRequest parse(byte[] body, boolean preV1) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the request body is not UTF-8");
        }
        return parse(BoundedJson.object(text, IssuerError.INVALID_CREDENTIAL_REQUEST), preV1);
    }

    public static DeferredCredentialRequest parse(JsonObject body, boolean preV1) {
        JsonValue id = body.get("transaction_id");
        if (!(id instanceof JsonString s) || s.getString().isEmpty()) {
            // §9.1: transaction_id is REQUIRED
            throw invalid("transaction_id is required and must be a non-empty string");
        }
        if (s.getString().length() > MAX_TRANSACTION_ID) {
            throw new IssuerException(IssuerError.INVALID_TRANSACTION_ID, "the transaction_id is not one this issuer gave");
        }
        // §9.1: credential_response_encryption as in §8.2, for this answer, whatever the first request had
        Optional<ResponseEncryptionParameters> encryption = Optional.ofNullable(body.get("credential_response_encryption"))
                .filter(v -> v != JsonValue.NULL)
                .map(v -> ResponseEncryptionParameters.parse(v, preV1));
        return new DeferredCredentialRequest(s.getString(), encryption);
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
