package org.openissuer.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.platform.Jsonp;

/**
 * Writes the OID4VCI / RFC 6749 error envelope {@code {error, error_description}} and its headers:
 * the one writer, for JAX-RS answers and the servlet error page alike.
 */
public final class ErrorResponses {

    public static final String DPOP_NONCE = "DPoP-Nonce";
    private static final int MAX_DESCRIPTION = 300;
    private static final String NO_STORE = "no-store";

    private ErrorResponses() {
    }

    /** The exception's error with everything it carries: members, challenge, DPoP-Nonce, Retry-After. */
    public static Response of(IssuerException exception) {
        Response.ResponseBuilder response = Response.fromResponse(of(exception.error(), exception.description(),
                exception.extraMembers(), exception.challenge()));
        // RFC 9449 §8, §9: the nonce the client puts in its next proof
        exception.dpopNonce().ifPresent(nonce -> response.header(DPOP_NONCE, nonce));
        // RFC 9110 §10.2.3
        exception.retryAfterSeconds().ifPresent(seconds -> response.header(HttpHeaders.RETRY_AFTER, Math.max(1, seconds)));
        return response.build();
    }

    /**
     * For the container's error page, outside JAX-RS: the envelope of {@code error} with the status
     * the container chose, which need not be the error's own (e.g. 413 or 400 for a malformed request).
     */
    public static void write(HttpServletResponse response, int status, IssuerError error) throws IOException {
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CACHE_CONTROL, NO_STORE);
        response.getWriter().write(body(error, "", JsonValue.EMPTY_JSON_OBJECT));
    }

    public static Response of(IssuerError error, String description) {
        return of(error, description, JsonValue.EMPTY_JSON_OBJECT);
    }

    /** With members beyond error and error_description (never overriding them). */
    public static Response of(IssuerError error, String description, JsonObject extraMembers) {
        return of(error, description, extraMembers, Optional.empty());
    }

    /** @param scheme the resource server's challenge scheme; empty for the error's default (Bearer or none) */
    public static Response of(IssuerError error, String description, JsonObject extraMembers, Optional<Challenge> scheme) {
        String safe = sanitize(description);
        // a switch expression: a new IssuerError that is not placed here does not compile
        String challenge = switch (error) {
            // RFC 6750 §3: token errors name the scheme and the error in WWW-Authenticate
            case INVALID_TOKEN, INSUFFICIENT_SCOPE -> scheme.orElse(Challenge.BEARER).header(error.code(), safe);
            // RFC 9449 §7.1, §9: at a resource server a 401 with a DPoP challenge; at the token endpoint a plain 400 (§5)
            case INVALID_DPOP_PROOF, USE_DPOP_NONCE -> scheme.map(s -> s.header(error.code(), safe)).orElse(null);
            // Retry-After and Allow are added by the callers that know them
            case INVALID_REQUEST, INVALID_GRANT, UNSUPPORTED_GRANT_TYPE, INVALID_CREDENTIAL_REQUEST, UNKNOWN_CREDENTIAL_CONFIGURATION,
                    UNKNOWN_CREDENTIAL_IDENTIFIER, INVALID_PROOF, INVALID_NONCE, INVALID_ENCRYPTION_PARAMETERS,
                    CREDENTIAL_REQUEST_DENIED, INVALID_TRANSACTION_ID, ISSUANCE_PENDING, INVALID_NOTIFICATION_ID, INVALID_NOTIFICATION_REQUEST,
                    UNSUPPORTED_CREDENTIAL_TYPE, UNSUPPORTED_CREDENTIAL_FORMAT,
                    ACCESS_DENIED, NOT_FOUND, METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, CONFLICT, UNSUPPORTED_MEDIA_TYPE,
                    TEMPORARILY_UNAVAILABLE, SERVICE_UNAVAILABLE, SERVER_ERROR -> null;
        };
        int status = challenge != null && (error == IssuerError.INVALID_DPOP_PROOF || error == IssuerError.USE_DPOP_NONCE)
                ? 401 : error.status();
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .entity(body(error, safe, extraMembers));
        if (challenge != null) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response.build();
    }

    private static String body(IssuerError error, String safeDescription, JsonObject extraMembers) {
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder();
        extraMembers.forEach(body::add);
        body.add("error", error.code());
        if (!safeDescription.isEmpty()) {
            body.add("error_description", safeDescription);
        } else {
            body.remove("error_description");
        }
        return body.build().toString();
    }

    /**
     * OID4VCI 1.0 §8.3.1.2 / RFC 6749 §5.2: error_description is printable ASCII without
     * '"' and '\'. It is also echoed inside WWW-Authenticate, so nothing may break out of the quotes.
     */
    static String sanitize(String description) {
        if (description == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(description.length(), MAX_DESCRIPTION));
        for (int i = 0; i < description.length() && out.length() < MAX_DESCRIPTION; i++) {
            char c = description.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\'');
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString().trim();
    }
}
