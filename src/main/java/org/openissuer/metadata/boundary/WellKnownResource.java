package org.openissuer.metadata.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.metadata.control.PublishedMetadata;

/**
 * OID4VCI 1.0 §12.2.2 inserts the well-known segment between host and issuer path
 * ({@code /.well-known/openid-credential-issuer/tenant}); draft 13 appended it to the issuer
 * ({@code /tenant/.well-known/openid-credential-issuer}), which a reverse proxy that maps
 * {@code /tenant} onto this application turns into the bare path. Both are served.
 */
@RequestScoped
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    private static final CacheControl PUBLIC_FOR_AN_HOUR = CacheControl.valueOf("public, max-age=3600");

    @Inject
    PublishedMetadata metadata;

    @GET
    @Path("openid-credential-issuer")
    public Response issuerMetadata() {
        return json(metadata.issuerMetadata());
    }

    @GET
    @Path("openid-credential-issuer{issuerPath: /.+}")
    public Response issuerMetadataWithPath(@PathParam("issuerPath") String issuerPath) {
        requireIssuerPath(issuerPath);
        return json(metadata.issuerMetadata());
    }

    @GET
    @Path("jwt-vc-issuer")
    public Response jwtVcIssuer() {
        return json(metadata.jwtVcIssuerMetadata());
    }

    // SD-JWT VC §4.1: the same insertion rule as RFC 8414
    @GET
    @Path("jwt-vc-issuer{issuerPath: /.+}")
    public Response jwtVcIssuerWithPath(@PathParam("issuerPath") String issuerPath) {
        requireIssuerPath(issuerPath);
        return json(metadata.jwtVcIssuerMetadata());
    }

    // RFC 8414 §3: the built-in authorization server has the issuer's identifier
    @GET
    @Path("oauth-authorization-server")
    public Response authorizationServer() {
        return json(metadata.authorizationServerMetadata());
    }

    @GET
    @Path("oauth-authorization-server{issuerPath: /.+}")
    public Response authorizationServerWithPath(@PathParam("issuerPath") String issuerPath) {
        requireIssuerPath(issuerPath);
        return json(metadata.authorizationServerMetadata());
    }

    private void requireIssuerPath(String issuerPath) {
        if (!issuerPath.equals(metadata.issuerPath())) {
            throw new IssuerException(IssuerError.NOT_FOUND, "no credential issuer with this path");
        }
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).cacheControl(PUBLIC_FOR_AN_HOUR)
                .header("Access-Control-Allow-Origin", "*").build();
    }
}
