package org.openissuer.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.boundary.RequestAuditFilter;
import org.openissuer.metrics.control.IssuerMetrics;

/**
 * Times every audited resource method (the wallet and back-office endpoints), labelled with its
 * audit endpoint name: the histograms are found here, once per method at start-up, so a request
 * costs two clock reads and two adder increments.
 */
@Provider
@ApplicationScoped
public class LatencyFeature implements DynamicFeature {

    private final IssuerMetrics metrics;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public LatencyFeature() {
        this.metrics = null;
    }

    @Inject
    public LatencyFeature(IssuerMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Audited audited = RequestAuditFilter.audited(resource.getResourceMethod(), resource.getResourceClass());
        if (audited != null) {
            context.register(new LatencyFilter(metrics.latency(audited.value(), true),
                    metrics.latency(audited.value(), false)));
        }
    }
}
