package org.openissuer.grant.boundary;

import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.dpop.boundary.FreshDPoPNonce;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.grant.control.PreAuthorizedCodes;
import org.openissuer.input.BoundedBody;
import org.openissuer.platform.Endpoints;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.token.entity.IssuedToken;
import org.openissuer.token.entity.TokenRequest;

/** The built-in authorization server's token endpoint (RFC 6749 §3.2, OID4VCI 1.0 §6). */
@RequestScoped
@Path(Endpoints.TOKEN)
@Audited(TokenResource.ENDPOINT)
@FreshDPoPNonce
public class TokenResource {

    static final String ENDPOINT = "token";
    static final int MAX_BODY = 8 * 1024;
    static final String DPOP = "DPoP";

    private final PreAuthorizedCodes codes;
    private final RequestAudit audit;
    private final RateLimits limits;
    private final DPoPChecks dpop;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public TokenResource() {
        this(null, null, null, null);
    }

    @Inject
    public TokenResource(PreAuthorizedCodes codes, RequestAudit audit, RateLimits limits, DPoPChecks dpop) {
        this.codes = codes;
        this.audit = audit;
        this.limits = limits;
        this.dpop = dpop;
    }

    // any content type is accepted here, so that a wrong one is an RFC 6749 invalid_request, not a 415
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers,
            InputStream body) {
        limits.admit(Limited.TOKEN_PER_ADDRESS, audit.context().clientAddress().orElse(null));
        TokenRequest parsed = TokenRequest.parse(contentType, BoundedBody.read(body, MAX_BODY));
        // RFC 9449 §5: a valid proof binds the token to its key
        Optional<DPoPProof> proof = dpop.atTokenEndpoint(headers.getRequestHeader(DPOP));
        IssuedToken token = codes.exchange(parsed, proof.map(DPoPProof::thumbprint));
        // RFC 6749 §5.1: token responses must not be cached
        return Response.ok(token.toResponse().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }
}
