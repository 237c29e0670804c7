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
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.RequestIds;

@RequestScoped
@Path("/oid4vci/credential")
public class CredentialResource {

    static final String ENDPOINT = "credential";

    @Inject
    CredentialIssuance issuance;

    @Inject
    IssuanceSettings settings;

    @Context
    HttpServletRequest http;

    // OID4VCI 1.0 §8: any content type reaches us, so a wrong one gets the protocol's error, not a bare 415
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        AuditContext context = AuditContext.of(RequestIds.of(http), ENDPOINT, http.getRemoteAddr());
        RequestBody request = () -> read(contentType, body);
        String json = issuance.issue(authorization, request, context).toJson().toString();
        // OID4VCI 1.0 §8.3: credentials and nonces must not be cached
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private byte[] read(String contentType, InputStream body) {
        if (!isJson(contentType)) {
            throw invalid("Content-Type must be application/json");
        }
        int max = settings.maxRequestBytes();
        try {
            byte[] bytes = body.readNBytes(max + 1);
            if (bytes.length > max) {
                throw invalid("the request body exceeds " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw invalid("the request body cannot be read");
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return "application".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST, description);
    }
}
