package org.openissuer.offer.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.sdJwtConfiguration;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.offer.entity.CredentialOffer;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.AuthorizationDetail;
import org.openissuer.testsupport.Jsons;

class OfferClaimsTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final CredentialConfiguration IDENTITY = sdJwtConfiguration("IdentityCredential").build();
    private static final CredentialConfiguration OTHER = sdJwtConfiguration("Other").build();

    private final Map<String, CredentialOffer> stored = new HashMap<>();
    private final OfferClaims claims = new OfferClaims(Clock.systemUTC(), new CredentialOffers() {
            @Override
            public Optional<CredentialOffer> byId(String id) {
                return Optional.ofNullable(stored.get(id));
            }
        }, new IssuerSettings() {
            @Override
            public IssuerIdentifier identifier() {
                return new IssuerIdentifier(ISSUER, "");
            }
        });

    private static AccessToken token(String issuer, Optional<String> offerId, String subject) {
        return new AccessToken("jwt", issuer, subject, Optional.empty(), Optional.of("jti"), Set.of(),
                List.of(new AuthorizationDetail("IdentityCredential", List.of("IdentityCredential"))), offerId, Optional.empty(),
                Map.of());
    }

    private void store(String id, String subject, boolean redeemed) throws ReflectiveOperationException {
        CredentialOffer offer = CredentialOffer.pending(id, "r-" + id, "c-" + id, "[\"IdentityCredential\"]", subject,
                "{\"given_name\":\"Erika\",\"address\":{\"country\":\"DE\"}}", Optional.empty(), "alice", NOW, NOW.plusMinutes(15));
        if (redeemed) {
            // what the token endpoint's UPDATE does in the database
            Field redeemedAt = CredentialOffer.class.getDeclaredField("redeemedAt");
            redeemedAt.setAccessible(true);
            redeemedAt.set(offer, NOW.plusMinutes(1));
        }
        stored.put(id, offer);
    }

    @Test
    void supportsOnlyOfferTokensOfThisIssuer() {
        assertTrue(claims.supports(token(ISSUER, Optional.of("o-1"), "s")));
        assertFalse(claims.supports(token(ISSUER, Optional.empty(), "s")));
        assertFalse(claims.supports(token("https://other-as.example.com", Optional.of("o-1"), "s")));
    }

    @Test
    void answersTheClaimsBoundToTheRedeemedOffer() throws Exception {
        store("o-1", "employee-4711", true);
        assertEquals(Jsons.object("{'given_name': 'Erika', 'address': {'country': 'DE'}}"),
                claims.claims(token(ISSUER, Optional.of("o-1"), "employee-4711"), IDENTITY));
    }

    @Test
    void deniesAnUnknownOffer() {
        assertDenied(token(ISSUER, Optional.of("gone"), "employee-4711"), IDENTITY);
    }

    @Test
    void deniesAConfigurationTheOfferDidNotInclude() throws Exception {
        store("o-2", "employee-4711", true);
        assertDenied(token(ISSUER, Optional.of("o-2"), "employee-4711"), OTHER);
    }

    @Test
    void deniesATokenWhoseSubjectOrStateDoesNotMatchTheOffer() throws Exception {
        store("o-3", "employee-4711", true);
        assertDenied(token(ISSUER, Optional.of("o-3"), "someone-else"), IDENTITY);
        store("o-4", "employee-4711", false);
        assertDenied(token(ISSUER, Optional.of("o-4"), "employee-4711"), IDENTITY);
    }

    @Test
    void aDeferredOfferAsksForTheBackOfficesApprovalWithItsPendingLifetime() throws Exception {
        store("o-5", "employee-4711", true);
        stored.get("o-5").deferred(Optional.of(600));
        store("o-6", "employee-4711", true);
        AccessToken deferred = token(ISSUER, Optional.of("o-5"), "employee-4711");

        claims.claims(deferred, IDENTITY);
        assertEquals(IssuanceMode.deferred(Optional.of(Duration.ofSeconds(600))), claims.mode(deferred, IDENTITY));
        assertEquals(IssuanceMode.IMMEDIATE, claims.mode(token(ISSUER, Optional.of("o-6"), "employee-4711"), IDENTITY));
    }

    private void assertDenied(AccessToken token, CredentialConfiguration configuration) {
        IssuerException e = assertThrows(IssuerException.class, () -> claims.claims(token, configuration));
        assertEquals(IssuerError.CREDENTIAL_REQUEST_DENIED, e.error());
    }
}
