package org.openissuer.credential.entity;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.configuration.Dialect;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/**
 * A parsed credential request in any dialect (OID4VCI 1.0 §8.2, draft 15 §8.2, draft 13 §7.2). Parsing
 * checks structure only; whether the named configuration exists is the issuance's business.
 */
public record CredentialRequest(
        Dialect dialect,
        Optional<String> credentialConfigurationId,
        Optional<String> credentialIdentifier,
        Optional<String> format,
        Optional<String> vct,
        Optional<String> doctype,
        List<String> jwtProofs,
        Optional<ResponseEncryptionParameters> responseEncryption) {

    public static final String PROOF_TYPE_JWT = "jwt";

    public CredentialRequest {
        jwtProofs = List.copyOf(jwtProofs);
    }

    /** Parses a plaintext request body: one JSON object and nothing after it, through the bounded reader. */
    public static CredentialRequest parse(byte[] body) {
        return parse(body, false);
    }

    /** @param encrypted whether the body is the plaintext of a JWE (OID4VCI 1.0 §10) */
    public static CredentialRequest parse(byte[] body, boolean encrypted) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("the request body is not UTF-8");
        }
        return parse(BoundedJson.object(text, IssuerError.INVALID_CREDENTIAL_REQUEST), encrypted);
    }

    public static CredentialRequest parse(JsonObject body) {
        return parse(body, false);
    }

    public static CredentialRequest parse(JsonObject body, boolean encrypted) {
        Optional<String> configurationId = string(body, "credential_configuration_id");
        Optional<String> identifier = string(body, "credential_identifier");
        Optional<String> format = string(body, "format");
        Optional<String> vct = string(body, "vct");
        Optional<String> doctype = string(body, "doctype");
        boolean single = body.containsKey("proof");
        boolean batch = body.containsKey("proofs");
        if (single && batch) {
            // OID4VCI draft 13 §7.2: proof and proofs MUST NOT both be present
            throw invalid("send either proof or proofs, not both");
        }
        if (identifier.isPresent() && (configurationId.isPresent() || format.isPresent())) {
            // OID4VCI 1.0 §8.2: credential_identifier excludes credential_configuration_id (draft 13: format)
            throw invalid("credential_identifier cannot be combined with credential_configuration_id or format");
        }
        Dialect dialect = Dialect.recognise(body, encrypted);
        if (dialect == Dialect.DRAFT_13 && configurationId.isPresent() && format.isPresent()) {
            throw invalid("credential_configuration_id cannot be combined with format");
        }
        if (identifier.isEmpty() && configurationId.isEmpty() && format.isEmpty()) {
            throw invalid("credential_configuration_id or credential_identifier is required");
        }
        List<String> proofs = single ? singleProof(body.get("proof")) : batch ? proofs(body.get("proofs")) : List.of();
        // OID4VCI 1.0 §8.2 (drafts 13 to 15, §7.2/§8.2, sent alg beside the jwk)
        Optional<ResponseEncryptionParameters> encryption = Optional.ofNullable(body.get("credential_response_encryption"))
                .filter(v -> v != JsonValue.NULL)
                .map(v -> ResponseEncryptionParameters.parse(v, dialect.preV1()));
        return new CredentialRequest(dialect, configurationId, identifier, format, vct, doctype, proofs, encryption);
    }

    private static Optional<String> string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString s) || s.getString().isEmpty()) {
            throw invalid(name + " must be a non-empty string");
        }
        return Optional.of(s.getString());
    }

    // draft 13 §7.2.1: {"proof_type": "jwt", "jwt": "..."}
    private static List<String> singleProof(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("proof must be an object");
        }
        JsonObject proof = value.asJsonObject();
        JsonValue type = proof.get("proof_type");
        if (!(type instanceof JsonString t)) {
            throw invalid("proof.proof_type must be a string");
        }
        if (!PROOF_TYPE_JWT.equals(t.getString())) {
            throw new IssuerException(IssuerError.INVALID_PROOF, "proof type " + t.getString() + " is not supported; use jwt");
        }
        if (!(proof.get(PROOF_TYPE_JWT) instanceof JsonString jwt)) {
            throw new IssuerException(IssuerError.INVALID_PROOF, "proof.jwt must be a string");
        }
        return List.of(jwt.getString());
    }

    // OID4VCI 1.0 §8.2: exactly one proof type, whose value is a non-empty array
    private static List<String> proofs(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT || value.asJsonObject().size() != 1) {
            throw invalid("proofs must be an object with exactly one proof type");
        }
        JsonObject proofs = value.asJsonObject();
        String type = proofs.keySet().iterator().next();
        if (!PROOF_TYPE_JWT.equals(type)) {
            throw new IssuerException(IssuerError.INVALID_PROOF, "proof type " + type + " is not supported; use jwt");
        }
        JsonValue list = proofs.get(type);
        if (list.getValueType() != JsonValue.ValueType.ARRAY || list.asJsonArray().isEmpty()) {
            throw invalid("proofs.jwt must be a non-empty array");
        }
        List<String> jwts = new ArrayList<>();
        for (JsonValue element : list.asJsonArray()) {
            if (!(element instanceof JsonString s)) {
                throw invalid("proofs.jwt must contain strings");
            }
            jwts.add(s.getString());
        }
        return jwts;
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
