package org.openissuer.token.entity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.ContentTypes;

/** A token request of the pre-authorized code grant (OID4VCI 1.0 §6.1), parsed from its form body. */
public record TokenRequest(String preAuthorizedCode, Optional<String> txCode) {

    public static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    static final String FORM = "application/x-www-form-urlencoded";

    public static TokenRequest parse(String contentType, String body) {
        // RFC 6749 §4.1.3 / §3.2: the parameters come form-encoded in the body
        if (!ContentTypes.is(contentType, FORM)) {
            throw invalid("the token request must be " + FORM);
        }
        Map<String, String> form = form(body);
        String grantType = form.get("grant_type");
        if (grantType == null) {
            throw invalid("grant_type is missing");
        }
        if (!PRE_AUTHORIZED_GRANT.equals(grantType)) {
            throw new IssuerException(IssuerError.UNSUPPORTED_GRANT_TYPE, "this authorization server supports only the "
                    + PRE_AUTHORIZED_GRANT + " grant");
        }
        String code = form.get("pre-authorized_code");
        if (code == null) {
            throw invalid("pre-authorized_code is missing");
        }
        return new TokenRequest(code, Optional.ofNullable(form.get("tx_code")));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            // RFC 6749 §3.1: a parameter sent without a value is treated as omitted
            if (value.isEmpty()) {
                continue;
            }
            // §3.1: request parameters must not be included more than once
            if (form.put(name, value) != null) {
                throw invalid(name.length() <= 40 ? name + " is repeated" : "a parameter is repeated");
            }
        }
        return form;
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("the form body is malformed");
        }
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
