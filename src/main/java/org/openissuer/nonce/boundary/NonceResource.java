package org.openissuer.nonce.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.error.ErrorResponses;
import org.openissuer.nonce.control.Nonces;

@RequestScoped
@Path("/oid4vci/nonce")
public class NonceResource {

    @Inject
    Nonces nonces;

    @Inject
    DPoPChecks dpop;

    // OID4VCI 1.0 §7.1/§7.2: unauthenticated POST, any body ignored; the answer must not be cached
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue() {
        String body = Json.createObjectBuilder().add("c_nonce", nonces.issue().value()).build().toString();
        Response.ResponseBuilder response = Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        // RFC 9449 §8.2: a server that requires DPoP nonces may hand them out with any response
        dpop.freshNonce().ifPresent(n -> response.header(ErrorResponses.DPOP_NONCE, n));
        return response.build();
    }
}
