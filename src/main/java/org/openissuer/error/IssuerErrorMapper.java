package org.openissuer.error;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class IssuerErrorMapper implements ExceptionMapper<IssuerException> {

    @Override
    public Response toResponse(IssuerException exception) {
        Response response = ErrorResponses.of(exception.error(), exception.description(), exception.extraMembers(),
                exception.challenge());
        if (exception.dpopNonce().isPresent()) {
            // RFC 9449 §8, §9: the nonce the client puts in its next proof
            response = Response.fromResponse(response).header(ErrorResponses.DPOP_NONCE, exception.dpopNonce().get()).build();
        }
        if (exception.retryAfterSeconds().isPresent()) {
            // RFC 9110 §10.2.3
            return Response.fromResponse(response)
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, exception.retryAfterSeconds().getAsLong())).build();
        }
        return response;
    }
}
