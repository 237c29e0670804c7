package org.openissuer.admin.boundary;

import java.util.Locale;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.admin.control.AdminSettings;
import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.ErrorResponses;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.RequestIds;

/**
 * Authenticates back-office calls with the organisation's identity provider tokens. Our own
 * filter, so 401 and 403 look the same on every server (WildFly ignores @RolesAllowed on plain
 * resources) and the wallets' Bearer tokens elsewhere are never claimed by the server's mpJwt.
 */
@Provider
@AdminAuthenticated
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthenticationFilter implements ContainerRequestFilter {

    public static final String ENDPOINT = "admin_credential_offers";

    @Inject
    AdminSettings settings;

    @Inject
    Refusals refusals;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            String token = token(request);
            AdminPrincipal principal = settings.verifier()
                    .orElseThrow(() -> new IssuerException(IssuerError.INVALID_TOKEN, "the admin API has no identity provider configured"))
                    .verify(token);
            request.setProperty(AdminPrincipal.PROPERTY, principal);
        } catch (IssuerException refused) {
            refusals.record(AuditContext.of(RequestIds.of(request), ENDPOINT, addresses.of(servletRequest)), refused);
            request.abortWith(ErrorResponses.of(refused.error(), refused.description()));
        }
    }

    private String token(ContainerRequestContext request) {
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
