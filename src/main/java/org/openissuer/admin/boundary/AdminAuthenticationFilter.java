package org.openissuer.admin.boundary;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.admin.control.AdminSettings;
import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * Authenticates back-office calls with the organisation's identity provider tokens. Our own
 * filter, so 401 and 403 look the same on every server (WildFly ignores @RolesAllowed on plain
 * resources) and the wallets' Bearer tokens elsewhere are never claimed by the server's mpJwt.
 * A refusal is thrown, so the error mapper writes it and puts it on record (JAX-RS 3.1 §4.4: an
 * exception a filter throws is mapped like a resource method's); the resource must be @Audited.
 */
@Provider
@AdminAuthenticated
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    public static final String ENDPOINT = "admin_credential_offers";

    private final AdminSettings settings;
    private final RequestAudit audit;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public AdminAuthenticationFilter() {
        this(null, null);
    }

    @Inject
    public AdminAuthenticationFilter(AdminSettings settings, RequestAudit audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = token(request, settings);
        AdminPrincipal principal = settings.verifier()
                .orElseThrow(() -> new IssuerException(IssuerError.INVALID_TOKEN, "the admin API has no identity provider configured"))
                .verify(token);
        // every later row of the request names the caller
        audit.enrich(context -> context.withPrincipal(principal.name()));
    }

    /** The identity provider's token, where the settings say it travels; 401 without one. */
    static String token(ContainerRequestContext request, AdminSettings settings) {
        String header = settings.tokenHeader();
        String token;
        if ("Cookie".equalsIgnoreCase(header)) {
            Cookie cookie = request.getCookies().get(settings.tokenCookie());
            token = cookie == null ? null : cookie.getValue();
        } else if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(header)) {
            // RFC 6750 §2.1: the scheme is case-insensitive
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            token = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")
                    ? authorization.substring(7).strip() : null;
        } else {
            token = request.getHeaderString(header);
        }
        if (token == null || token.isBlank()) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "a Bearer token of the identity provider is required");
        }
        return token;
    }
}
