package org.openissuer.credential.boundary;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.entity.AuditContext;
import org.openissuer.credential.control.CredentialIssuance;
import org.openissuer.credential.control.IssuanceSettings;
import org.openissuer.credential.control.RequestBody;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.encryption.control.ResponseEncryption;
import org.openissuer.encryption.entity.EncodedBody;
import org.openissuer.error.ErrorResponses;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.RequestIds;

@RequestScoped
@Path(Endpoints.CREDENTIAL)
public class CredentialResource {

    static final String ENDPOINT = "credential";
    static final String DPOP = "DPoP";

    @Inject
    CredentialIssuance issuance;

    @Inject
    IssuanceSettings settings;

    @Inject
    ClientAddresses addresses;

    @Inject
    DPoPChecks dpop;

    @Context
    HttpServletRequest http;

    // OID4VCI 1.0 §8: any content type reaches us, so a wrong one gets the protocol's error, not a bare 415
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, ResponseEncryption.MEDIA_TYPE})
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, InputStream body) {
        AuditContext context = AuditContext.of(RequestIds.of(http), ENDPOINT, addresses.of(http));
        RequestBody request = () -> read(contentType, body);
        EncodedBody answer = issuance.issue(authorization, headers.getRequestHeader(DPOP), request, context);
        // OID4VCI 1.0 §8.3: credentials and nonces must not be cached
        Response.ResponseBuilder response = Response.ok(answer.content(), answer.mediaType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        dpop.freshNonce().ifPresent(n -> response.header(ErrorResponses.DPOP_NONCE, n));
        return response.build();
    }

    private RequestBody.Received read(String contentType, InputStream body) {
        // OID4VCI 1.0 §8.2, §10: application/json, or application/jwt for an encrypted request
        boolean encrypted = is(contentType, "jwt");
        if (!encrypted && !is(contentType, "json")) {
            throw invalid("Content-Type must be application/json or application/jwt");
        }
        int max = settings.maxRequestBytes();
        try {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw invalid("the request body exceeds " + max + " bytes");
            }
            return new RequestBody.Received(bytes, encrypted);
        } catch (IOException e) {
            throw invalid("the request body cannot be read");
        }
    }

    private static boolean is(String contentType, String subtype) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && subtype.equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
