package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Wallet;

/** A wallet obtains SD-JWT VCs in both dialects and in batches; a verifier accepts them. */
@IssuerIT
class CredentialIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final JWKSet issuerKeys = IndependentSdJwt.publishedIssuerKeys();

    private static String subject() {
        return "it-" + UUID.randomUUID();
    }

    @Test
    void issuesAHolderBoundSdJwtVcInThe10Dialect() throws Exception {
        ECKey holder = Wallet.holders(1).get(0);
        String token = AccessTokenJwt.forSubject(subject()).build();

        HttpResponse<String> response = Wallet.post(token, Wallet.request(Wallet.nonce(), List.of(holder)));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        JsonObject body = Http.json(response);
        assertFalse(body.containsKey("c_nonce"), "1.0 answers carry no c_nonce (§8.3)");
        JsonArray credentials = body.getJsonArray("credentials");
        assertEquals(1, credentials.size());
        IndependentSdJwt.Verified credential = IndependentSdJwt.verify(
                credentials.getJsonObject(0).getString("credential"), issuerKeys);

        assertEquals("dc+sd-jwt", credential.jwt().getHeader().getType().getType());
        assertEquals("ES256", credential.jwt().getHeader().getAlgorithm().getName());
        Map<String, Object> claims = credential.disclosed();
        assertEquals(Http.base(), claims.get("iss"));
        assertEquals(Wallet.VCT, claims.get("vct"));
        assertEquals(holder.toPublicJWK(), JWK.parse(cnf(claims)));
        assertEquals("Erika", claims.get("given_name"));
        assertEquals("Mustermann", claims.get("family_name"));
        assertEquals("1984-01-26", claims.get("birthdate"));
        assertEquals("erika@example.com", claims.get("email"), "mapped from the token's mail claim");
        assertEquals(Map.of("street_address", "Heidestraße 17", "locality", "Köln", "country", "DE"), claims.get("address"));
        assertFalse(claims.containsKey("mail"), "unmapped token claims stay out");
        // selectively disclosable claims are not in the signed payload in clear
        assertFalse(credential.payload().containsKey("given_name"));
        assertTrue(credential.payload().containsKey("_sd"));
        assertEquals("sha-256", credential.payload().get("_sd_alg"));
        long iat = ((Number) claims.get("iat")).longValue();
        long exp = ((Number) claims.get("exp")).longValue();
        assertEquals(365L * 24 * 3600, exp - iat, "validity P365D");
    }

    @Test
    void answersDraft13WalletsInTheirShapeWithTheNextNonce() throws Exception {
        ECKey holder = Wallet.holders(1).get(0);
        String token = AccessTokenJwt.forSubject(subject()).build();

        HttpResponse<String> response = Wallet.post(token, Wallet.draft13Request("vc+sd-jwt", Wallet.nonce(), holder));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals("vc+sd-jwt", body.getString("format"));
        assertNotNull(body.getString("c_nonce"));
        assertEquals(300, body.getJsonNumber("c_nonce_expires_in").longValue());
        assertFalse(body.containsKey("credentials"));
        IndependentSdJwt.Verified credential = IndependentSdJwt.verify(body.getString("credential"), issuerKeys);
        assertEquals("vc+sd-jwt", credential.jwt().getHeader().getType().getType(), "legacy typ for the legacy format");

        // the c_nonce of the answer is live: the wallet's next request uses it
        HttpResponse<String> next = Wallet.post(token, Wallet.draft13Request("dc+sd-jwt", body.getString("c_nonce"), holder));
        assertEquals(200, next.statusCode(), next.body());
        assertEquals("dc+sd-jwt", Http.json(next).getString("format"));
    }

    @Test
    void issuesOneCredentialPerProofInABatchEachBoundToItsOwnKey() throws Exception {
        List<ECKey> holders = Wallet.holders(3);
        String token = AccessTokenJwt.forSubject(subject()).build();

        HttpResponse<String> response = Wallet.post(token, Wallet.request(Wallet.nonce(), holders));

        assertEquals(200, response.statusCode(), response.body());
        JsonArray credentials = Http.json(response).getJsonArray("credentials");
        assertEquals(3, credentials.size());
        for (int i = 0; i < 3; i++) {
            IndependentSdJwt.Verified credential = IndependentSdJwt.verify(
                    credentials.getJsonObject(i).getString("credential"), issuerKeys);
            assertEquals(holders.get(i).toPublicJWK(), JWK.parse(cnf(credential.disclosed())));
        }
    }

    @Test
    void acceptsACredentialIdentifierFromTheTokensAuthorizationDetails() {
        String token = AccessTokenJwt.forSubject(subject()).scope(null)
                .authorizationDetails(Wallet.CONFIGURATION, List.of("identity-1")).build();
        String body = "{\"credential_identifier\":\"identity-1\",\"proofs\":{\"jwt\":[\""
                + Wallet.proof(Wallet.holders(1).get(0), Wallet.nonce()) + "\"]},\"unknown_parameter\":42}";

        HttpResponse<String> response = Wallet.post(token, body);

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void recordsEveryIssuedCredentialForAuditorsWithoutClaimValues() throws Exception {
        List<ECKey> holders = Wallet.holders(2);
        String subject = subject();
        String requestId = "audit-" + UUID.randomUUID();
        HttpResponse<String> response = Http.post("/oid4vci/credential",
                Wallet.request(Wallet.nonce(), holders).toString(),
                "Authorization", "Bearer " + AccessTokenJwt.forSubject(subject).build(),
                "Content-Type", "application/json", "X-Request-Id", requestId);
        assertEquals(200, response.statusCode(), response.body());
        JsonArray credentials = Http.json(response).getJsonArray("credentials");

        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT event, principal, subject, client_id, token_id, credential_configuration_id, vct, format,"
                        + " dialect, holder_key_thumbprint, credential_id, credential_digest, disclosed_claims, endpoint,"
                        + " client_address FROM issuance_event WHERE request_id = ? ORDER BY id")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("request_started", rows.getString("event"));
                assertEquals(subject, rows.getString("principal"));
                for (int i = 0; i < 2; i++) {
                    assertTrue(rows.next());
                    assertEquals("credential_issued", rows.getString("event"));
                    assertEquals(subject, rows.getString("subject"));
                    assertEquals("it-wallet", rows.getString("client_id"));
                    assertNotNull(rows.getString("token_id"));
                    assertEquals(Wallet.CONFIGURATION, rows.getString("credential_configuration_id"));
                    assertEquals(Wallet.VCT, rows.getString("vct"));
                    assertEquals("dc+sd-jwt", rows.getString("format"));
                    assertEquals("1.0", rows.getString("dialect"));
                    assertEquals("credential", rows.getString("endpoint"));
                    assertNotNull(rows.getString("client_address"));
                    assertEquals(holders.get(i).computeThumbprint().toString(), rows.getString("holder_key_thumbprint"));
                    assertNotNull(rows.getString("credential_id"));
                    String issued = credentials.getJsonObject(i).getString("credential");
                    assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(issued.getBytes(StandardCharsets.US_ASCII))), rows.getString("credential_digest"));
                    String names = rows.getString("disclosed_claims");
                    assertTrue(names.contains("given_name") && names.contains("address"), names);
                    assertFalse(names.contains("Erika") || names.contains("Köln"), "names only, never values: " + names);
                }
                assertFalse(rows.next());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cnf(Map<String, Object> claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.get("cnf")).get("jwk");
    }
}
