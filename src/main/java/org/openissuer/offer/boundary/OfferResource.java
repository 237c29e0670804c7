package org.openissuer.offer.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.control.CredentialOffers;
import org.openissuer.offer.control.OfferJson;
import org.openissuer.offer.control.OfferSecrets;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.platform.ClientAddresses;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.RequestIds;

/**
 * OID4VCI 1.0 §4.1.3: the offer behind a credential_offer_uri. Served as often as asked (some
 * wallets fetch twice) while the code is redeemable; afterwards the reference leads nowhere.
 */
@RequestScoped
@Path(Endpoints.CREDENTIAL_OFFERS + "/{reference}")
public class OfferResource {

    static final String ENDPOINT = "credential_offer";

    @Inject
    CredentialOffers offers;

    @Inject
    IssuerSettings settings;

    @Inject
    Refusals refusals;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response offer(@PathParam("reference") String reference) {
        CredentialOffer offer = offers.pendingByReference(reference).orElseThrow(() -> {
            IssuerException unknown = new IssuerException(IssuerError.NOT_FOUND, "no pending credential offer at this URI");
            refusals.record(AuditContext.of(RequestIds.of(request), ENDPOINT, addresses.of(request)), unknown);
            return unknown;
        });
        String body = OfferJson.offer(settings.identifier().value(), offer, OfferSecrets.codeFor(reference)).toString();
        // the offer carries a live pre-authorized code: no cache may keep it
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
