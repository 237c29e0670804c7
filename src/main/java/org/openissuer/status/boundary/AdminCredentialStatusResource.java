package org.openissuer.status.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import org.openissuer.admin.entity.AdminPrincipal;
import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedBody;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.RequestIds;
import org.openissuer.status.control.StatusAllocation;
import org.openissuer.status.control.StatusChanges;
import org.openissuer.status.entity.StatusChangeRequest;

/** The back office reads and changes credentials' statuses: revoke (final), suspend, reinstate. */
@RequestScoped
@AdminAuthenticated
@Path(Endpoints.ADMIN_CREDENTIAL_STATUS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminCredentialStatusResource {

    static final String ENDPOINT = "admin_credential_status";
    static final int MAX_BODY = 16 * 1024;

    private final StatusChanges changes;
    private final StatusAllocation allocation;
    private final Refusals refusals;
    private final ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public AdminCredentialStatusResource() {
        this(null, null, null, null);
    }

    @Inject
    public AdminCredentialStatusResource(StatusChanges changes, StatusAllocation allocation, Refusals refusals,
            ClientAddresses addresses) {
        this.changes = changes;
        this.allocation = allocation;
        this.refusals = refusals;
        this.addresses = addresses;
    }

    @GET
    @Path("{credential_id}")
    public Response status(@PathParam("credential_id") String credentialId) {
        return changes.status(credentialId)
                .map(s -> Response.ok(StatusJson.status(s, allocation.uri(s.listId())).toString()))
                .orElseThrow(() -> new IssuerException(IssuerError.NOT_FOUND, "no credential with a status entry has this credential_id"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    // no @Consumes, as for the offers: an unauthenticated request gets 401 whatever its body
    @POST
    public Response change(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        AuditContext context = context();
        try {
            if (!isJson(contentType)) {
                throw new IssuerException(IssuerError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
            }
            StatusChangeRequest parsed = StatusChangeRequest.parse(BoundedBody.read(body, MAX_BODY));
            return Response.ok(StatusJson.result(changes.change(parsed, context)).toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
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
        return AuditContext.of(RequestIds.of(request), ENDPOINT, addresses.of(request)).withPrincipal(principal.name());
    }
}
