package org.openissuer.nonce.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.dpop.boundary.FreshDPoPNonce;
import org.openissuer.error.IssuerError;
import org.openissuer.input.BoundedBody;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.Jsonp;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;

// RFC 9449 §8.2: a server that requires DPoP nonces may hand them out with any response
@RequestScoped
@Path(Endpoints.NONCE)
@Audited(value = NonceResource.ENDPOINT, startsRequest = true)
@FreshDPoPNonce
public class NonceResource {

    static final String ENDPOINT = "nonce";
    // the body is ignored, but read no further than this: a huge one is refused, never buffered
    static final int MAX_BODY = 8 * 1024;

    private final Nonces nonces;
    private final RateLimits limits;
    private final RequestAudit audit;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public NonceResource() {
        this(null, null, null);
    }

    @Inject
    public NonceResource(Nonces nonces, RateLimits limits, RequestAudit audit) {
        this.nonces = nonces;
        this.limits = limits;
        this.audit = audit;
    }

    // OID4VCI 1.0 §7.1/§7.2: unauthenticated POST, any body ignored; the answer must not be cached
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(InputStream body) {
        limits.admit(Limited.NONCE_PER_ADDRESS, audit.context().clientAddress().orElse(null));
        BoundedBody.bytes(body, MAX_BODY, IssuerError.INVALID_REQUEST);
        // from here on the request is admitted: a failure to issue is a fault, not a refusal on record
        audit.close();
        String nonce = Jsonp.PROVIDER.createObjectBuilder().add("c_nonce", nonces.issue().value()).build().toString();
        return Response.ok(nonce, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
