package org.openissuer.offer.control;

import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.openissuer.credential.control.SubjectClaimSource;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.platform.ExpiringCache;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.Jsonp;
import org.openissuer.token.entity.AccessToken;

/** The data a back-office system bound to a pre-authorized offer, for tokens our own token endpoint issued. */
@ApplicationScoped
public class OfferClaims implements SubjectClaimSource {

    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final int MAX_OFFERS = 10_000;

    private final Clock clock;
    private final CredentialOffers offers;
    private final IssuerSettings settings;

    private final ExpiringCache<String, Redeemed> redeemed;

    @Inject
    public OfferClaims(Clock clock, CredentialOffers offers, IssuerSettings settings) {
        this.clock = clock;
        this.redeemed = new ExpiringCache<>(MAX_OFFERS, clock);
        this.offers = offers;
        this.settings = settings;
    }

    protected OfferClaims() {
        this(null, null, null);
    }

    @Override
    public boolean supports(AccessToken token) {
        return token.offerId().isPresent() && settings.identifier().value().equals(token.issuer());
    }

    @Override
    public JsonObject claims(AccessToken token, CredentialConfiguration configuration) {
        String offerId = token.offerId().orElseThrow(() -> denied("the access token names no credential offer"));
        Redeemed offer = redeemed.get(offerId).orElseGet(() -> load(offerId));
        // the token was minted from this offer; anything else means a token and an offer that do not belong together
        if (!offer.subject().equals(token.subject())) {
            throw denied("the access token does not match its credential offer");
        }
        if (!offer.configurationIds().contains(configuration.id())) {
            throw denied("the credential offer does not include " + configuration.id());
        }
        return offer.claims();
    }

    @Override
    public IssuanceMode mode(AccessToken token, CredentialConfiguration configuration) {
        Redeemed offer = redeemed.get(token.offerId().orElseThrow()).orElseGet(() -> load(token.offerId().get()));
        return offer.mode();
    }

    /** What a redeemed offer holds for its tokens; it cannot change any more (a redeemed offer cannot be revoked). */
    private record Redeemed(String subject, Set<String> configurationIds, JsonObject claims, IssuanceMode mode) {
    }

    // read once per instance, not once per credential request
    private Redeemed load(String offerId) {
        CredentialOffer offer = offers.byId(offerId).orElseThrow(() -> denied("the credential offer of this token is unknown"));
        if (offer.redeemedAt().isEmpty()) {
            throw denied("the access token does not match its credential offer");
        }
        Set<String> ids = OfferJson.configurationIds(offer).stream().filter(JsonString.class::isInstance)
                .map(id -> ((JsonString) id).getString()).collect(Collectors.toUnmodifiableSet());
        JsonObject claims = Jsonp.PROVIDER.createReader(new StringReader(offer.claims())).readValue().asJsonObject();
        IssuanceMode mode = offer.isDeferred()
                ? IssuanceMode.deferred(offer.deferredExpiresIn().map(Duration::ofSeconds))
                : IssuanceMode.IMMEDIATE;
        Redeemed loaded = new Redeemed(offer.subject(), ids, claims, mode);
        redeemed.put(offerId, loaded, clock.instant().plus(KEEP));
        return loaded;
    }

    private static IssuerException denied(String description) {
        return new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, description);
    }
}
