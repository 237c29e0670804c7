package org.openissuer.token.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.JwsCrypto;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.token.entity.AuthorizationDetail;
import org.openissuer.token.entity.IssuedToken;

/** Mints the access tokens of the pre-authorized code flow in the shape of {@link AccessTokenFormat}. */
@ApplicationScoped
public class AccessTokenMinter {

    // RFC 9068 §2.2: jti unique per token; 256 random bits
    private static final int TOKEN_ID_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IssuerKeys keys;
    private final IssuerSettings settings;
    private final TokenSettings tokenSettings;

    @Inject
    public AccessTokenMinter(IssuerKeys keys, IssuerSettings settings, TokenSettings tokenSettings) {
        this.keys = keys;
        this.settings = settings;
        this.tokenSettings = tokenSettings;
    }

    protected AccessTokenMinter() {
        this(null, null, null);
    }

    public String newTokenId() {
        byte[] id = new byte[TOKEN_ID_BYTES];
        RANDOM.nextBytes(id);
        return BASE64URL.encodeToString(id);
    }

    /**
     * One authorization detail per offered configuration; the configuration id doubles as the one
     * credential identifier, since an offer carries one data set per configuration (§6.2).
     *
     * @param offerId the offer the token redeems, so the credential endpoint finds its data set
     * @param holderKeyThumbprint the DPoP key (RFC 9449 §6.1 cnf.jkt); empty for Bearer
     */
    public IssuedToken mint(String subject, String offerId, List<String> configurationIds, String tokenId, OffsetDateTime now,
            Optional<String> holderKeyThumbprint) {
        List<AuthorizationDetail> details = new ArrayList<>();
        configurationIds.forEach(id -> details.add(new AuthorizationDetail(id, List.of(id))));
        String issuer = settings.identifier().value();
        Duration lifetime = holderKeyThumbprint.isPresent() ? tokenSettings.dpopLifetime() : tokenSettings.lifetime();
        OffsetDateTime expires = now.plus(lifetime);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(issuer)
                .subject(subject)
                .issueTime(Date.from(now.toInstant()))
                .expirationTime(Date.from(expires.toInstant()))
                .jwtID(tokenId)
                .claim(AccessTokenFormat.AUTHORIZATION_DETAILS, details.stream().map(AccessTokenMinter::json).toList())
                .claim(AccessTokenFormat.OFFER_ID, offerId);
        holderKeyThumbprint.ifPresent(jkt -> claims.claim(AccessTokenFormat.CONFIRMATION, Map.of(AccessTokenFormat.THUMBPRINT, jkt)));
        ECKey key = keys.authorizationServerKeys().active();
        JWSHeader header = new JWSHeader.Builder(SigningKeys.ALGORITHM).type(AccessTokenFormat.TYPE).keyID(key.getKeyID()).build();
        SignedJWT jwt = new SignedJWT(header, claims.build());
        try {
            jwt.sign(JwsCrypto.signer(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token with key " + key.getKeyID(), e);
        }
        return new IssuedToken(jwt.serialize(), tokenId, holderKeyThumbprint.isPresent() ? "DPoP" : "Bearer",
                lifetime, details);
    }

    private static Map<String, Object> json(AuthorizationDetail detail) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", AuthorizationDetail.TYPE);
        json.put("credential_configuration_id", detail.credentialConfigurationId());
        json.put("credential_identifiers", detail.credentialIdentifiers());
        return json;
    }
}
