package org.openissuer.grant.boundary;

import java.io.InputStream;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.HeaderParam;
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
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.ErrorResponses;
import org.openissuer.error.IssuerException;
import org.openissuer.grant.control.PreAuthorizedCodes;
import org.openissuer.input.BoundedBody;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.RequestIds;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.token.entity.IssuedToken;
import org.openissuer.token.entity.TokenRequest;

/** The built-in authorization server's token endpoint (RFC 6749 §3.2, OID4VCI 1.0 §6). */
@RequestScoped
@Path(Endpoints.TOKEN)
public class TokenResource {

    static final String ENDPOINT = "token";
    static final int MAX_BODY = 8 * 1024;
    static final String DPOP = "DPoP";

    @Inject
    PreAuthorizedCodes codes;

    @Inject
    Refusals refusals;

    @Inject
    RateLimits limits;

    @Inject
    ClientAddresses addresses;

    @Inject
    DPoPChecks dpop;

    @Context
    HttpServletRequest request;

    // any content type is accepted here, so that a wrong one is an RFC 6749 invalid_request, not a 415
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers,
            InputStream body) {
        AuditContext context = AuditContext.of(RequestIds.of(request), ENDPOINT, addresses.of(request));
        try {
            limits.admit(Limited.TOKEN_PER_ADDRESS, context.clientAddress().orElse(null));
        } catch (IssuerException refused) {
            refusals.recordRequest(context, refused);
            throw refused;
        }
        TokenRequest parsed;
        Optional<DPoPProof> proof;
        try {
            parsed = TokenRequest.parse(contentType, BoundedBody.read(body, MAX_BODY));
            // RFC 9449 §5: a valid proof binds the token to its key
            proof = dpop.atTokenEndpoint(headers.getRequestHeader(DPOP));
        } catch (IssuerException refused) {
            refusals.record(context, refused);
            throw refused;
        }
        IssuedToken token = codes.exchange(parsed, context, proof.map(DPoPProof::thumbprint));
        // RFC 6749 §5.1: token responses must not be cached
        Response.ResponseBuilder response = Response.ok(token.toResponse().toString(), MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
        dpop.freshNonce().ifPresent(n -> response.header(ErrorResponses.DPOP_NONCE, n));
        return response.build();
    }
}
