package org.openissuer.metadata.control;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.openissuer.platform.Endpoints;
import org.openissuer.token.entity.TokenRequest;

/**
 * The built-in authorization server's metadata (RFC 8414 §2, OID4VCI 1.0 §12.3). It serves only
 * the pre-authorized code grant, so it has a token endpoint and no authorization endpoint.
 */
public final class AuthorizationServerMetadata {

    private AuthorizationServerMetadata() {
    }

    public static JsonObject build(String issuer) {
        return build(issuer, List.of());
    }

    /** @param dpopAlgorithms RFC 9449 §5.1 dpop_signing_alg_values_supported; omitted when empty */
    public static JsonObject build(String issuer, List<String> dpopAlgorithms) {
        JsonObjectBuilder metadata = Json.createObjectBuilder()
                .add("issuer", issuer)
                .add("token_endpoint", issuer + Endpoints.TOKEN)
                .add("jwks_uri", issuer + Endpoints.JWKS)
                // RFC 8414 §2 requires the member; no authorization endpoint means no response type at all
                .add("response_types_supported", Json.createArrayBuilder())
                .add("grant_types_supported", Json.createArrayBuilder().add(TokenRequest.PRE_AUTHORIZED_GRANT))
                // OID4VCI 1.0 §12.3: wallets may redeem codes without client authentication
                .add("pre-authorized_grant_anonymous_access_supported", true)
                .add("token_endpoint_auth_methods_supported", Json.createArrayBuilder().add("none"))
                .add("authorization_details_types_supported", Json.createArrayBuilder().add("openid_credential"));
        if (!dpopAlgorithms.isEmpty()) {
            metadata.add("dpop_signing_alg_values_supported", Json.createArrayBuilder(dpopAlgorithms));
        }
        return metadata.build();
    }
}
