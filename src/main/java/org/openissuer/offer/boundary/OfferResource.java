package org.openissuer.offer.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.openissuer.audit.boundary.Audited;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.control.CredentialOffers;
import org.openissuer.offer.control.OfferJson;
import org.openissuer.offer.control.OfferSecrets;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;

/**
 * OID4VCI 1.0 §4.1.3: the offer behind a credential_offer_uri. Served as often as asked (some
 * wallets fetch twice) while the code is redeemable; afterwards the reference leads nowhere.
 */
@RequestScoped
@Path(Endpoints.CREDENTIAL_OFFERS + "/{reference}")
@Audited(OfferResource.ENDPOINT)
public class OfferResource {

    static final String ENDPOINT = "credential_offer";

    private final CredentialOffers offers;
    private final IssuerSettings settings;

    /**
     * For the CDI proxy only. Public because RESTEasy looks for a public constructor before it asks
     * CDI for the instance (which then uses the injecting one).
     */
    public OfferResource() {
        this(null, null);
    }

    @Inject
    public OfferResource(CredentialOffers offers, IssuerSettings settings) {
        this.offers = offers;
        this.settings = settings;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response offer(@PathParam("reference") String reference) {
        CredentialOffer offer = offers.pendingByReference(reference).orElseThrow(
                () -> new IssuerException(IssuerError.NOT_FOUND, "no pending credential offer at this URI"));
        String body = OfferJson.offer(settings.identifier().value(), offer, OfferSecrets.codeFor(reference)).toString();
        // the offer carries a live pre-authorized code: no cache may keep it
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
