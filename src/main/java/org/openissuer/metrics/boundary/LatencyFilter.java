package org.openissuer.metrics.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

import org.openissuer.metrics.control.LatencyHistogram;

/**
 * Measures one resource method's requests from before authentication to the answer (an error
 * mapped to its response included); registered per method by {@link LatencyFeature}.
 */
@Priority(Priorities.AUTHENTICATION - 20)
class LatencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = LatencyFilter.class.getName() + ".started";

    private final LatencyHistogram ok;
    private final LatencyHistogram error;

    LatencyFilter(LatencyHistogram ok, LatencyHistogram error) {
        this.ok = ok;
        this.error = error;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            (response.getStatus() < 400 ? ok : error).observeNanos(System.nanoTime() - started);
        }
    }
}
