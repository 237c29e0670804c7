package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

import com.nimbusds.jose.CompressionAlgorithm;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
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
import org.openissuer.testsupport.Jwe;
import org.openissuer.testsupport.Wallet;

/** A wallet encrypts its credential request and asks for an encrypted response (OID4VCI 1.0 §8.2, §10). */
@IssuerIT
class EncryptionIT {

    private static final String JWT = "application/jwt";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    private final JsonObject metadata = Http.json(Http.get("/.well-known/openid-credential-issuer"));
    private final JWKSet issuerSigningKeys = IndependentSdJwt.publishedIssuerKeys();

    @Test
    void metadataAdvertisesRequestAndResponseEncryption() {
        JsonObject request = metadata.getJsonObject("credential_request_encryption");
        List<JWK> keys = issuerKeys();
        assertEquals(3, keys.size(), "every configured key is published");
        for (JWK key : keys) {
            assertFalse(key.isPrivate());
            assertEquals("enc", key.getKeyUse().identifier());
            assertTrue(key.getKeyID() != null && key.getAlgorithm() != null, key.toString());
        }
        assertEquals(List.of("A128GCM", "A256GCM", "A128CBC-HS256"), strings(request, "enc_values_supported"));
        assertEquals(List.of("DEF"), strings(request, "zip_values_supported"));
        assertFalse(request.getBoolean("encryption_required"));
        JsonObject response = metadata.getJsonObject("credential_response_encryption");
        assertEquals(List.of("ECDH-ES", "RSA-OAEP-256"), strings(response, "alg_values_supported"));
        assertEquals(List.of("A128GCM", "A256GCM", "A128CBC-HS256"), strings(response, "enc_values_supported"));
        assertEquals(List.of("DEF"), strings(response, "zip_values_supported"));
        assertFalse(response.getBoolean("encryption_required"));
    }

    @Test
    void everyAdvertisedResponseAlgEncAndZipWithAnEncryptedRequest() throws Exception {
        JsonObject response = metadata.getJsonObject("credential_response_encryption");
        for (String alg : strings(response, "alg_values_supported")) {
            for (String enc : strings(response, "enc_values_supported")) {
                for (String zip : new String[] {null, "DEF"}) {
                    JWK wallet = Jwe.walletKey(JWEAlgorithm.parse(alg), "wallet-" + UUID.randomUUID());
                    assertIssuedEncrypted(issuerKeys().get(0), EncryptionMethod.A128GCM, wallet, enc, zip);
                }
            }
        }
    }

    @Test
    void everyIssuerKeyAndAdvertisedRequestEncWithAndWithoutZip() throws Exception {
        JsonObject request = metadata.getJsonObject("credential_request_encryption");
        int i = 0;
        for (JWK issuerKey : issuerKeys()) {
            for (String enc : strings(request, "enc_values_supported")) {
                JWK wallet = Jwe.walletKey(i % 2 == 0 ? JWEAlgorithm.ECDH_ES : JWEAlgorithm.RSA_OAEP_256, "w" + i);
                HttpResponse<String> answer = post(token(), Jwe.encrypt(v1(wallet, "A256GCM", null).toString(), issuerKey,
                        EncryptionMethod.parse(enc), i++ % 2 == 0 ? CompressionAlgorithm.DEF : null));
                assertEncryptedCredential(answer, wallet, "A256GCM", null);
            }
        }
    }

    @Test
    void anEncryptedRequestWithoutResponseEncryptionGetsJson() {
        JsonObject plain = Wallet.request(Wallet.nonce(), Wallet.holders(1));
        HttpResponse<String> answer = post(token(), Jwe.encrypt(plain.toString(), issuerKeys().get(0), EncryptionMethod.A128GCM, null));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(1, Http.json(answer).getJsonArray("credentials").size());
    }

