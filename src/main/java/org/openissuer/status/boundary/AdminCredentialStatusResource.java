package org.openissuer.status.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedBody;
import org.openissuer.input.ContentTypes;
import org.openissuer.platform.Endpoints;
import org.openissuer.status.control.StatusAllocation;
import org.openissuer.status.control.StatusChanges;
import org.openissuer.status.entity.StatusChangeRequest;

/** The back office reads and changes credentials' statuses: revoke (final), suspend, reinstate. */
@RequestScoped
@AdminAuthenticated
@Audited(AdminCredentialStatusResource.ENDPOINT)
@Path(Endpoints.ADMIN_CREDENTIAL_STATUS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminCredentialStatusResource {

    static final String ENDPOINT = "admin_credential_status";
    static final int MAX_BODY = 16 * 1024;
    static final String JSON = "application/json";

    private final StatusChanges changes;
    private final StatusAllocation allocation;
    private final RequestAudit audit;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public AdminCredentialStatusResource() {
        this(null, null, null);
    }

    @Inject
    public AdminCredentialStatusResource(StatusChanges changes, StatusAllocation allocation, RequestAudit audit) {
        this.changes = changes;
        this.allocation = allocation;
        this.audit = audit;
    }

    @GET
    @Path("{credential_id}")
    public Response status(@PathParam("credential_id") String credentialId) {
        // a read changes nothing: its authentication is on record, not what it asked for
        audit.close();
        return changes.status(credentialId)
                .map(s -> Response.ok(StatusJson.status(s, allocation.uri(s.listId())).toString()))
                .orElseThrow(() -> new IssuerException(IssuerError.NOT_FOUND, "no credential with a status entry has this credential_id"))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    // no @Consumes, as for the offers: an unauthenticated request gets 401 whatever its body
    @POST
    public Response change(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        if (!ContentTypes.is(contentType, JSON)) {
            throw new IssuerException(IssuerError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
        }
        StatusChangeRequest parsed = StatusChangeRequest.parse(BoundedBody.read(body, MAX_BODY));
        return Response.ok(StatusJson.result(changes.change(parsed, audit.context())).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
