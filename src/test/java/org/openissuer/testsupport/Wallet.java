package org.openissuer.testsupport;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

/** What a wallet does against the issuer under test: fetch nonces, sign proofs, request credentials. */
public final class Wallet {

    public static final String CONFIGURATION = "IdentityCredential";
    public static final String VCT = "https://credentials.example.com/identity_credential";

    private Wallet() {
    }

    public static String nonce() {
        return Http.json(Http.post("/oid4vci/nonce", "")).getString("c_nonce");
    }

    public static String proof(ECKey holder, String nonce) {
        return ProofJwt.signedBy(holder).audience(Http.base()).nonce(nonce).build();
    }

    /** A 1.0 request body for the configuration, one proof per key, all with the same nonce. */
    public static JsonObject request(String nonce, List<ECKey> holders) {
        JsonArrayBuilder jwts = Json.createArrayBuilder();
        holders.forEach(h -> jwts.add(proof(h, nonce)));
        return Json.createObjectBuilder().add("credential_configuration_id", CONFIGURATION)
                .add("proofs", Json.createObjectBuilder().add("jwt", jwts)).build();
    }

    public static JsonObject draft13Request(String format, String nonce, ECKey holder) {
        return Json.createObjectBuilder().add("format", format).add("vct", VCT)
                .add("proof", Json.createObjectBuilder().add("proof_type", "jwt").add("jwt", proof(holder, nonce))).build();
    }

    public static HttpResponse<String> post(String token, String body) {
        return Http.post("/oid4vci/credential", body, "Authorization", "Bearer " + token,
                "Content-Type", "application/json");
    }

    public static HttpResponse<String> post(String token, JsonObject body) {
        return post(token, body.toString());
    }

    public static List<ECKey> holders(int count) {
        List<ECKey> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(TestKeys.p256WithoutKid());
        }
        return keys;
    }
}
