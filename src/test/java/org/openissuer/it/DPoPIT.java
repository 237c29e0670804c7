package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.json.JsonObject;

import com.nimbusds.jwt.SignedJWT;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.IssuerNonceSeal;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.Wallet;

/** DPoP (RFC 9449) at the token and credential endpoints, with the exact error answers. */
@IssuerIT
class DPoPIT {

    private static final String ALGS = "algs=\"ES256 ES384 ES512 PS256 RS256\"";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final DPoPWallet wallet = DPoPWallet.forIssuerUnderTest();

    private String boundToken() {
        String code = Offers.code(Offers.create("dpop-" + UUID.randomUUID(), null));
        HttpResponse<String> response = DPoPWallet.token(Http.base(), code, wallet.tokenProof().build());
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("access_token");
    }

    private static String challenge(HttpResponse<String> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse(null);
    }

    private static void assertDPoPError(HttpResponse<String> response, String error, String descriptionPart) {
        assertEquals(401, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals(error, body.getString("error"));
        assertTrue(body.getString("error_description").contains(descriptionPart), body.toString());
        assertEquals("DPoP error=\"" + error + "\", error_description=\"" + body.getString("error_description") + "\", " + ALGS,
                challenge(response));
    }

    @Test
    void walletGetsADPoPBoundTokenAndACredential() throws Exception {
        String code = Offers.code(Offers.create("dpop-" + UUID.randomUUID(), null));
        HttpResponse<String> tokenResponse = DPoPWallet.token(Http.base(), code, wallet.tokenProof().build());

        assertEquals(200, tokenResponse.statusCode(), tokenResponse.body());
        JsonObject token = Http.json(tokenResponse);
        assertEquals("DPoP", token.getString("token_type"));
        String accessToken = token.getString("access_token");
        @SuppressWarnings("unchecked")
        Map<String, Object> cnf = (Map<String, Object>) SignedJWT.parse(accessToken).getJWTClaimsSet().getClaim("cnf");
        assertEquals(wallet.key().computeThumbprint().toString(), cnf.get("jkt"));

        HttpResponse<String> credential = DPoPWallet.credential(Http.base(), accessToken,
                wallet.credentialProof(accessToken).build(), DPoPWallet.credentialRequest());
        assertEquals(200, credential.statusCode(), credential.body());
        assertEquals(1, Http.json(credential).getJsonArray("credentials").size());
    }

    @Test
    void htcdMustBeTheDigestOfTheBody() {
        String accessToken = boundToken();
        String body = DPoPWallet.credentialRequest();
        String digest = Base64.getEncoder().encodeToString(DPoPJwt.sha256(body.getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> ok = DPoPWallet.credential(Http.base(), accessToken,
                wallet.credentialProof(accessToken).htcd("sha-256=:" + digest + ":").build(), body);
        assertEquals(200, ok.statusCode(), ok.body());

        String other = DPoPWallet.credentialRequest();
        HttpResponse<String> wrong = DPoPWallet.credential(Http.base(), accessToken,
                wallet.credentialProof(accessToken).htcd("sha-256=:" + digest + ":").build(), other);
        assertDPoPError(wrong, "invalid_dpop_proof", "htcd");
    }

    @Test
    void replayedProofIsRefused() {
        String accessToken = boundToken();
        String proof = wallet.credentialProof(accessToken).build();
        assertEquals(200, DPoPWallet.credential(Http.base(), accessToken, proof, DPoPWallet.credentialRequest()).statusCode());

        assertDPoPError(DPoPWallet.credential(Http.base(), accessToken, proof, DPoPWallet.credentialRequest()),
                "invalid_dpop_proof", "already used");
    }

    @Test
    void aProofIsSpentEvenWhenItsRequestIsRefused() {
        String accessToken = boundToken();
        String proof = wallet.credentialProof(accessToken).build();
        HttpResponse<String> refused = DPoPWallet.credential(Http.base(), accessToken, proof, "{\"proofs\": 1}");
        assertEquals(400, refused.statusCode(), refused.body());

        // RFC 9449 §11.1: the proof reached the issuer once; a second use is a replay whatever became of the first
        assertDPoPError(DPoPWallet.credential(Http.base(), accessToken, proof, DPoPWallet.credentialRequest()),
                "invalid_dpop_proof", "already used");
    }

    @Test
    void aReplayRacingItsOriginalYieldsOneCredential() throws Exception {
        String accessToken = boundToken();
        String proof = wallet.credentialProof(accessToken).build();
        List<String> nonces = List.of(Wallet.nonce(), Wallet.nonce(), Wallet.nonce(), Wallet.nonce());
        List<String> bodies = nonces.stream()
                .map(nonce -> Wallet.request(nonce, List.of(TestKeys.p256WithoutKid())).toString()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return DPoPWallet.credential(Http.base(), accessToken, proof, body);
                }));
            }
            start.countDown();
            int issued = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 200) {
                    issued++;
                } else {
                    // the jti is spent in the same transaction as the nonces: the losers wait for the winner's commit
                    assertDPoPError(response, "invalid_dpop_proof", "already used");
                }
            }
            assertEquals(1, issued);
        } finally {
            pool.shutdownNow();
        }
        // RFC 9449 §11.1 before OID4VCI Appendix F.4: a refused replay leaves its nonce unused for an honest retry
        try (Connection db = Database.connect(); PreparedStatement consumed = db.prepareStatement(
                "SELECT count(*) FROM consumed_nonce WHERE nonce_hash = ANY (?)")) {
            consumed.setArray(1, db.createArrayOf("varchar", nonces.stream().map(IssuerNonceSeal::consumptionKey).toArray()));
            try (ResultSet row = consumed.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1), "only the winner's nonce is consumed");
            }
        }
    }

    @Test
    void replayedProofIsRefusedAtTheTokenEndpoint() {
        String proof = wallet.tokenProof().build();
        assertEquals(200, DPoPWallet.token(Http.base(), Offers.code(Offers.create("dpop-a", null)), proof).statusCode());

        HttpResponse<String> replay = DPoPWallet.token(Http.base(), Offers.code(Offers.create("dpop-b", null)), proof);
        assertEquals(400, replay.statusCode());
        assertEquals("invalid_dpop_proof", Http.json(replay).getString("error"));
        assertFalse(replay.headers().firstValue("WWW-Authenticate").isPresent());
    }

    @Test
    void invalidProofAtTheTokenEndpointIsABadRequest() {
        String code = Offers.code(Offers.create("dpop-" + UUID.randomUUID(), null));
        HttpResponse<String> response = DPoPWallet.token(Http.base(), code,
                wallet.tokenProof().htu(Http.base() + "/oid4vci/credential").build());
        assertEquals(400, response.statusCode());
        assertEquals("invalid_dpop_proof", Http.json(response).getString("error"));
        // the code is still good: the proof was refused before it was redeemed
        assertEquals(200, DPoPWallet.token(Http.base(), code, wallet.tokenProof().build()).statusCode());
    }

    @Test
    void wrongHtuHtmOrAthIsRefused() {
        String accessToken = boundToken();
        assertDPoPError(DPoPWallet.credential(Http.base(), accessToken,
                wallet.credentialProof(accessToken).htu("https://elsewhere.example.com/oid4vci/credential").build(),
                DPoPWallet.credentialRequest()), "invalid_dpop_proof", "htu");
        assertDPoPError(DPoPWallet.credential(Http.base(), accessToken,
                wallet.credentialProof(accessToken).htm("GET").build(), DPoPWallet.credentialRequest()),
                "invalid_dpop_proof", "htm");
        assertDPoPError(DPoPWallet.credential(Http.base(), accessToken,
                wallet.credentialProof(accessToken).accessToken("another-token").build(), DPoPWallet.credentialRequest()),
                "invalid_dpop_proof", "ath");
    }

    @Test
    void proofByAForeignKeyIsRefused() {
        String accessToken = boundToken();
        String foreign = DPoPJwt.signedBy(TestKeys.p256WithoutKid()).htu(Http.base() + DPoPWallet.CREDENTIAL_PATH)
                .accessToken(accessToken).build();
        assertDPoPError(DPoPWallet.credential(Http.base(), accessToken, foreign, DPoPWallet.credentialRequest()),
                "invalid_dpop_proof", "bound to");
    }

    @Test
    void missingProofIsRefused() {
        String accessToken = boundToken();
        HttpResponse<String> response = Http.post(DPoPWallet.CREDENTIAL_PATH, DPoPWallet.credentialRequest(),
                "Content-Type", "application/json", "Authorization", "DPoP " + accessToken);
        assertDPoPError(response, "invalid_dpop_proof", "required");
    }

    @Test
    void twoProofHeadersAreRefused() {
        String accessToken = boundToken();
        // RFC 9449 §4.3 item 1: not more than one DPoP HTTP request header field
        HttpResponse<String> response = Http.post(DPoPWallet.CREDENTIAL_PATH, DPoPWallet.credentialRequest(),
                "Content-Type", "application/json", "Authorization", "DPoP " + accessToken,
                "DPoP", wallet.credentialProof(accessToken).build(), "DPoP", wallet.credentialProof(accessToken).build());
        assertDPoPError(response, "invalid_dpop_proof", "exactly one DPoP header");
    }

    @Test
    void dpopBoundTokenPresentedAsBearerIsRefused() {
        String accessToken = boundToken();
        HttpResponse<String> response = Wallet.post(accessToken, DPoPWallet.credentialRequest());
        assertDPoPError(response, "invalid_token", "Bearer");
    }

    @Test
    void bearerTokenPresentedWithTheDPoPSchemeIsRefused() {
        String code = Offers.code(Offers.create("dpop-" + UUID.randomUUID(), null));
        String bearer = Http.json(Offers.redeem(code, null)).getString("access_token");
        HttpResponse<String> response = DPoPWallet.credential(Http.base(), bearer, wallet.credentialProof(bearer).build(),
                DPoPWallet.credentialRequest());
        assertDPoPError(response, "invalid_token", "not DPoP-bound");
    }

    @Test
    void metadataAdvertisesTheDPoPAlgorithms() {
        for (String path : new String[] {"/.well-known/openid-credential-issuer", "/.well-known/oauth-authorization-server"}) {
            JsonObject metadata = Http.json(Http.get(path));
            assertEquals("ES256", metadata.getJsonArray("dpop_signing_alg_values_supported").getString(0), path);
        }
    }
}
