package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;

/** Metadata older wallets can read, in the media type and languages they ask for (§12.2.2). */
@IssuerIT
class MetadataForWalletsIT {

    private static final String METADATA = "/.well-known/openid-credential-issuer";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void publishesDraft13MembersBesideThe10Ones() {
        JsonObject config = configuration(Http.json(Http.get(METADATA)));

        // 1.0 §12.2.4 where a 1.0 wallet looks
        assertEquals(8, config.getJsonObject("credential_metadata").getJsonArray("claims").size());
        // drafts 13/15 §11.2.3: display at the top; draft 13 Appendix A.3.2: claims keyed by name, and order
        assertEquals(config.getJsonObject("credential_metadata").getJsonArray("display"), config.getJsonArray("display"));
        JsonObject claims = config.getJsonObject("claims");
        assertTrue(claims.getJsonObject("given_name").getBoolean("mandatory"));
        assertEquals("Country", claims.getJsonObject("address").getJsonObject("country").getJsonArray("display")
                .getJsonObject(0).getString("name"));
        assertEquals("given_name", config.getJsonArray("order").getString(0));
        assertEquals("jwk", config.getJsonArray("cryptographic_binding_methods_supported").getString(0));
        assertTrue(config.getJsonObject("proof_types_supported").getJsonObject("jwt")
                .containsKey("proof_signing_alg_values_supported"));
    }

    @Test
    void aWalletAskingForSignedMetadataGetsJsonBecauseThereIsNone() {
        HttpResponse<String> response = Http.get(METADATA, "Accept", "application/jwt");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(Http.base(), Http.json(response).getString("credential_issuer"));
        assertEquals(200, Http.get(METADATA, "Accept", "application/jwt, application/json;q=0.5").statusCode());
    }

    @Test
    void aMediaTypeTheIssuerCannotProduceIsNotAcceptable() {
        HttpResponse<String> response = Http.get(METADATA, "Accept", "text/html");

        assertEquals(406, response.statusCode());
        assertEquals("not_acceptable", Http.json(response).getString("error"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void acceptLanguageSelectsTheDisplayDataOfThatLanguage() {
        HttpResponse<String> response = Http.get(METADATA, "Accept-Language", "de-CH, de;q=0.9, en;q=0.1");

        assertEquals(200, response.statusCode());
        JsonObject metadata = Http.json(response);
        assertEquals(List.of("de-DE", "en-US"), locales(metadata.getJsonArray("display")));
        assertEquals(List.of("de-DE", "en-US"), locales(configuration(metadata).getJsonArray("display")));
        assertEquals("de-DE, en-US", response.headers().firstValue("Content-Language").orElse(null));
        assertTrue(response.headers().firstValue("Vary").orElse("").contains("Accept-Language"));

        HttpResponse<String> german = Http.get(METADATA, "Accept-Language", "de");
        assertEquals(List.of("de-DE"), locales(Http.json(german).getJsonArray("display")));
        assertEquals("de-DE", german.headers().firstValue("Content-Language").orElse(null));
    }

    @Test
    void withoutAUsableAcceptLanguageEveryLanguageIsSent() {
        for (String header : new String[] {null, "ja", "!!"}) {
            HttpResponse<String> response = header == null ? Http.get(METADATA) : Http.get(METADATA, "Accept-Language", header);
            assertEquals(200, response.statusCode());
            assertEquals(List.of("en-US", "de-DE"), locales(Http.json(response).getJsonArray("display")));
            // RFC 9110 §8.5: the document is in every language the issuer has
            assertEquals("en-US, de-DE", response.headers().firstValue("Content-Language").orElse(null));
            assertTrue(response.headers().firstValue("Vary").orElse("").contains("Accept-Language"));
        }
    }

    private static JsonObject configuration(JsonObject metadata) {
        return metadata.getJsonObject("credential_configurations_supported").getJsonObject("IdentityCredential");
    }

    private static List<String> locales(jakarta.json.JsonArray display) {
        return display.stream().map(JsonValue::asJsonObject).map(d -> d.getJsonString("locale"))
                .map(JsonString::getString).toList();
    }
}
