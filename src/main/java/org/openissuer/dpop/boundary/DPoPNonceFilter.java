package org.openissuer.dpop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.error.ErrorResponses;

/**
 * RFC 9449 §8.2: a server that requires DPoP nonces may hand the next one out with any response;
 * the successful ones of the token, credential and nonce endpoints carry it. An error that asks for
 * a nonce (use_dpop_nonce) carries its own, set by the error writer.
 */
@Provider
@FreshDPoPNonce
@ApplicationScoped
public class DPoPNonceFilter implements ContainerResponseFilter {

    private final DPoPChecks dpop;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public DPoPNonceFilter() {
        this.dpop = null;
    }

    @Inject
    public DPoPNonceFilter(DPoPChecks dpop) {
        this.dpop = dpop;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatusInfo().getFamily() == Response.Status.Family.SUCCESSFUL) {
            dpop.freshNonce().ifPresent(nonce -> response.getHeaders().putSingle(ErrorResponses.DPOP_NONCE, nonce));
        }
    }
}
