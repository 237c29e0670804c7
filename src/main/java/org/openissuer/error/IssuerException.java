package org.openissuer.error;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Thrown by control code; mapped to the wire by {@link IssuerErrorMapper}. */
public class IssuerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final IssuerError error;
    private final transient JsonObject extraMembers;
    private final long retryAfterSeconds;
    private final transient Challenge challenge;
    private final String dpopNonce;

    public IssuerException(IssuerError error, String description) {
        this(error, description, null, JsonValue.EMPTY_JSON_OBJECT, -1, null, null);
    }

    public IssuerException(IssuerError error, String description, Throwable cause) {
        this(error, description, cause, JsonValue.EMPTY_JSON_OBJECT, -1, null, null);
    }

    private IssuerException(IssuerError error, String description, Throwable cause, JsonObject extraMembers,
            long retryAfterSeconds, Challenge challenge, String dpopNonce) {
        super(description, cause);
        this.error = Objects.requireNonNull(error);
        this.extraMembers = extraMembers;
        this.retryAfterSeconds = retryAfterSeconds;
        this.challenge = challenge;
        this.dpopNonce = dpopNonce;
    }

    /** The same error with more members in the body, e.g. draft 13's fresh c_nonce (§7.3.2). */
    public IssuerException withMembers(JsonObject members) {
        return copy(members, challenge, dpopNonce);
    }

    /**
     * The same error answered by a resource server that authenticates with this scheme
     * (RFC 9449 §7.1: DPoP when the request used DPoP or the token is DPoP-bound).
     */
    public IssuerException withChallenge(Challenge scheme) {
        return copy(extraMembers, scheme, dpopNonce);
    }

    /** The same error with a DPoP-Nonce header for the client's next proof (RFC 9449 §8, §9). */
    public IssuerException withDPoPNonce(String nonce) {
        return copy(extraMembers, challenge, nonce);
    }

    private IssuerException copy(JsonObject members, Challenge scheme, String nonce) {
        IssuerException copy = new IssuerException(error, getMessage(), getCause(), members, retryAfterSeconds, scheme, nonce);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public static IssuerException retryAfter(IssuerError error, String description, long seconds) {
        return new IssuerException(error, description, null, JsonValue.EMPTY_JSON_OBJECT, seconds, null, null);
    }

    /** The WWW-Authenticate scheme set by the resource server; empty: the error's default. */
    public Optional<Challenge> challenge() {
        return Optional.ofNullable(challenge);
    }

    public Optional<String> dpopNonce() {
        return Optional.ofNullable(dpopNonce);
    }

    public IssuerError error() {
        return error;
    }

    public String description() {
        return getMessage();
    }

    public JsonObject extraMembers() {
        return extraMembers == null ? JsonValue.EMPTY_JSON_OBJECT : extraMembers;
    }

    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
