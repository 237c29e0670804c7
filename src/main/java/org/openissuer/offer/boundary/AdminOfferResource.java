package org.openissuer.offer.boundary;

import java.io.InputStream;
import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.admin.boundary.AdminAuthenticated;
import org.openissuer.admin.boundary.AdminAuthenticationFilter;
import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.control.CredentialOffers;
import org.openissuer.offer.control.OfferJson;
import org.openissuer.offer.entity.CreatedOffer;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.offer.entity.OfferRequest;
import org.openissuer.input.BoundedBody;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.RequestIds;

/** The back-office API: the organisation's systems create, inspect and revoke credential offers. */
@RequestScoped
@AdminAuthenticated
@Path(Endpoints.ADMIN_CREDENTIAL_OFFERS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOfferResource {

    static final int MAX_BODY = 64 * 1024;

    @Inject
    CredentialOffers offers;

    @Inject
    IssuerSettings settings;

    @Inject
    Refusals refusals;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    // no @Consumes: JAX-RS would answer a wrong content type with 415 before the filter has
    // authenticated the caller; an unauthenticated request gets 401 whatever its body
    @POST
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        AuditContext context = context();
        try {
            if (!isJson(contentType)) {
                throw new IssuerException(IssuerError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
            }
            CreatedOffer created = offers.create(OfferRequest.parse(BoundedBody.read(body, MAX_BODY)), context);
            return Response.created(URI.create(OfferJson.ADMIN_PATH.substring(1) + created.offer().id()))
                    .entity(OfferJson.created(settings.identifier().value(), created).toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build(); // it carries the code and tx_code
        } catch (IssuerException refused) {
            refusals.record(context, refused);
            throw refused;
        }
    }

    @GET
    @Path("{id}")
    public Response status(@PathParam("id") String id) {
        CredentialOffer offer = offers.byId(id).orElseThrow(() -> notFound(id));
        return Response.ok(OfferJson.status(offer, offers.now(), offers.issuedCredentials(id)).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        AuditContext context = context();
        try {
            offers.revoke(id, context);
            return Response.noContent().build();
        } catch (IssuerException refused) {
            refusals.record(context, refused);
            throw refused;
        }
    }

    private static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private AuditContext context() {
        AdminPrincipal principal = (AdminPrincipal) request.getAttribute(AdminPrincipal.PROPERTY);
        return AuditContext.of(RequestIds.of(request), AdminAuthenticationFilter.ENDPOINT, addresses.of(request))
                .withPrincipal(principal.name());
    }

    private static IssuerException notFound(String id) {
        return new IssuerException(IssuerError.NOT_FOUND, "no credential offer " + id);
    }
}
