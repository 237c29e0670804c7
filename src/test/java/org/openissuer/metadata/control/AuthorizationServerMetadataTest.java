package org.openissuer.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Jsons;

/** RFC 8414 §2 and OID4VCI 1.0 §12.3, member by member. */
class AuthorizationServerMetadataTest {

    @Test
    void describesATokenEndpointForThePreAuthorizedGrantOnly() {
        JsonObject metadata = AuthorizationServerMetadata.build("https://issuer.example.com/tenant");

        assertEquals(Jsons.object("{'issuer': 'https://issuer.example.com/tenant',"
                + " 'token_endpoint': 'https://issuer.example.com/tenant/oid4vci/token',"
                + " 'jwks_uri': 'https://issuer.example.com/tenant/oid4vci/jwks',"
                + " 'response_types_supported': [],"
                + " 'grant_types_supported': ['urn:ietf:params:oauth:grant-type:pre-authorized_code'],"
                + " 'pre-authorized_grant_anonymous_access_supported': true,"
                + " 'token_endpoint_auth_methods_supported': ['none'],"
                + " 'authorization_details_types_supported': ['openid_credential']}"), metadata);
        assertTrue(metadata.getJsonArray("response_types_supported").isEmpty(), "no authorization endpoint");
    }

    @Test
    void advertisesTheDPoPAlgorithms() {
        JsonObject metadata = AuthorizationServerMetadata.build("https://issuer.example.com", List.of("ES256", "PS256"));

        // RFC 9449 §5.1
        assertEquals(Jsons.array("['ES256', 'PS256']"), metadata.getJsonArray("dpop_signing_alg_values_supported"));
    }
}
