package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** The token endpoint's successful exchanges (OID4VCI 1.0 §6); TokenErrorsIT has the refusals. */
@IssuerIT
class TokenIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void exchangesACodeWithoutTxCodeForAnAccessTokenSignedByTheAuthorizationServerKey() throws Exception {
        JsonObject offer = Offers.create("employee-1001", null);

        HttpResponse<String> response = Offers.redeem(Offers.code(offer), null);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject token = Http.json(response);
        assertEquals("Bearer", token.getString("token_type"));
        assertTrue(token.getInt("expires_in") > 0 && token.getInt("expires_in") <= 300, "§13.10: at most 5 minutes");
        JsonObject detail = token.getJsonArray("authorization_details").getJsonObject(0);
        assertEquals("openid_credential", detail.getString("type"));
        assertEquals("IdentityCredential", detail.getString("credential_configuration_id"));
        assertEquals("IdentityCredential", detail.getJsonArray("credential_identifiers").getString(0));

        SignedJWT jwt = SignedJWT.parse(token.getString("access_token"));
        assertEquals(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm());
        assertEquals("at+jwt", jwt.getHeader().getType().getType());
        JWKSet keys = JWKSet.parse(Http.get("/oid4vci/jwks").body());
        assertTrue(jwt.verify(new ECDSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toECKey())));
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(Http.base(), claims.getIssuer());
        assertEquals(List.of(Http.base()), claims.getAudience());
        assertEquals("employee-1001", claims.getSubject());
        assertEquals(offer.getString("id"), claims.getStringClaim("offer_id"));
        assertTrue(claims.getJWTID().length() >= 22);
        assertTrue(claims.getExpirationTime().after(new Date()));
        assertTrue(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime() <= 300_000);
        assertNull(claims.getClaim("client_id"), "anonymous pre-authorized access");
        List<Object> details = claims.getListClaim("authorization_details");
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) details.get(0);
        assertEquals("IdentityCredential", first.get("credential_configuration_id"));
    }

    @Test
    void exchangesACodeWithItsTxCode() {
        JsonObject offer = Offers.create("employee-1002", "true");
        String txCode = offer.getString("tx_code");
        assertTrue(txCode.matches("[0-9]{6}"), txCode);

        HttpResponse<String> response = Offers.redeem(Offers.code(offer), txCode);

        assertEquals(200, response.statusCode(), response.body());
        assertFalse(Http.json(response).getString("access_token").isEmpty());
    }

    @Test
    void recordsRedemptionAndTokenWithClientAddressAndTokenId() throws Exception {
        JsonObject offer = Offers.create("employee-1003", null);
        String jti = SignedJWT.parse(Http.json(Offers.redeem(Offers.code(offer), null)).getString("access_token"))
                .getJWTClaimsSet().getJWTID();

        List<String> rows = new ArrayList<>();
        try (Connection db = Database.connect();
                PreparedStatement query = db.prepareStatement("SELECT event, client_address, subject, token_id, principal"
                        + " FROM issuance_event WHERE offer_id = ? ORDER BY id")) {
            query.setString(1, offer.getString("id"));
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(row.getString(1));
                    assertEquals("employee-1003", row.getString(3));
                    if (!row.getString(1).equals("offer_created")) {
                        assertTrue(row.getString(2) != null && !row.getString(2).isBlank(), "client address");
                        assertEquals(jti, row.getString(4));
                    } else {
                        assertEquals("alice@example.com", row.getString(5), "who created the offer");
                    }
                }
            }
        }
        assertEquals(List.of("offer_created", "offer_redeemed", "token_issued"), rows);
    }

    @Test
    void publishesAuthorizationServerMetadataForTheIssuerIdentifier() {
        HttpResponse<String> response = Http.get("/.well-known/oauth-authorization-server");
        assertEquals(200, response.statusCode());
        JsonObject metadata = Http.json(response);
        // RFC 8414 §3.3: issuer equals the identifier the metadata was fetched for
        assertEquals(Http.base(), metadata.getString("issuer"));
        assertEquals(Http.base() + "/oid4vci/token", metadata.getString("token_endpoint"));
        assertEquals(Http.base() + "/oid4vci/jwks", metadata.getString("jwks_uri"));
        assertEquals(Offers.PRE_AUTHORIZED_GRANT, metadata.getJsonArray("grant_types_supported").getString(0));
        assertTrue(metadata.getBoolean("pre-authorized_grant_anonymous_access_supported"));
        assertEquals("none", metadata.getJsonArray("token_endpoint_auth_methods_supported").getString(0));
        assertEquals("openid_credential", metadata.getJsonArray("authorization_details_types_supported").getString(0));
        assertTrue(metadata.getJsonArray("response_types_supported").isEmpty());
        JsonObject issuerMetadata = Http.json(Http.get("/.well-known/openid-credential-issuer"));
        assertTrue(issuerMetadata.getJsonArray("authorization_servers").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(s -> s.getString().equals(Http.base())));
    }

    @Test
    void publishesOnlyPublicAccessTokenKeys() throws Exception {
        JWKSet keys = JWKSet.parse(Http.get("/oid4vci/jwks").body());
        assertFalse(keys.getKeys().isEmpty());
        keys.getKeys().forEach(k -> assertFalse(k.isPrivate()));
        assertEquals(404, Http.get("/.well-known/oauth-authorization-server/other-tenant").statusCode());
    }
}
