package org.openissuer.offer.boundary;

import java.io.InputStream;
import java.net.URI;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.admin.boundary.AdminAuthenticated;
import org.openissuer.admin.boundary.AdminAuthenticationFilter;
import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedBody;
import org.openissuer.input.ContentTypes;
import org.openissuer.offer.control.CredentialOffers;
import org.openissuer.offer.control.OfferJson;
import org.openissuer.offer.entity.CreatedOffer;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.offer.entity.OfferRequest;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;

/** The back-office API: the organisation's systems create, inspect and revoke credential offers. */
@RequestScoped
@AdminAuthenticated
@Audited(AdminAuthenticationFilter.ENDPOINT)
@Path(Endpoints.ADMIN_CREDENTIAL_OFFERS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminOfferResource {

    static final int MAX_BODY = 64 * 1024;
    static final String JSON = "application/json";

    private final CredentialOffers offers;
    private final IssuerSettings settings;
    private final RequestAudit audit;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public AdminOfferResource() {
        this(null, null, null);
    }

    @Inject
    public AdminOfferResource(CredentialOffers offers, IssuerSettings settings, RequestAudit audit) {
        this.offers = offers;
        this.settings = settings;
        this.audit = audit;
    }

    // no @Consumes: JAX-RS would answer a wrong content type with 415 before the filter has
    // authenticated the caller; an unauthenticated request gets 401 whatever its body
    @POST
    public Response create(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        if (!ContentTypes.is(contentType, JSON)) {
            throw new IssuerException(IssuerError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
        }
        CreatedOffer created = offers.create(OfferRequest.parse(BoundedBody.read(body, MAX_BODY)), audit.context());
        return Response.created(URI.create(OfferJson.ADMIN_PATH.substring(1) + created.offer().id()))
                .entity(OfferJson.created(settings.identifier().value(), created).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build(); // it carries the code and tx_code
    }

    @GET
    @Path("{id}")
    public Response status(@PathParam("id") String id) {
        // a read changes nothing: its authentication is on record, not what it asked for
        audit.close();
        CredentialOffer offer = offers.byId(id).orElseThrow(() -> notFound(id));
        return Response.ok(OfferJson.status(offer, offers.now(), offers.issuedCredentials(id)).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        offers.revoke(id, audit.context());
        return Response.noContent().build();
    }

    private static IssuerException notFound(String id) {
        return new IssuerException(IssuerError.NOT_FOUND, "no credential offer " + id);
    }
}
