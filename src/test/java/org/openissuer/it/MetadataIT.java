package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

@IssuerIT
class MetadataIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void servesIssuerMetadataAsJsonWithTheConfiguredIdentifier() {
        HttpResponse<String> response = Http.get("/.well-known/openid-credential-issuer");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject metadata = Http.json(response);
        String issuer = Http.base();
        // OID4VCI 1.0 §12.2.4: credential_issuer is the identifier, character for character
        assertEquals(issuer, metadata.getString("credential_issuer"));
        assertEquals(issuer + "/oid4vci/credential", metadata.getString("credential_endpoint"));
        assertEquals(issuer + "/oid4vci/nonce", metadata.getString("nonce_endpoint"));
        assertEquals(issuer, metadata.getJsonArray("authorization_servers").getString(0));
        assertTrue(metadata.getJsonObject("batch_credential_issuance").getInt("batch_size") >= 2);
        assertFalse(metadata.getJsonArray("display").isEmpty());
    }

    @Test
    void describesEachCredentialConfiguration() {
        JsonObject config = Http.json(Http.get("/.well-known/openid-credential-issuer"))
                .getJsonObject("credential_configurations_supported").getJsonObject("IdentityCredential");
        assertEquals("dc+sd-jwt", config.getString("format"));
        assertEquals("identity_credential", config.getString("scope"));
        assertEquals("https://credentials.example.com/identity_credential", config.getString("vct"));
        assertEquals("ES256", config.getJsonArray("credential_signing_alg_values_supported").getString(0));
        assertEquals("jwk", config.getJsonArray("cryptographic_binding_methods_supported").getString(0));
        assertEquals("ES256", config.getJsonObject("proof_types_supported").getJsonObject("jwt")
                .getJsonArray("proof_signing_alg_values_supported").getString(0));
        JsonObject credentialMetadata = config.getJsonObject("credential_metadata");
        assertEquals(8, credentialMetadata.getJsonArray("claims").size());
        assertFalse(credentialMetadata.getJsonArray("display").isEmpty());
        assertFalse(config.toString().contains("selectively_disclosable"), "internal issuance settings stay private");
    }

    @Test
    void publishesOnlyPublicSigningKeysForSdJwtVcVerifiers() throws Exception {
        HttpResponse<String> response = Http.get("/.well-known/jwt-vc-issuer");
        assertEquals(200, response.statusCode());
        JsonObject body = Http.json(response);
        assertEquals(Http.base(), body.getString("issuer"));
        JWKSet jwks = JWKSet.parse(body.getJsonObject("jwks").toString());
        assertFalse(jwks.getKeys().isEmpty());
        for (JWK key : jwks.getKeys()) {
            assertFalse(key.isPrivate(), "private key material published");
            assertEquals("P-256", key.toECKey().getCurve().getName());
            assertTrue(key.getKeyID() != null && !key.getKeyID().isBlank());
        }
    }

    @Test
    void answersAWellKnownPathOfAnotherIssuerWithNotFound() {
        // §12.2.2: the path after the well-known segment is the issuer's path; this issuer has none
        HttpResponse<String> response = Http.get("/.well-known/openid-credential-issuer/other-tenant");
        assertEquals(404, response.statusCode());
        assertEquals("not_found", Http.json(response).getString("error"));
    }

    @Test
    void refusesToWriteMetadata() {
        HttpResponse<String> response = Http.post("/.well-known/openid-credential-issuer", "{}",
                "Content-Type", "application/json");
        assertEquals(405, response.statusCode());
        assertEquals("method_not_allowed", Http.json(response).getString("error"));
    }
}
