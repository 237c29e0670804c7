package org.openissuer.token.entity;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verified access token: signature, issuer, audience and lifetime have been checked.
 *
 * @param value          the token as presented (RFC 9449 ath is computed over it)
 * @param issuer         the authorization server that issued it
 * @param subject        {@code sub}: whose data the credential attests
 * @param clientId       {@code client_id} (RFC 9068), absent for anonymous pre-authorized access
 * @param tokenId        {@code jti}
 * @param offerId        the credential offer of the built-in pre-authorized code flow, if any
 * @param confirmationThumbprint {@code cnf.jkt} of a DPoP-bound token (RFC 9449 §6)
 * @param claims         every claim, for sources that map token claims onto credential claims
 */
public record AccessToken(
        String value,
        String issuer,
        String subject,
        Optional<String> clientId,
        Optional<String> tokenId,
        Set<String> scopes,
        List<AuthorizationDetail> authorizationDetails,
        Optional<String> offerId,
        Optional<String> confirmationThumbprint,
        Map<String, Object> claims) {

    public AccessToken {
        scopes = Set.copyOf(scopes);
        authorizationDetails = List.copyOf(authorizationDetails);
        claims = Map.copyOf(claims);
    }

    public boolean fromPreAuthorizedOffer() {
        return offerId.isPresent();
    }
}
