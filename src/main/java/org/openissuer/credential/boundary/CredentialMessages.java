package org.openissuer.credential.boundary;

import java.io.InputStream;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.openissuer.credential.control.RequestBody;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.input.BoundedBody;
import org.openissuer.input.ContentTypes;

/**
 * The wire rules the credential and the deferred credential endpoints share: which bodies they
 * take and how their answers go out.
 */
public final class CredentialMessages {

    static final String JSON = "application/json";
    static final String JWT = "application/jwt";

    private CredentialMessages() {
    }

    /** The body, read only when the use case asks for it (after the token: a 401 beats a 400). */
    public static RequestBody body(String contentType, InputStream body, int maxBytes) {
        return () -> read(contentType, body, maxBytes);
    }

    /** OID4VCI 1.0 §8.3, §9.2: 200 or 202; credentials, transaction ids and nonces must not be cached. */
    public static Response answer(IssuanceAnswer answer) {
        return Response.status(answer.status()).entity(answer.body().content()).type(answer.body().mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static RequestBody.Received read(String contentType, InputStream body, int maxBytes) {
        // OID4VCI 1.0 §8.2, §9.1, §10: application/json, or application/jwt for an encrypted request
        boolean encrypted = ContentTypes.is(contentType, JWT);
        if (!encrypted && !ContentTypes.is(contentType, JSON)) {
            throw new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST,
                    "Content-Type must be application/json or application/jwt");
        }
        return new RequestBody.Received(BoundedBody.bytes(body, maxBytes, IssuerError.INVALID_CREDENTIAL_REQUEST), encrypted);
    }
}
