package org.openissuer.keys.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.platform.Endpoints;

/**
 * The trust anchor (IACA root) of the credential signing key's certificate chain, for verifiers
 * to add to their trust lists: the configured one, or the generated development root.
 */
@RequestScoped
@Path(Endpoints.CERTIFICATES)
public class CertificatesResource {

    public static final String PEM = "application/x-pem-file";
    private static final CacheControl PUBLIC_FOR_AN_HOUR = CacheControl.valueOf("public, max-age=3600");

    private final IssuerKeys keys;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public CertificatesResource() {
        this(null);
    }

    @Inject
    public CertificatesResource(IssuerKeys keys) {
        this.keys = keys;
    }

    @GET
    @Path("iaca.pem")
    @Produces(PEM)
    public Response iaca() {
        String pem = keys.trustAnchorPem().orElseThrow(
                () -> new IssuerException(IssuerError.NOT_FOUND, "no trust anchor configured"));
        return Response.ok(pem, PEM).cacheControl(PUBLIC_FOR_AN_HOUR).build(); // platform/CorsFilter: any origin
    }
}
