package org.openissuer.metadata.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.metadata.control.PublishedMetadata;

/**
 * OID4VCI 1.0 §12.2.2 inserts the well-known segment between host and issuer path
 * ({@code /.well-known/openid-credential-issuer/tenant}); draft 13 appended it to the issuer
 * ({@code /tenant/.well-known/openid-credential-issuer}, see {@link AppendedWellKnownResource}).
 * CORS headers come from the one CORS filter (platform/CorsFilter).
 */
@RequestScoped
@Path("/.well-known")
@Produces(MediaType.APPLICATION_JSON)
public class WellKnownResource {

    static final CacheControl PUBLIC_FOR_AN_HOUR = CacheControl.valueOf("public, max-age=3600");
    // §12.2.2: a wallet may ask for the signed form; without signed metadata the issuer answers JSON
    static final String SIGNED = "application/jwt";

    @Inject
    PublishedMetadata metadata;

    @Context
    HttpHeaders headers;

    @GET
    @Path("openid-credential-issuer")
    @Produces({MediaType.APPLICATION_JSON, SIGNED})
    public Response issuerMetadata() {
        return localized(metadata, headers);
    }

    @GET
    @Path("openid-credential-issuer{issuerPath: /.+}")
    @Produces({MediaType.APPLICATION_JSON, SIGNED})
    public Response issuerMetadataWithPath(@PathParam("issuerPath") String issuerPath) {
        requireIssuerPath(metadata, issuerPath);
        return localized(metadata, headers);
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
        requireIssuerPath(metadata, issuerPath);
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
        requireIssuerPath(metadata, issuerPath);
        return json(metadata.authorizationServerMetadata());
    }

    static void requireIssuerPath(PublishedMetadata metadata, String issuerPath) {
        if (!issuerPath.equals(metadata.issuerPath())) {
            throw new IssuerException(IssuerError.NOT_FOUND, "no credential issuer with this path");
        }
    }

    // §12.2.2: display data in the Accept-Language's languages, named in Content-Language
    static Response localized(PublishedMetadata metadata, HttpHeaders headers) {
        String acceptLanguage = headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
        PublishedMetadata.Localized answer = metadata.issuerMetadata(acceptLanguage);
        Response.ResponseBuilder response = Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE)
                .cacheControl(PUBLIC_FOR_AN_HOUR).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
        answer.contentLanguage().ifPresent(l -> response.header(HttpHeaders.CONTENT_LANGUAGE, l));
        return response.build();
    }

    private static Response json(String body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).cacheControl(PUBLIC_FOR_AN_HOUR).build();
    }
}
