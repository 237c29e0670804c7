package org.openissuer.deferred.boundary;

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
import org.openissuer.credential.boundary.CredentialMessages;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.deferred.control.DeferredDelivery;
import org.openissuer.deferred.control.DeferredSettings;
import org.openissuer.dpop.boundary.FreshDPoPNonce;
import org.openissuer.encryption.control.ResponseEncryption;
import org.openissuer.platform.Endpoints;

// refusals and deliveries are on record (request_started, then request_failed or credential_issued)
@RequestScoped
@Path(Endpoints.DEFERRED_CREDENTIAL)
@Audited(value = DeferredCredentialResource.ENDPOINT, startsRequest = true, faults = true)
@FreshDPoPNonce
public class DeferredCredentialResource {

    static final String ENDPOINT = "deferred_credential";
    static final String DPOP = "DPoP";

    private final DeferredDelivery delivery;
    private final DeferredSettings settings;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public DeferredCredentialResource() {
        this(null, null);
    }

    @Inject
    public DeferredCredentialResource(DeferredDelivery delivery, DeferredSettings settings) {
        this.delivery = delivery;
        this.settings = settings;
    }

    // OID4VCI 1.0 §9.1: any content type reaches us, so a wrong one gets the protocol's error, not a bare 415
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, ResponseEncryption.MEDIA_TYPE})
    public Response poll(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpHeaders headers, InputStream body) {
        IssuanceAnswer answer = delivery.poll(authorization, headers.getRequestHeader(DPOP),
                CredentialMessages.body(contentType, body, settings.maxRequestBytes()));
        return CredentialMessages.answer(answer);
    }
}
