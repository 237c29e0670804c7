package org.openissuer.offer.entity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedJson;

/**
 * The body of {@code POST /admin/credential-offers}, checked for shape. Whether the claims fit
 * the configurations is the control layer's business (it knows the configurations).
 *
 * @param txCode            absent when the offer needs no transaction code
 * @param deferred          whether the credentials wait for the back office's approval (OID4VCI 1.0 §8.3, §9)
 * @param deferredExpiresIn how long such a transaction may wait; empty: the issuer's setting
 */
public record OfferRequest(List<String> configurationIds, String subject, JsonObject claims,
        Optional<TxCodeRequest> txCode, OptionalLong expiresIn, boolean deferred, OptionalLong deferredExpiresIn) {

    public static final String IMMEDIATE = "immediate";
    public static final String DEFERRED = "deferred";

    static final int MAX_SUBJECT = 255;
    static final int MAX_IDS = 20;
    // OID4VCI 1.0 §4.1.1: the description of a tx_code is at most 300 characters
    static final int MAX_TX_CODE_DESCRIPTION = 300;

    /** The code's length (the configured default when absent) and the hint a wallet shows. */
    public record TxCodeRequest(Optional<Integer> length, Optional<String> description) {
    }

    public OfferRequest {
        configurationIds = List.copyOf(configurationIds);
    }

    public static OfferRequest parse(String body) {
        JsonObject json = BoundedJson.object(body, IssuerError.INVALID_REQUEST);
        boolean deferred = deferred(json.get("issuance"));
        OptionalLong deferredExpiresIn = positiveSeconds(json.get("deferred_expires_in"), "deferred_expires_in");
        if (deferredExpiresIn.isPresent() && !deferred) {
            throw invalid("deferred_expires_in needs \"issuance\": \"deferred\"");
        }
        return new OfferRequest(configurationIds(json), subject(json), claims(json, deferred), txCode(json.get("tx_code")),
                positiveSeconds(json.get("expires_in"), "expires_in"), deferred, deferredExpiresIn);
    }

    private static boolean deferred(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return false;
        }
        if (value instanceof JsonString s && (IMMEDIATE.equals(s.getString()) || DEFERRED.equals(s.getString()))) {
            return DEFERRED.equals(s.getString());
        }
        throw invalid("issuance must be \"immediate\" or \"deferred\"");
    }

    private static List<String> configurationIds(JsonObject json) {
        JsonValue ids = json.get("credential_configuration_ids");
        if (ids == null || ids.getValueType() != JsonValue.ValueType.ARRAY || ids.asJsonArray().isEmpty()) {
            throw invalid("credential_configuration_ids must be a non-empty array of strings");
        }
        if (ids.asJsonArray().size() > MAX_IDS) {
            throw invalid("credential_configuration_ids holds more than " + MAX_IDS + " entries");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (JsonValue id : ids.asJsonArray()) {
            if (!(id instanceof JsonString s) || s.getString().isBlank()) {
                throw invalid("credential_configuration_ids must be a non-empty array of strings");
            }
            if (!unique.add(s.getString())) {
                throw invalid("credential_configuration_ids names " + s.getString() + " twice");
            }
        }
        return new ArrayList<>(unique);
    }

    private static String subject(JsonObject json) {
        if (!(json.get("subject") instanceof JsonString s) || s.getString().isBlank()) {
            throw invalid("subject must be a non-empty string: the id of the person the credentials attest");
        }
        String subject = s.getString();
        if (subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            throw invalid("subject must be at most " + MAX_SUBJECT + " characters without control characters");
        }
        return subject;
    }

    // a deferred offer's claims may be partial or still unknown: the approval may supply them
    private static JsonObject claims(JsonObject json, boolean deferred) {
        JsonValue claims = json.get("claims");
        if (deferred && (claims == null || claims == JsonValue.NULL)) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (claims == null || claims.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("claims must be a JSON object with the data to attest");
        }
        return claims.asJsonObject();
    }

    private static Optional<TxCodeRequest> txCode(JsonValue value) {
        if (value == null || value == JsonValue.FALSE || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value == JsonValue.TRUE) {
            return Optional.of(new TxCodeRequest(Optional.empty(), Optional.empty()));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("tx_code must be true, false or an object {length, description}");
        }
        JsonObject txCode = value.asJsonObject();
        Optional<Integer> length = Optional.empty();
        if (txCode.containsKey("length")) {
            if (!(txCode.get("length") instanceof JsonNumber n) || !n.isIntegral()) {
                throw invalid("tx_code.length must be an integer");
            }
            length = Optional.of(n.bigIntegerValue().min(BigInteger.valueOf(1000)).max(BigInteger.ZERO).intValue());
        }
        Optional<String> description = Optional.empty();
        if (txCode.containsKey("description")) {
            if (!(txCode.get("description") instanceof JsonString s) || s.getString().length() > MAX_TX_CODE_DESCRIPTION) {
                throw invalid("tx_code.description must be a string of at most " + MAX_TX_CODE_DESCRIPTION + " characters");
            }
            description = Optional.of(s.getString());
        }
        return Optional.of(new TxCodeRequest(length, description));
    }

    private static OptionalLong positiveSeconds(JsonValue value, String member) {
        if (value == null || value == JsonValue.NULL) {
            return OptionalLong.empty();
        }
        if (!(value instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().signum() <= 0
                || n.bigIntegerValue().bitLength() > 62) {
            throw invalid(member + " must be a positive integer number of seconds");
        }
        return OptionalLong.of(n.longValue());
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
