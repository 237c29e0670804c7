package org.openissuer.webhooks.boundary;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.openissuer.admin.boundary.AdminReadAuthenticated;
import org.openissuer.audit.boundary.Audited;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.input.QueryParameters;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.Jsonp;
import org.openissuer.webhooks.control.OutboxStore;
import org.openissuer.webhooks.entity.DeliveryQuery;
import org.openissuer.webhooks.entity.DeliveryRow;

/**
 * The webhook outbox for the back office (docs/webhooks.md): what was delivered, what is pending,
 * what failed and why. Read-only, newest first, authenticated and audited as GET /admin/events is
 * (the auditors' group may read it). Never a payload or a secret.
 */
@RequestScoped
@AdminReadAuthenticated
@Audited(AdminWebhookDeliveriesResource.ENDPOINT)
@Path(Endpoints.ADMIN_WEBHOOK_DELIVERIES)
@Produces(MediaType.APPLICATION_JSON)
public class AdminWebhookDeliveriesResource {

    static final String ENDPOINT = "admin_webhook_deliveries";

    private final OutboxStore store;
    private final RequestAudit audit;

    /** For the CDI proxy only; public for RESTEasy (see AdminDeferredResource). */
    public AdminWebhookDeliveriesResource() {
        this(null, null);
    }

    @Inject
    public AdminWebhookDeliveriesResource(OutboxStore store, RequestAudit audit) {
        this.store = store;
        this.audit = audit;
    }

    @GET
    public Response deliveries(@Context UriInfo uri) {
        DeliveryQuery query = DeliveryQuery.parse(QueryParameters.of(uri));
        // a read changes nothing: its authentication and refusals are on record, not what it read
        audit.close();
        List<DeliveryRow> rows = store.list(query);
        JsonArrayBuilder deliveries = Jsonp.PROVIDER.createArrayBuilder();
        rows.stream().limit(query.limit()).forEach(row -> deliveries.add(row.toJson()));
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder().add("deliveries", deliveries);
        if (rows.size() > query.limit()) {
            body.add("next_cursor", Long.toString(rows.get(query.limit() - 1).id()));
        }
        return Response.ok(body.build().toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
