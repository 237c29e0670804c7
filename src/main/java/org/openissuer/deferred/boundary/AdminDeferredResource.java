package org.openissuer.deferred.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.admin.boundary.AdminAuthenticated;
import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.deferred.control.DeferredApprovals;
import org.openissuer.deferred.entity.ApprovalRequest;
import org.openissuer.deferred.entity.PendingFilter;
import org.openissuer.deferred.entity.RejectionRequest;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedBody;
import org.openissuer.input.ContentTypes;
import org.openissuer.platform.Endpoints;

/** The back office lists pending deferred transactions and approves or rejects them. */
@RequestScoped
@AdminAuthenticated
@Audited(AdminDeferredResource.ENDPOINT)
@Path(Endpoints.ADMIN_DEFERRED_CREDENTIALS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminDeferredResource {

    static final String ENDPOINT = "admin_deferred_credentials";
    // the final claims of one credential, as for an offer
    static final int MAX_BODY = 64 * 1024;
    static final String JSON = "application/json";

    private final DeferredApprovals approvals;
    private final RequestAudit audit;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public AdminDeferredResource() {
        this(null, null);
    }

    @Inject
    public AdminDeferredResource(DeferredApprovals approvals, RequestAudit audit) {
        this.approvals = approvals;
        this.audit = audit;
    }

    @GET
    public Response pending(@QueryParam("credential_configuration_id") String configurationId,
            @QueryParam("older_than_seconds") String olderThan, @QueryParam("limit") String limit) {
        PendingFilter filter = PendingFilter.parse(configurationId, olderThan, limit);
        // a read changes nothing: its authentication is on record, not what it asked for
        audit.close();
        return Response.ok(DeferredJson.list(approvals.pending(filter)).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    // no @Consumes, as for the offers: an unauthenticated request gets 401 whatever its body
    @POST
    @Path("{id}/approve")
    public Response approve(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        String text = BoundedBody.read(body, MAX_BODY);
        if (!text.isBlank()) {
            requireJson(contentType);
        }
        return Response.ok(DeferredJson.transaction(approvals.approve(id, ApprovalRequest.parse(text), audit.context()))
                .toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @POST
    @Path("{id}/reject")
    public Response reject(@PathParam("id") String id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        requireJson(contentType);
        RejectionRequest request = RejectionRequest.parse(BoundedBody.read(body, MAX_BODY));
        return Response.ok(DeferredJson.transaction(approvals.reject(id, request, audit.context())).toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static void requireJson(String contentType) {
        if (!ContentTypes.is(contentType, JSON)) {
            throw new IssuerException(IssuerError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
        }
    }
}
