package org.openissuer.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class IssuerErrorMapper implements ExceptionMapper<IssuerException> {

    @Override
    public Response toResponse(IssuerException exception) {
        return ErrorResponses.of(exception.error(), exception.description());
    }
}
