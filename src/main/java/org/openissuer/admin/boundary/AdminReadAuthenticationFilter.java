package org.openissuer.admin.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.admin.control.AdminSettings;
import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * Authenticates read-only back-office calls as {@link AdminAuthenticationFilter} does (same token,
 * same 401 and 403), accepting the auditors' group beside the admin group.
 */
@Provider
@AdminReadAuthenticated
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class AdminReadAuthenticationFilter implements ContainerRequestFilter {

    private final AdminSettings settings;
    private final RequestAudit audit;

    /** For the CDI proxy only; public for RESTEasy (see AdminAuthenticationFilter). */
    public AdminReadAuthenticationFilter() {
        this(null, null);
    }

    @Inject
    public AdminReadAuthenticationFilter(AdminSettings settings, RequestAudit audit) {
        this.settings = settings;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = AdminAuthenticationFilter.token(request, settings);
        AdminPrincipal principal = settings.verifier()
                .orElseThrow(() -> new IssuerException(IssuerError.INVALID_TOKEN, "the admin API has no identity provider configured"))
                .verifyReader(token, settings.auditorGroup());
        audit.enrich(context -> context.withPrincipal(principal.name()));
    }
}
