package org.openissuer.credential.boundary;

import java.io.InputStream;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.boundary.Audited;
import org.openissuer.credential.control.CredentialIssuance;
import org.openissuer.credential.control.IssuanceSettings;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.dpop.boundary.FreshDPoPNonce;
import org.openissuer.encryption.control.ResponseEncryption;
import org.openissuer.platform.Endpoints;

// every request is on record, started and refused or started and issued, faults included
@RequestScoped
@Path(Endpoints.CREDENTIAL)
@Audited(value = CredentialResource.ENDPOINT, startsRequest = true, faults = true)
@FreshDPoPNonce
public class CredentialResource {

    static final String ENDPOINT = "credential";
    static final String DPOP = "DPoP";

    private final CredentialIssuance issuance;
    private final IssuanceSettings settings;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public CredentialResource() {
        this(null, null);
    }

    @Inject
    public CredentialResource(CredentialIssuance issuance, IssuanceSettings settings) {
        this.issuance = issuance;
        this.settings = settings;
    }

    // OID4VCI 1.0 §8: any content type reaches us, so a wrong one gets the protocol's error, not a bare 415
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, ResponseEncryption.MEDIA_TYPE})
    public Response issue(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, InputStream body) {
        IssuanceAnswer answer = issuance.issue(authorization, headers.getRequestHeader(DPOP),
                CredentialMessages.body(contentType, body, settings.maxRequestBytes()));
        return CredentialMessages.answer(answer);
    }
}
