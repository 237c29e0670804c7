package org.openissuer.platform;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/** The id that ties a request's log lines, audit rows and X-Request-Id response header together. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    static final String PROPERTY = RequestIds.class.getName();
    // A caller-supplied id is kept only when it cannot smuggle anything into logs or headers
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }

    /**
     * @param trustedProxy whether a reverse proxy the operator trusts sets the header
     *        (issuer.rate-limit.trust-forwarded-for); a client's own id never names an audit row
     */
    static String accept(String supplied, boolean trustedProxy) {
        return trustedProxy && supplied != null && SAFE.matcher(supplied).matches() ? supplied : generate();
    }

    /** The current request's id, from outside the JAX-RS filter chain (e.g. exception mappers). */
    public static String of(HttpServletRequest request) {
        Object id = request == null ? null : request.getAttribute(PROPERTY);
        return id instanceof String s ? s : generate();
    }

    public static String of(ContainerRequestContext request) {
        Object id = request.getProperty(PROPERTY);
        if (id instanceof String s) {
            return s;
        }
        String fresh = generate();
        request.setProperty(PROPERTY, fresh);
        return fresh;
    }
}
