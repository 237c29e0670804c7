package org.openissuer.token.control;

import java.util.Locale;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/** Reads the access token from an Authorization header (RFC 6750 §2.1). */
public final class BearerTokens {

    private static final String BEARER = "bearer ";

    private BearerTokens() {
    }

    public static String extract(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "an access token is required (Authorization: Bearer)");
        }
        // RFC 9110 §11.1: the scheme is case-insensitive
        if (!authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "the Authorization header must use the Bearer scheme");
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty() || token.contains(" ")) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "malformed Bearer credentials");
        }
        return token;
    }
}
