package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.AdminTokens;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;

/** The credential offer by reference (OID4VCI 1.0 §4.1.3), as a wallet fetches it. */
@IssuerIT
class CredentialOfferIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void servesTheSameOfferByReferenceAsByValueAsOftenAsAsked() {
        JsonObject created = Offers.create("employee-3001", "true");
        String path = Offers.referencePath(created);

        HttpResponse<String> first = Http.get(path);
        HttpResponse<String> second = Http.get(path);

        assertEquals(200, first.statusCode(), first.body());
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(created.getJsonObject("credential_offer"), Http.json(first));
        assertEquals(Http.json(first), Http.json(second));
    }

    @Test
    void answers404OnceTheCodeIsRedeemed() {
        JsonObject created = Offers.create("employee-3002", null);
        assertEquals(200, Offers.redeem(Offers.code(created), null).statusCode());
        HttpResponse<String> response = Http.get(Offers.referencePath(created));
        assertEquals(404, response.statusCode());
        assertEquals("not_found", Http.json(response).getString("error"));
        assertTrue(!response.body().contains(Offers.code(created)));
    }

    @Test
    void answers404ForRevokedExpiredAndUnknownReferences() throws Exception {
        JsonObject revoked = Offers.create("employee-3003", null);
        Http.method("DELETE", "/admin/credential-offers/" + revoked.getString("id"), "Authorization", AdminTokens.token().bearer());
        assertEquals(404, Http.get(Offers.referencePath(revoked)).statusCode());

        JsonObject expired = Offers.create("employee-3004", null);
        Offers.expire(expired.getString("id"));
        assertEquals(404, Http.get(Offers.referencePath(expired)).statusCode());

        assertEquals(404, Http.get("/oid4vci/credential-offers/made-up-reference").statusCode());
        // the public offer id is not the secret reference
        assertEquals(404, Http.get("/oid4vci/credential-offers/" + expired.getString("id")).statusCode());
    }
}
