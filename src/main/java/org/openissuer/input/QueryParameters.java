package org.openissuer.input;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * The one reader of a request's query parameters: a malformed percent-encoding is the client's
 * error (400 {@code invalid_request}), whatever each server's decoder throws for it.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static MultivaluedMap<String, String> of(UriInfo uri) {
        try {
            return uri.getQueryParameters();
        } catch (IllegalArgumentException e) {
            throw new IssuerException(IssuerError.INVALID_REQUEST, "the query is not well-formed");
        }
    }
}
