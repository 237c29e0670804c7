package org.openissuer.metadata.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.metadata.control.PublishedMetadata;

/**
 * Draft 13 and 15 §11.2.2: the metadata is at the issuer identifier with
 * {@code /.well-known/openid-credential-issuer} appended, so an issuer with a path is also
 * asked at {@code /tenant/.well-known/openid-credential-issuer}.
 */
@RequestScoped
@Path("{issuerPath: .+}/.well-known/openid-credential-issuer")
public class AppendedWellKnownResource {

    @Inject
    PublishedMetadata metadata;

    @Context
    HttpHeaders headers;

    @GET
    @Produces({MediaType.APPLICATION_JSON, WellKnownResource.SIGNED})
    public Response issuerMetadata(@PathParam("issuerPath") String issuerPath) {
        WellKnownResource.requireIssuerPath(metadata, "/" + issuerPath);
        return WellKnownResource.localized(metadata, headers);
    }
}
