package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.SecondIssuer;

/**
 * Two issuer instances on one database (RFC 9449 §11.1): a proof accepted by one is a replay at
 * the other. The second instance requires server nonces (§8, §9), which both derive alike.
 */
@IssuerIT
class DPoPInstancesIT {

    private static final String ALGS = "algs=\"ES256 ES384 ES512 PS256 RS256\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final DPoPWallet wallet = DPoPWallet.forIssuerUnderTest();

    @Test
    void replayAcrossInstancesIsRefusedAndServerNoncesAreEnforced() {
        try (SecondIssuer second = SecondIssuer.start(Map.of("ISSUER_DPOP_NONCE_REQUIRED", "true"))) {
            String other = second.base();

            // token endpoint: no nonce -> 400 use_dpop_nonce with the nonce to use (§8)
            String code = Offers.code(Offers.create("dpop-two-" + UUID.randomUUID(), null));
            HttpResponse<String> asked = DPoPWallet.token(other, code, wallet.tokenProof().build());
            assertEquals(400, asked.statusCode(), asked.body());
            assertEquals("use_dpop_nonce", Http.json(asked).getString("error"));
            String nonce = asked.headers().firstValue("DPoP-Nonce").orElseThrow();

            HttpResponse<String> issued = DPoPWallet.token(other, code, wallet.tokenProof().nonce(nonce).build());
            assertEquals(200, issued.statusCode(), issued.body());
            assertTrue(issued.headers().firstValue("DPoP-Nonce").isPresent(), "a fresh nonce with the success");
            JsonObject token = Http.json(issued);
            assertEquals("DPoP", token.getString("token_type"));
            String accessToken = token.getString("access_token");

            // credential endpoint: no nonce -> 401 with a DPoP use_dpop_nonce challenge (§9)
            HttpResponse<String> challenged = DPoPWallet.credential(other, accessToken,
                    wallet.credentialProof(accessToken).build(), DPoPWallet.credentialRequest());
            assertEquals(401, challenged.statusCode(), challenged.body());
            assertEquals("use_dpop_nonce", Http.json(challenged).getString("error"));
            assertEquals("DPoP error=\"use_dpop_nonce\", error_description=\"a DPoP nonce is required\", " + ALGS,
                    challenged.headers().firstValue("WWW-Authenticate").orElse(null));
            String fresh = challenged.headers().firstValue("DPoP-Nonce").orElseThrow();

            // a proof used at instance 1 (which ignores nonces) is a replay at instance 2
            String proof = wallet.credentialProof(accessToken).nonce(fresh).build();
            HttpResponse<String> first = DPoPWallet.credential(Http.base(), accessToken, proof, DPoPWallet.credentialRequest());
            assertEquals(200, first.statusCode(), first.body());
            HttpResponse<String> replay = DPoPWallet.credential(other, accessToken, proof, DPoPWallet.credentialRequest());
            assertEquals(401, replay.statusCode(), replay.body());
            assertEquals("invalid_dpop_proof", Http.json(replay).getString("error"));
            assertTrue(Http.json(replay).getString("error_description").contains("already used"), replay.body());

            // and a fresh proof with the nonce gets the credential at instance 2
            HttpResponse<String> credential = DPoPWallet.credential(other, accessToken,
                    wallet.credentialProof(accessToken).nonce(fresh).build(), DPoPWallet.credentialRequest());
            assertEquals(200, credential.statusCode(), credential.body());
            assertTrue(credential.headers().firstValue("DPoP-Nonce").isPresent());
            assertTrue(Http.postTo(other + "/oid4vci/nonce", "").headers().firstValue("DPoP-Nonce").isPresent());
        }
    }
}
