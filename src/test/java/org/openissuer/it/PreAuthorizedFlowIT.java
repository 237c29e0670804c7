package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IndependentSdJwt;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.Wallet;

/** A wallet goes offer → token → nonce → credential against this issuer alone (OID4VCI 1.0 §3.5). */
@IssuerIT
class PreAuthorizedFlowIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void walletObtainsTheOffersClaimsByCredentialIdentifierAndByConfigurationId() throws Exception {
        String subject = "employee-" + UUID.randomUUID();
        JsonObject created = Offers.create(subject, null);
        // the wallet follows credential_offer_uri, as it would after scanning the QR code
        JsonObject offer = Http.json(Http.get(Offers.referencePath(created)));
        String code = offer.getJsonObject("grants").getJsonObject(Offers.PRE_AUTHORIZED_GRANT).getString("pre-authorized_code");

        JsonObject token = Http.json(Offers.redeem(code, null));
        String accessToken = token.getString("access_token");
        JsonObject detail = token.getJsonArray("authorization_details").getJsonObject(0);
        String identifier = detail.getJsonArray("credential_identifiers").getString(0);

        ECKey holder = Wallet.holders(1).get(0);
        String byIdentifier = "{\"credential_identifier\":\"" + identifier + "\",\"proofs\":{\"jwt\":[\""
                + Wallet.proof(holder, Wallet.nonce()) + "\"]}}";
        HttpResponse<String> first = Wallet.post(accessToken, byIdentifier);
        assertEquals(200, first.statusCode(), first.body());
        Map<String, Object> claims = IndependentSdJwt.verify(Http.json(first).getJsonArray("credentials")
                .getJsonObject(0).getString("credential"), IndependentSdJwt.publishedIssuerKeys()).disclosed();
        assertEquals("Erika", claims.get("given_name"));
        assertEquals("Mustermann", claims.get("family_name"));
        assertEquals("1964-08-12", claims.get("birthdate"));
        assertEquals(Map.of("locality", "Berlin", "country", "DE"), claims.get("address"));
        assertFalse(claims.containsKey("email"), "the offer carried no e-mail");
        assertEquals(holder.toPublicJWK(), JWK.parse(cnfJwk(claims)));

        HttpResponse<String> second = Wallet.post(accessToken, Wallet.request(Wallet.nonce(), Wallet.holders(2)));
        assertEquals(200, second.statusCode(), second.body());
        assertEquals(2, Http.json(second).getJsonArray("credentials").size());

        // the back office sees the offer redeemed and the three credentials issued from it
        JsonObject status = Http.json(Http.get("/admin/credential-offers/" + created.getString("id"),
                "Authorization", AdminTokens.token().bearer()));
        assertEquals("redeemed", status.getString("status"));
        JsonArray credentials = status.getJsonArray("credentials");
        assertEquals(3, credentials.size());
        assertEquals(holder.computeThumbprint().toString(), credentials.getJsonObject(0).getString("holder_key_thumbprint"));
    }

    @Test
    void walletEntersTheTransactionCodeTheBackOfficeSentSeparately() {
        JsonObject created = Offers.create("employee-" + UUID.randomUUID(), "true");
        String txCode = created.getString("tx_code");

        HttpResponse<String> tokenResponse = Offers.redeem(Offers.code(created), txCode);
        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        String accessToken = Http.json(tokenResponse).getString("access_token");

        HttpResponse<String> credential = Wallet.post(accessToken, Wallet.draft13Request("dc+sd-jwt", Wallet.nonce(),
                Wallet.holders(1).get(0)));
        assertEquals(200, credential.statusCode(), credential.body());
        assertTrue(Http.json(credential).containsKey("c_nonce"));
    }

    @Test
    void aTokenForOneOfferCannotObtainAnotherConfiguration() {
        String accessToken = Http.json(Offers.redeem(Offers.code(Offers.create("employee-" + UUID.randomUUID(), null)),
                null)).getString("access_token");
        String body = "{\"credential_identifier\":\"not-from-this-offer\",\"proofs\":{\"jwt\":[\""
                + Wallet.proof(Wallet.holders(1).get(0), Wallet.nonce()) + "\"]}}";
        HttpResponse<String> response = Wallet.post(accessToken, body);
        assertEquals(400, response.statusCode());
        assertEquals("unknown_credential_identifier", Http.json(response).getString("error"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cnfJwk(Map<String, Object> claims) {
        return (Map<String, Object>) ((Map<String, Object>) claims.get("cnf")).get("jwk");
    }
}
