package org.openissuer.metrics.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.metrics.control.IssuerMetrics;
import org.openissuer.metrics.control.MetricFamilies;
import org.openissuer.metrics.control.MetricsSettings;
import org.openissuer.metrics.control.PrometheusText;
import org.openissuer.platform.Endpoints;

/** The issuer's metrics for Prometheus to scrape (docs/metrics.md); not for wallets, not audited. */
@ApplicationScoped
@Path(Endpoints.METRICS)
public class MetricsResource {

    private final IssuerMetrics metrics;
    private final MetricsSettings settings;
    private final Instance<MetricFamilies> more;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public MetricsResource() {
        this(null, null, null);
    }

    @Inject
    public MetricsResource(IssuerMetrics metrics, MetricsSettings settings, Instance<MetricFamilies> more) {
        this.metrics = metrics;
        this.settings = settings;
        this.more = more;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response scrape(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!settings.admits(authorization)) {
            // RFC 6750 §3.1: the mapper adds WWW-Authenticate: Bearer with the error
            throw new IssuerException(IssuerError.INVALID_TOKEN, "the metrics endpoint needs its bearer token");
        }
        return Response.ok(metrics.scrape(more)).type(PrometheusText.CONTENT_TYPE).build();
    }
}
