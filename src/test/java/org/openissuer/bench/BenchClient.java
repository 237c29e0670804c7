package org.openissuer.bench;

import java.io.IOException;
import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.DPoPWallet;
import org.openissuer.testsupport.MdocOffers;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.testsupport.Wallet;

/**
 * One wallet under load: its own DPoP key, holder key and DPoP-bound access token (from an offer
 * of the back-office API). Builds its request bodies and proofs as strings and signs with
 * BouncyCastle, so the client takes as little CPU from the server as it can.
 */
final class BenchClient {

    private final int index;
    private final Transport http;
    private final String issuer;
    private final String credentialHtu;
    private final ECKey holderKey = TestKeys.p256WithoutKid();
    private final CompactJws dpop;
    private final CompactJws proof;
    private final String jtiPrefix;
    private final boolean mdoc;
    private long sequence;
    private String authorization;
    private String ath;

    BenchClient(int index, Transport http, String issuer, String runId, boolean mdoc) {
        this.index = index;
        this.mdoc = mdoc;
        this.http = http;
        this.issuer = issuer;
        this.credentialHtu = issuer + DPoPWallet.CREDENTIAL_PATH;
        this.dpop = new CompactJws(TestKeys.p256WithoutKid(), "dpop+jwt");
        this.proof = new CompactJws(holderKey, "openid4vci-proof+jwt");
        this.jtiPrefix = runId + "-" + index + "-";
    }

    int index() {
        return index;
    }

    ECKey holderKey() {
        return holderKey;
    }

    /** Back office creates an offer, the wallet redeems its code with a DPoP proof: a DPoP-bound token. */
    void obtainToken(String adminToken) throws IOException, InterruptedException {
        String subject = "bench-subject-" + index;
        String offerBody = mdoc ? MdocOffers.offer(subject, "'" + MdocOffers.MDL + "'",
                "{'" + MdocOffers.MDL_NAMESPACE + "': " + MdocOffers.mdlClaims(null, null) + "}")
                : Offers.identityOffer(subject, null);
        Transport.Response offer = http.post("/admin/credential-offers", offerBody,
                "Content-Type", "application/json", "Authorization", "Bearer " + adminToken);
        require(offer, 201, "offer");
        String code = Offers.code(json(offer.body()));
        String tokenProof = dpop.sign(dpopClaims(issuer + DPoPWallet.TOKEN_PATH, null));
        Transport.Response token = http.post(DPoPWallet.TOKEN_PATH, DPoPWallet.form(code),
                "Content-Type", "application/x-www-form-urlencoded", "DPoP", tokenProof);
        require(token, 200, "token");
        JsonObject body = json(token.body());
        if (!"DPoP".equalsIgnoreCase(body.getString("token_type"))) {
            throw new IllegalStateException("token is not DPoP-bound: " + token.body());
        }
        String accessToken = body.getString("access_token");
        this.authorization = "DPoP " + accessToken;
        this.ath = DPoPJwt.athOf(accessToken);
    }

    /** POST /oid4vci/nonce; the fresh c_nonce, or a failure naming what went wrong. */
    String nonce() throws IOException, InterruptedException {
        Transport.Response response = http.post("/oid4vci/nonce", "");
        String body = response.body();
        int start = body.indexOf("\"c_nonce\":\"");
        if (response.status() != 200 || start < 0) {
            throw new BenchFailure("nonce HTTP " + response.status() + " " + errorCode(body));
        }
        start += 11;
        return body.substring(start, body.indexOf('"', start));
    }

    /** A 1.0 credential request body with one fresh key-binding proof for the nonce. */
    String credentialRequest(String nonce) {
        String claims = "{\"aud\":\"" + issuer + "\",\"iat\":" + epochSeconds() + ",\"nonce\":\"" + nonce + "\"}";
        return "{\"credential_configuration_id\":\"" + (mdoc ? MdocOffers.MDL : Wallet.CONFIGURATION) + "\",\"proofs\":{\"jwt\":[\""
                + proof.sign(claims) + "\"]}}";
    }

    /** A fresh DPoP proof for the credential endpoint (RFC 9449 §4.2, with ath). */
    String credentialDPoP() {
        return dpop.sign(dpopClaims(credentialHtu, ath));
    }

    /** POST /oid4vci/credential with the token and the proof: what the measured phase times. */
    Transport.Response credential(String body, String dpopProof) throws IOException, InterruptedException {
        return http.post(DPoPWallet.CREDENTIAL_PATH, body, "Content-Type", "application/json",
                "Authorization", authorization, "DPoP", dpopProof);
    }

    void close() {
        http.close();
    }

    /** The error code of a JSON error body, without parsing the whole body. */
    static String errorCode(String body) {
        int start = body == null ? -1 : body.indexOf("\"error\":\"");
        if (start < 0) {
            return "(no error code)";
        }
        start += 9;
        int end = body.indexOf('"', start);
        return end < 0 ? "(no error code)" : body.substring(start, end);
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private String dpopClaims(String htu, String accessTokenHash) {
        StringBuilder claims = new StringBuilder(200).append("{\"jti\":\"").append(jtiPrefix).append(++sequence)
                .append("\",\"htm\":\"POST\",\"htu\":\"").append(htu).append("\",\"iat\":").append(epochSeconds());
        if (accessTokenHash != null) {
            claims.append(",\"ath\":\"").append(accessTokenHash).append('"');
        }
        return claims.append('}').toString();
    }

    private static void require(Transport.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
        }
    }

    private static long epochSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /** A request the issuer refused, named by its kind (status and error code). */
    static final class BenchFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchFailure(String kind) {
            super(kind, null, false, false);
        }
    }
}
