package org.openissuer.metadata.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import org.openissuer.metadata.control.PublishedMetadata;
import org.openissuer.platform.Endpoints;

/** RFC 8414 jwks_uri: the public keys that verify the built-in authorization server's access tokens. */
@RequestScoped
@Path(Endpoints.JWKS)
public class JwksResource {

    private static final CacheControl PUBLIC_FOR_AN_HOUR = CacheControl.valueOf("public, max-age=3600");

    @Inject
    PublishedMetadata metadata;

    @GET
    @Produces({"application/jwk-set+json", "application/json"})
    public Response keys() {
        return Response.ok(metadata.authorizationServerJwks()).cacheControl(PUBLIC_FOR_AN_HOUR)
                .header("Access-Control-Allow-Origin", "*").build();
    }
}
