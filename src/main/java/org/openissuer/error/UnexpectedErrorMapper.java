package org.openissuer.error;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.openissuer.platform.RequestIds;

/**
 * Everything that is not an {@link IssuerException}: JAX-RS routing and parsing failures keep
 * their status in our envelope; anything else is a 500 with a correlation id and no internals.
 */
@Provider
@ApplicationScoped
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    private final RefusalRecorder refusals;

    // JAX-RS 3.1 §9.2: request properties are the servlet request's attributes
    @Context
    HttpServletRequest request;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public UnexpectedErrorMapper() {
        this.refusals = RefusalRecorder.NONE;
    }

    @Inject
    public UnexpectedErrorMapper(RefusalRecorder refusals) {
        this.refusals = refusals;
    }

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof WebApplicationException wae && wae.getResponse().getStatus() < 500) {
            return clientError(wae.getResponse());
        }
        // a routing or parsing failure (above) is not on record; a fault is, where its request is audited
        refusals.failed(exception);
        String requestId = RequestIds.of(request);
        if (DatabaseOutage.in(exception)) {
            // nothing of ours is broken and nothing could be put on record: say so in the log, not with a stack trace
            LOG.warning(() -> "temporarily_unavailable, request id " + requestId + ": the database is unreachable ("
                    + exception.getClass().getSimpleName() + "); the request is not in the audit trail");
            return ErrorResponses.of(IssuerException.retryAfter(IssuerError.SERVICE_UNAVAILABLE,
                    "the service is temporarily unavailable, retry later", DatabaseOutage.RETRY_AFTER_SECONDS));
        }
        LOG.log(Level.SEVERE, "server_error, request id " + requestId, exception);
        return ErrorResponses.of(IssuerError.SERVER_ERROR, "internal error, correlation id " + requestId);
    }

    private static Response clientError(Response original) {
        int status = original.getStatus();
        Response mapped = switch (status) {
            case 404 -> ErrorResponses.of(IssuerError.NOT_FOUND, "no resource at this path");
            case 405 -> ErrorResponses.of(IssuerError.METHOD_NOT_ALLOWED, "method not allowed on this resource");
            case 406 -> ErrorResponses.of(IssuerError.NOT_ACCEPTABLE, "no acceptable representation");
            case 415 -> ErrorResponses.of(IssuerError.UNSUPPORTED_MEDIA_TYPE, "unsupported content type");
            default -> ErrorResponses.of(IssuerError.INVALID_REQUEST, "malformed request");
        };
        if (status == 405 && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(mapped).header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW)).build();
        }
        return mapped;
    }
}
