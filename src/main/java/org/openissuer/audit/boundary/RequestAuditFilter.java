package org.openissuer.audit.boundary;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.RequestIds;

/**
 * Opens the audit context of a request to an {@link Audited} resource, before any authentication:
 * request id, endpoint and client address are computed here once, for every row of the request.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION - 10)
public class RequestAuditFilter implements ContainerRequestFilter {

    private final RequestAudit audit;
    private final ClientAddresses addresses;

    @Context
    HttpServletRequest http;

    @Context
    ResourceInfo resource;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public RequestAuditFilter() {
        this.audit = null;
        this.addresses = null;
    }

    @Inject
    public RequestAuditFilter(RequestAudit audit, ClientAddresses addresses) {
        this.audit = audit;
        this.addresses = addresses;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Audited audited = audited(resource.getResourceMethod(), resource.getResourceClass());
        if (audited != null) {
            audit.begin(AuditContext.of(RequestIds.of(request), audited.value(), addresses.of(http)),
                    audited.startsRequest(), audited.faults());
        }
    }

    /** The method's, its declaring class's or the resource class's {@link Audited}; null when none. */
    public static Audited audited(Method method, Class<?> resourceClass) {
        Audited onMethod = method == null ? null : method.getAnnotation(Audited.class);
        if (onMethod != null) {
            return onMethod;
        }
        Audited onClass = method == null ? null : method.getDeclaringClass().getAnnotation(Audited.class);
        return onClass != null || resourceClass == null ? onClass : resourceClass.getAnnotation(Audited.class);
    }
}
