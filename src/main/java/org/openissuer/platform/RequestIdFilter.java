package org.openissuer.platform;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    // the setting that also decides whether X-Forwarded-For is believed: only a trusted proxy names requests
    @Inject
    @ConfigProperty(name = ClientAddresses.TRUST_FORWARDED_FOR)
    boolean trustedProxy;

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(RequestIds.PROPERTY, RequestIds.accept(request.getHeaderString(RequestIds.HEADER), trustedProxy));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle(RequestIds.HEADER, RequestIds.of(request));
    }
}
