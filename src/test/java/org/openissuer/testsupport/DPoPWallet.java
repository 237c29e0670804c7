package org.openissuer.testsupport;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.json.JsonObject;

import com.nimbusds.jose.jwk.ECKey;

/** A wallet that sender-constrains its tokens with DPoP (RFC 9449), against an issuer at a base URL. */
public final class DPoPWallet {

    public static final String TOKEN_PATH = "/oid4vci/token";
    public static final String CREDENTIAL_PATH = "/oid4vci/credential";

    private final ECKey key = TestKeys.p256WithoutKid();
    private final String publicBase;

    /** @param publicBase the issuer identifier: what htu names, whichever instance the request reaches */
    public DPoPWallet(String publicBase) {
        this.publicBase = publicBase;
    }

    public static DPoPWallet forIssuerUnderTest() {
        return new DPoPWallet(Http.base());
    }

    public ECKey key() {
        return key;
    }

    public DPoPJwt tokenProof() {
        return DPoPJwt.signedBy(key).htu(publicBase + TOKEN_PATH);
    }

    public DPoPJwt credentialProof(String accessToken) {
        return DPoPJwt.signedBy(key).htu(publicBase + CREDENTIAL_PATH).accessToken(accessToken);
    }

    public static String form(String code) {
        return "grant_type=" + URLEncoder.encode(Offers.PRE_AUTHORIZED_GRANT, StandardCharsets.UTF_8)
                + "&pre-authorized_code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    /** A credential request body with one key-binding proof (fresh c_nonce from the issuer under test). */
    public static String credentialRequest() {
        return Wallet.request(Wallet.nonce(), List.of(TestKeys.p256WithoutKid())).toString();
    }

    public static String credentialRequest(String base) {
        String nonce = Http.json(Http.postTo(base + "/oid4vci/nonce", "")).getString("c_nonce");
        JsonObject body = jakarta.json.Json.createObjectBuilder().add("credential_configuration_id", Wallet.CONFIGURATION)
                .add("proofs", jakarta.json.Json.createObjectBuilder().add("jwt", jakarta.json.Json.createArrayBuilder()
                        .add(ProofJwt.signedBy(TestKeys.p256WithoutKid()).audience(Http.base()).nonce(nonce).build())))
                .build();
        return body.toString();
    }

    public static HttpResponse<String> token(String base, String code, String proof) {
        return Http.postTo(base + TOKEN_PATH, form(code), "Content-Type", "application/x-www-form-urlencoded", "DPoP", proof);
    }

    public static HttpResponse<String> credential(String base, String accessToken, String proof, String body) {
        return Http.postTo(base + CREDENTIAL_PATH, body, "Content-Type", "application/json",
                "Authorization", "DPoP " + accessToken, "DPoP", proof);
    }
}
