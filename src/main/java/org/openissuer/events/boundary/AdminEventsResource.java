package org.openissuer.events.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

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
import org.openissuer.events.control.EventFeed;
import org.openissuer.events.entity.EventPage;
import org.openissuer.events.entity.EventQuery;
import org.openissuer.input.QueryParameters;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.Jsonp;

/** The audit trail as events for the organisation's systems (docs/events.md): read-only, paged by cursor. */
@RequestScoped
@AdminReadAuthenticated
@Audited(AdminEventsResource.ENDPOINT)
@Path(Endpoints.ADMIN_EVENTS)
@Produces(MediaType.APPLICATION_JSON)
public class AdminEventsResource {

    static final String ENDPOINT = "admin_events";

    private final EventFeed feed;
    private final RequestAudit audit;

    /** For the CDI proxy only; public for RESTEasy (see AdminDeferredResource). */
    public AdminEventsResource() {
        this(null, null);
    }

    @Inject
    public AdminEventsResource(EventFeed feed, RequestAudit audit) {
        this.feed = feed;
        this.audit = audit;
    }

    @GET
    public Response events(@Context UriInfo uri) {
        EventQuery query = EventQuery.parse(QueryParameters.of(uri));
        // a read changes nothing: its authentication and refusals are on record, not what it read
        audit.close();
        EventPage page = feed.page(query);
        JsonArrayBuilder events = Jsonp.PROVIDER.createArrayBuilder();
        page.events().forEach(event -> events.add(event.toJson()));
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder().add("events", events);
        page.next().ifPresent(next -> body.add("next_cursor", next.encode())
                .add("next", Endpoints.ADMIN_EVENTS + "?" + query.parametersWith(next).entrySet().stream()
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
        return Response.ok(body.build().toString()).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
