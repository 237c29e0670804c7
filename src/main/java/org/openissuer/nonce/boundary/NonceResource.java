package org.openissuer.nonce.boundary;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.error.ErrorResponses;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.Jsonp;
import org.openissuer.platform.RequestIds;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;

@RequestScoped
@Path(Endpoints.NONCE)
public class NonceResource {

    static final String ENDPOINT = "nonce";
    // the body is ignored, but read no further than this: a huge one is refused, never buffered
    static final int MAX_BODY = 8 * 1024;

    @Inject
    Nonces nonces;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Inject
    Refusals refusals;

    @Context
    HttpServletRequest http;

    @Inject
    DPoPChecks dpop;

    // OID4VCI 1.0 §7.1/§7.2: unauthenticated POST, any body ignored; the answer must not be cached
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(InputStream body) {
        AuditContext context = AuditContext.of(RequestIds.of(http), ENDPOINT, addresses.of(http));
        try {
            limits.admit(Limited.NONCE_PER_ADDRESS, context.clientAddress().orElse(null));
            skipBounded(body);
        } catch (IssuerException refused) {
            refusals.recordRequest(context, refused);
            throw refused;
        }
        String nonce = Jsonp.PROVIDER.createObjectBuilder().add("c_nonce", nonces.issue().value()).build().toString();
        Response.ResponseBuilder response = Response.ok(nonce, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        // RFC 9449 §8.2: a server that requires DPoP nonces may hand them out with any response
        dpop.freshNonce().ifPresent(n -> response.header(ErrorResponses.DPOP_NONCE, n));
        return response.build();
    }

    private static void skipBounded(InputStream body) {
        try {
            if (body != null && body.readNBytes(MAX_BODY + 1).length > MAX_BODY) {
                throw new IssuerException(IssuerError.INVALID_REQUEST, "the request body is larger than " + MAX_BODY + " bytes");
            }
        } catch (IOException e) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "the request body could not be read");
        }
    }
}
