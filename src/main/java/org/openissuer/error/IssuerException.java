package org.openissuer.error;

import java.util.Objects;
import java.util.OptionalLong;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Thrown by control code; mapped to the wire by {@link IssuerErrorMapper}. */
public class IssuerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final IssuerError error;
    private final transient JsonObject extraMembers;
    private final long retryAfterSeconds;

    public IssuerException(IssuerError error, String description) {
        this(error, description, null, JsonValue.EMPTY_JSON_OBJECT, -1);
    }

    public IssuerException(IssuerError error, String description, Throwable cause) {
        this(error, description, cause, JsonValue.EMPTY_JSON_OBJECT, -1);
    }

    private IssuerException(IssuerError error, String description, Throwable cause, JsonObject extraMembers,
            long retryAfterSeconds) {
        super(description, cause);
        this.error = Objects.requireNonNull(error);
        this.extraMembers = extraMembers;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The same error with more members in the body, e.g. draft 13's fresh c_nonce (§7.3.2). */
    public IssuerException withMembers(JsonObject members) {
        IssuerException copy = new IssuerException(error, getMessage(), getCause(), members, retryAfterSeconds);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    public static IssuerException retryAfter(IssuerError error, String description, long seconds) {
        return new IssuerException(error, description, null, JsonValue.EMPTY_JSON_OBJECT, seconds);
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