    @Test
    void responseEncryptionInAPlaintext10RequestIsRefused() {
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "w");
        // OID4VCI 1.0 §8.2: the request carrying credential_response_encryption must itself be encrypted
        assertError(Wallet.post(token(), v1(wallet, "A128GCM", null)), "invalid_encryption_parameters");
    }

    @Test
    void aDraft13WalletGetsAnEncryptedResponseToAPlaintextRequest() throws Exception {
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "draft13-wallet");
        // draft 13 §7.2: alg beside the jwk, which may lack one
        JsonObject jwk = json(new ECKey.Builder((ECKey) wallet.toPublicJWK()).algorithm(null).build());
        JsonObject request = Json.createObjectBuilder(Wallet.draft13Request("dc+sd-jwt", Wallet.nonce(), Wallet.holders(1).get(0)))
                .add("credential_response_encryption", Json.createObjectBuilder().add("jwk", jwk).add("alg", "ECDH-ES")
                        .add("enc", "A128CBC-HS256"))
                .build();
        HttpResponse<String> answer = Wallet.post(token(), request);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(JWT, answer.headers().firstValue("Content-Type").orElse(""));
        JsonObject body = json(Jwe.decrypt(answer.body(), wallet).getPayload().toString());
        IndependentSdJwt.verify(body.getString("credential"), issuerSigningKeys);
        assertTrue(body.containsKey("c_nonce"));
    }

    @Test
    void eachBadResponseEncryptionParameterHasItsError() {
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "w");
        JsonObject jwk = json(wallet.toPublicJWK());
        List<JsonObjectBuilder> bad = List.of(
                Json.createObjectBuilder().add("enc", "A128GCM"),
                Json.createObjectBuilder().add("jwk", jwk),
                Json.createObjectBuilder().add("jwk", jwk).add("enc", "A192GCM"),
                Json.createObjectBuilder().add("jwk", jwk).add("enc", "A128GCM").add("zip", "GZIP"),
                Json.createObjectBuilder().add("jwk", json(wallet)).add("enc", "A128GCM"),
                Json.createObjectBuilder().add("jwk", Json.createObjectBuilder(jwk).remove("alg")).add("enc", "A128GCM"),
                Json.createObjectBuilder().add("jwk", Json.createObjectBuilder(jwk).add("alg", "RSA1_5")).add("enc", "A128GCM"),
                Json.createObjectBuilder().add("jwk", Json.createObjectBuilder(jwk).add("alg", "RSA-OAEP-256")).add("enc", "A128GCM"));
        for (JsonObjectBuilder parameters : bad) {
            JsonObject request = Json.createObjectBuilder(Wallet.request(Wallet.nonce(), Wallet.holders(1)))
                    .add("credential_response_encryption", parameters).build();
            assertError(post(token(), Jwe.encrypt(request.toString(), issuerKeys().get(0), EncryptionMethod.A128GCM, null)),
                    "invalid_encryption_parameters");
        }
    }

    @Test
    void undecryptableRequestsAreRefused() {
        String request = Wallet.request(Wallet.nonce(), Wallet.holders(1)).toString();
        JWK stranger = Jwe.walletKey(JWEAlgorithm.ECDH_ES, issuerKeys().get(0).getKeyID());
        assertError(post(token(), Jwe.encrypt(request, stranger.toPublicJWK(), EncryptionMethod.A128GCM, null)),
                "invalid_encryption_parameters");
        JWK unknownKid = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "no-such-kid");
        assertError(post(token(), Jwe.encrypt(request, unknownKid.toPublicJWK(), EncryptionMethod.A128GCM, null)),
                "invalid_encryption_parameters");
        assertError(post(token(), Jwe.encrypt(request, issuerKeys().get(0), EncryptionMethod.A192GCM, null)),
                "invalid_encryption_parameters");
        assertError(post(token(), "not-a-jwe"), "invalid_encryption_parameters");
        assertError(post(token(), Wallet.proof(Wallet.holders(1).get(0), "n")), "invalid_encryption_parameters");
        assertError(post(token(), Jwe.encrypt("[1,2]", issuerKeys().get(0), EncryptionMethod.A128GCM, null)),
                "invalid_credential_request");
    }

    @Test
    void anUnauthenticatedEncryptedRequestIsA401AndADecryptionFailureIsOnRecord() throws Exception {
        HttpResponse<String> unauthenticated = Http.post("/oid4vci/credential", "not-a-jwe", "Content-Type", JWT);
        assertEquals(401, unauthenticated.statusCode(), unauthenticated.body());
        String requestId = "jwe-" + UUID.randomUUID();
        Http.post("/oid4vci/credential", "not-a-jwe", "Content-Type", JWT, "Authorization", "Bearer " + token(),
                "X-Request-Id", requestId);
        try (Connection db = Database.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT error_code FROM issuance_event WHERE request_id = ? AND event = 'request_failed'")) {
            query.setString(1, requestId);
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertEquals("invalid_encryption_parameters", rows.getString("error_code"));
            }
        }
    }

    private void assertIssuedEncrypted(JWK issuerKey, EncryptionMethod requestEnc, JWK wallet, String enc, String zip)
            throws Exception {
        String jwe = Jwe.encrypt(v1(wallet, enc, zip).toString(), issuerKey, requestEnc, null);
        assertEncryptedCredential(post(token(), jwe), wallet, enc, zip);
    }

    private void assertEncryptedCredential(HttpResponse<String> answer, JWK wallet, String enc, String zip) {
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(JWT, answer.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null));
        JWEObject jwe = Jwe.decrypt(answer.body(), wallet);
        assertEquals(wallet.getAlgorithm().getName(), jwe.getHeader().getAlgorithm().getName());
        assertEquals(enc, jwe.getHeader().getEncryptionMethod().getName());
        assertEquals(zip, jwe.getHeader().getCompressionAlgorithm() == null ? null : jwe.getHeader().getCompressionAlgorithm().getName());
        // OID4VCI 1.0 §10: the wallet key's kid is copied into the JWE header
        assertEquals(wallet.getKeyID(), jwe.getHeader().getKeyID());
        JsonObject body = json(jwe.getPayload().toString());
        IndependentSdJwt.verify(body.getJsonArray("credentials").getJsonObject(0).getString("credential"), issuerSigningKeys);
    }

    private static JsonObject v1(JWK wallet, String enc, String zip) {
        JsonObjectBuilder encryption = Json.createObjectBuilder().add("jwk", json(wallet.toPublicJWK())).add("enc", enc);
        if (zip != null) {
            encryption.add("zip", zip);
        }
        return Json.createObjectBuilder(Wallet.request(Wallet.nonce(), Wallet.holders(1)))
                .add("credential_response_encryption", encryption).build();
    }

    private List<JWK> issuerKeys() {
        try {
            return JWKSet.parse(metadata.getJsonObject("credential_request_encryption").getJsonObject("jwks").toString()).getKeys();
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static HttpResponse<String> post(String token, String jwe) {
        return Http.post("/oid4vci/credential", jwe, "Authorization", "Bearer " + token, "Content-Type", JWT);
    }

    private static String token() {
        return AccessTokenJwt.forSubject("it-" + UUID.randomUUID()).build();
    }

    private static JsonObject json(JWK jwk) {
        return json(jwk.toJSONString());
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<String> strings(JsonObject object, String name) {
        List<String> values = new ArrayList<>();
        object.getJsonArray(name).getValuesAs(JsonString.class).forEach(s -> values.add(s.getString()));
        return values;
    }

    private static void assertError(HttpResponse<String> response, String code) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "errors are never encrypted (§8.3.1.2)");
        assertEquals(code, Http.json(response).getString("error"), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
    }
}
