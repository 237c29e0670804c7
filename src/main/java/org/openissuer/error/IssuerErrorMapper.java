package org.openissuer.error;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every protocol error: on record where the request is audited, then on the wire. */
@Provider
@ApplicationScoped
public class IssuerErrorMapper implements ExceptionMapper<IssuerException> {

    private final RefusalRecorder refusals;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public IssuerErrorMapper() {
        this.refusals = RefusalRecorder.NONE;
    }

    @Inject
    public IssuerErrorMapper(RefusalRecorder refusals) {
        this.refusals = refusals;
    }

    @Override
    public Response toResponse(IssuerException exception) {
        refusals.refused(exception);
        return ErrorResponses.of(exception);
    }
}
