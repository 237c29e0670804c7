package org.openissuer.offer.control;

import java.io.StringReader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.credential.control.SubjectClaimSource;
import org.openissuer.credential.entity.CredentialConfiguration;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.token.entity.AccessToken;

/** The data a back-office system bound to a pre-authorized offer, for tokens our own token endpoint issued. */
@ApplicationScoped
public class OfferClaims implements SubjectClaimSource {

    @Inject
    CredentialOffers offers;

    @Inject
    IssuerSettings settings;

    @Override
    public boolean supports(AccessToken token) {
        return token.offerId().isPresent() && settings.identifier().value().equals(token.issuer());
    }

    @Override
    public JsonObject claims(AccessToken token, CredentialConfiguration configuration) {
        String offerId = token.offerId().orElseThrow(() -> denied("the access token names no credential offer"));
        CredentialOffer offer = offers.byId(offerId).orElseThrow(() -> denied("the credential offer of this token is unknown"));
        // the token was minted from this offer; anything else means a token and an offer that do not belong together
        if (offer.redeemedAt().isEmpty() || !offer.subject().equals(token.subject())) {
            throw denied("the access token does not match its credential offer");
        }
        boolean offered = OfferJson.configurationIds(offer).stream()
                .anyMatch(id -> id instanceof JsonString s && s.getString().equals(configuration.id()));
        if (!offered) {
            throw denied("the credential offer does not include " + configuration.id());
        }
        JsonValue claims = Json.createReader(new StringReader(offer.claims())).readValue();
        return claims.asJsonObject();
    }

    private static IssuerException denied(String description) {
        return new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, description);
    }
}
