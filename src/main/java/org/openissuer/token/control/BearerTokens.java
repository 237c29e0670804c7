package org.openissuer.token.control;

import java.util.Locale;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/** Reads the access token from an Authorization header (RFC 6750 §2.1). */
public final class BearerTokens {

    private static final String BEARER = "bearer ";
    private static final String DPOP = "dpop ";

    private BearerTokens() {
    }

    /** The token and whether it came with the DPoP scheme (RFC 9449 §7.1) rather than Bearer. */
    public record Presented(String token, boolean dpop) {
    }

    public static Presented parse(String authorization) {
        if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(DPOP)) {
            String token = authorization.substring(DPOP.length()).strip();
            if (token.isEmpty() || token.contains(" ")) {
                throw new IssuerException(IssuerError.INVALID_TOKEN, "malformed DPoP credentials");
            }
            return new Presented(token, true);
        }
        return new Presented(extract(authorization), false);
    }

    public static String extract(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "an access token is required");
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
