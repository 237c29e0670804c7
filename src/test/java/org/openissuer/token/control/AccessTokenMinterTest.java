package org.openissuer.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import org.junit.jupiter.api.Test;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.token.entity.IssuedToken;

/** The access token shape of AccessTokenFormat (RFC 9068), as the credential endpoint will read it. */
class AccessTokenMinterTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final ECKey AS_KEY = TestKeys.p256("as-1");

    private final AccessTokenMinter tokens = minter();

    private static AccessTokenMinter minter() {
        IssuerKeys keys = new IssuerKeys() {
            @Override
            public SigningKeys authorizationServerKeys() {
                return new SigningKeys(AS_KEY, List.of(AS_KEY));
            }
        };
        IssuerSettings settings = new IssuerSettings() {
            @Override
            public IssuerIdentifier identifier() {
                return new IssuerIdentifier(ISSUER, "");
            }
        };
        return new AccessTokenMinter(keys, settings, BuiltInAccessTokens.defaultSettings());
    }

    // the values of a pending offer "offer-9" for subject "employee-4711" with two configurations
    private static final String SUBJECT = "employee-4711";
    private static final String OFFER_ID = "offer-9";
    private static final List<String> CONFIGURATION_IDS = List.of("IdentityCredential", "Employee");

    @Test
    void signsAnAtJwtWithTheAuthorizationServerKeyForTheOffersSubjectAndConfigurations() throws Exception {
        IssuedToken issued = tokens.mint(SUBJECT, OFFER_ID, CONFIGURATION_IDS, "jti-1", NOW, Optional.empty());

        SignedJWT jwt = SignedJWT.parse(issued.value());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        assertEquals("as-1", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(AS_KEY.toPublicJWK())));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(List.of(ISSUER), claims.getAudience());
        assertEquals("employee-4711", claims.getSubject());
        assertEquals("jti-1", claims.getJWTID());
        assertEquals("offer-9", claims.getStringClaim("offer_id"));
        assertEquals(300_000, claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
        assertNull(claims.getClaim("client_id"));
        assertNull(claims.getClaim("cnf"));
        assertEquals(List.of(Map.of("type", "openid_credential", "credential_configuration_id", "IdentityCredential",
                        "credential_identifiers", List.of("IdentityCredential")),
                Map.of("type", "openid_credential", "credential_configuration_id", "Employee",
                        "credential_identifiers", List.of("Employee"))),
                claims.getListClaim("authorization_details"));
        assertEquals("Bearer", issued.tokenType());
        assertEquals(2, issued.toResponse().getJsonArray("authorization_details").size());
    }

    @Test
    void bindsTheTokenToAHolderKeyThroughCnfJktWhenGivenOne() throws Exception {
        IssuedToken issued = tokens.mint(SUBJECT, OFFER_ID, CONFIGURATION_IDS, "jti-2", NOW, Optional.of("thumbprint"));
        assertEquals(Map.of("jkt", "thumbprint"), SignedJWT.parse(issued.value()).getJWTClaimsSet().getJSONObjectClaim("cnf"));
        assertEquals("DPoP", issued.tokenType());
    }

    @Test
    void makesTokenIdsOf256RandomBits() {
        assertEquals(43, tokens.newTokenId().length());
    }
}
