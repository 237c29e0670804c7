package org.openissuer.token.entity;

import java.time.Duration;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

/** An access token minted by the token endpoint, and its response (OID4VCI 1.0 §6.2, RFC 6749 §5.1). */
public record IssuedToken(String value, String tokenId, String tokenType, Duration expiresIn,
        List<AuthorizationDetail> authorizationDetails) {

    public IssuedToken {
        authorizationDetails = List.copyOf(authorizationDetails);
    }

    public JsonObject toResponse() {
        JsonArrayBuilder details = Json.createArrayBuilder();
        for (AuthorizationDetail detail : authorizationDetails) {
            JsonArrayBuilder identifiers = Json.createArrayBuilder();
            detail.credentialIdentifiers().forEach(identifiers::add);
            details.add(Json.createObjectBuilder().add("type", AuthorizationDetail.TYPE)
                    .add("credential_configuration_id", detail.credentialConfigurationId())
                    .add("credential_identifiers", identifiers));
        }
        return Json.createObjectBuilder()
                .add("access_token", value)
                .add("token_type", tokenType)
                .add("expires_in", expiresIn.toSeconds())
                .add("authorization_details", details)
                .build();
    }
}
