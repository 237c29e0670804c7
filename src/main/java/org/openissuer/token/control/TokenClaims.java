package org.openissuer.token.control;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.token.entity.AccessToken;
import org.openissuer.token.entity.AuthorizationDetail;

/** Turns a verified token's claims into an {@link AccessToken}; malformed claims make the token invalid. */
final class TokenClaims {

    private TokenClaims() {
    }

    static AccessToken toAccessToken(String value, JWTClaimsSet claims, boolean builtIn) {
        try {
            Optional<String> clientId = Optional.ofNullable(claims.getStringClaim(AccessTokenFormat.CLIENT_ID))
                    .or(() -> optionalString(claims, "azp"));
            Optional<String> offerId = builtIn ? Optional.ofNullable(claims.getStringClaim(AccessTokenFormat.OFFER_ID))
                    : Optional.empty();
            Map<String, Object> confirmation = claims.getJSONObjectClaim(AccessTokenFormat.CONFIRMATION);
            Optional<String> jkt = confirmation == null ? Optional.empty()
                    : Optional.ofNullable(confirmation.get(AccessTokenFormat.THUMBPRINT)).map(String::valueOf);
            return new AccessToken(value, claims.getIssuer(), claims.getSubject(), clientId,
                    Optional.ofNullable(claims.getJWTID()), scopes(claims), details(claims), offerId, jkt,
                    claims.getClaims());
        } catch (ParseException | ClassCastException e) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "access token has malformed claims: " + e.getMessage());
        }
    }

    private static Optional<String> optionalString(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    // RFC 8693 §4.2 scope is a space-separated string; some servers send an array (scp)
    private static Set<String> scopes(JWTClaimsSet claims) throws ParseException {
        Set<String> scopes = new HashSet<>();
        Object scope = claims.getClaim(AccessTokenFormat.SCOPE);
        if (scope instanceof String s) {
            for (String part : s.trim().split("\\s+")) {
                if (!part.isEmpty()) {
                    scopes.add(part);
                }
            }
        } else if (scope != null) {
            throw new ParseException("scope must be a string", 0);
        }
        List<String> scp = claims.getStringListClaim("scp");
        if (scp != null) {
            scopes.addAll(scp);
        }
        return scopes;
    }

    // OID4VCI 1.0 §5.1.1: only openid_credential entries concern us; others are for other resources
    private static List<AuthorizationDetail> details(JWTClaimsSet claims) throws ParseException {
        Object raw = claims.getClaim(AccessTokenFormat.AUTHORIZATION_DETAILS);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> entries)) {
            throw new ParseException("authorization_details must be an array", 0);
        }
        List<AuthorizationDetail> details = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> detail)) {
                throw new ParseException("authorization_details entries must be objects", 0);
            }
            if (!AuthorizationDetail.TYPE.equals(detail.get("type"))) {
                continue;
            }
            Object id = detail.get("credential_configuration_id");
            Object identifiers = detail.get("credential_identifiers");
            if (!(id instanceof String configurationId)) {
                throw new ParseException("openid_credential entry lacks credential_configuration_id", 0);
            }
            List<String> ids = new ArrayList<>();
            if (identifiers instanceof List<?> list) {
                list.forEach(i -> ids.add(String.valueOf(i)));
            } else if (identifiers != null) {
                throw new ParseException("credential_identifiers must be an array", 0);
            }
            details.add(new AuthorizationDetail(configurationId, ids));
        }
        return details;
    }
}
