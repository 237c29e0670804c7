package org.openissuer.notification.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.boundary.Audited;
import org.openissuer.dpop.boundary.FreshDPoPNonce;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedBody;
import org.openissuer.input.ContentTypes;
import org.openissuer.notification.control.Notifications;
import org.openissuer.platform.Endpoints;

// refusals go on record as request_failed; an accepted report as its credential_accepted, ... rows
@RequestScoped
@Path(Endpoints.NOTIFICATION)
@Audited(NotificationResource.ENDPOINT)
@FreshDPoPNonce
public class NotificationResource {

    static final String ENDPOINT = "notification";
    static final String DPOP = "DPoP";
    static final String JSON = "application/json";
    // three short members: a body beyond this is refused, never buffered
    static final int MAX_BODY = 8 * 1024;

    private final Notifications notifications;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public NotificationResource() {
        this(null);
    }

    @Inject
    public NotificationResource(Notifications notifications) {
        this.notifications = notifications;
    }

    // OID4VCI 1.0 §11.1, §11.2: any content type reaches us, so a wrong one gets the protocol's error
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response report(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, InputStream body) {
        notifications.report(authorization, headers.getRequestHeader(DPOP), () -> read(contentType, body));
        // §11.2: 204 No Content
        return Response.noContent().header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static byte[] read(String contentType, InputStream body) {
        if (!ContentTypes.is(contentType, JSON)) {
            throw new IssuerException(IssuerError.INVALID_NOTIFICATION_REQUEST, "Content-Type must be application/json");
        }
        return BoundedBody.bytes(body, MAX_BODY, IssuerError.INVALID_NOTIFICATION_REQUEST);
    }
}
