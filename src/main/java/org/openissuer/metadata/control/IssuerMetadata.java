package org.openissuer.metadata.control;

import static org.openissuer.configuration.CredentialConfigurationParser.COSE_ES256;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.keys.control.SigningKeys;
import org.openissuer.platform.Endpoints;

/** Builds the Credential Issuer Metadata document (OID4VCI 1.0 §12.2.4). */
public final class IssuerMetadata {

    private IssuerMetadata() {
    }

    public static JsonObject build(String issuer, List<String> authorizationServers, int batchSize,
            JsonArray issuerDisplay, Collection<CredentialConfiguration> configurations) {
        return build(issuer, authorizationServers, batchSize, issuerDisplay, configurations, Optional.empty());
    }

    /** @param encryption credential_request_encryption and credential_response_encryption (§12.2.4) */
    public static JsonObject build(String issuer, List<String> authorizationServers, int batchSize,
            JsonArray issuerDisplay, Collection<CredentialConfiguration> configurations, Optional<Encryption> encryption) {
        return build(issuer, authorizationServers, batchSize, issuerDisplay, configurations, encryption, List.of());
    }

    /** @param dpopAlgorithms dpop_signing_alg_values_supported (OID4VCI 1.0 §12.2.4, RFC 9449); omitted when empty */
    public static JsonObject build(String issuer, List<String> authorizationServers, int batchSize,
            JsonArray issuerDisplay, Collection<CredentialConfiguration> configurations, Optional<Encryption> encryption,
            List<String> dpopAlgorithms) {
        JsonObjectBuilder metadata = Json.createObjectBuilder()
                .add("credential_issuer", issuer)
                .add("authorization_servers", strings(authorizationServers))
                .add("credential_endpoint", issuer + Endpoints.CREDENTIAL)
                .add("nonce_endpoint", issuer + Endpoints.NONCE)
                // §12.2.4 (draft 13 §11.2.3 alike): offers that need the back office's approval are answered 202 (§8.3)
                .add("deferred_credential_endpoint", issuer + Endpoints.DEFERRED_CREDENTIAL)
                // §12.2.4 (draft 13 §11.2.3 alike): every credential response carries a notification_id
                .add("notification_endpoint", issuer + Endpoints.NOTIFICATION);
        // §12.2.4: batch_size MUST be 2 or greater; a limit of 1 means no batch issuance
        if (batchSize >= 2) {
            metadata.add("batch_credential_issuance", Json.createObjectBuilder().add("batch_size", batchSize));
        }
        encryption.ifPresent(e -> metadata.add("credential_request_encryption", e.request())
                .add("credential_response_encryption", e.response()));
        if (!dpopAlgorithms.isEmpty()) {
            metadata.add("dpop_signing_alg_values_supported", strings(dpopAlgorithms));
        }
        if (!issuerDisplay.isEmpty()) {
            metadata.add("display", issuerDisplay);
        }
        JsonObjectBuilder supported = Json.createObjectBuilder();
        configurations.forEach(c -> supported.add(c.id(), configuration(c)));
        return metadata.add("credential_configurations_supported", supported).build();
    }

    public record Encryption(JsonObject request, JsonObject response) {
    }

    private static JsonObject configuration(CredentialConfiguration config) {
        JsonObjectBuilder credentialMetadata = Json.createObjectBuilder();
        if (!config.display().isEmpty()) {
            credentialMetadata.add("display", config.display());
        }
        if (!config.claims().isEmpty()) {
            JsonArrayBuilder claims = Json.createArrayBuilder();
            config.claims().forEach(claim -> claims.add(claim(claim)));
            credentialMetadata.add("claims", claims);
        }
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("format", config.format())
                .add("scope", config.scope());
        if (config.isMdoc()) {
            // Appendix A.2.2: numeric COSE algorithm ids; the holder is bound by the MSO's deviceKey (COSE_Key)
            json.add("doctype", config.doctype().orElseThrow())
                    .add("credential_signing_alg_values_supported", Json.createArrayBuilder().add(COSE_ES256))
                    .add("cryptographic_binding_methods_supported", strings(List.of("cose_key")));
        } else {
            // Appendix A.3.2 / SD-JWT VC: the issuer signs with ES256, the holder is bound by cnf.jwk
            json.add("vct", config.vct())
                    .add("credential_signing_alg_values_supported", strings(List.of(SigningKeys.ALGORITHM.getName())))
                    .add("cryptographic_binding_methods_supported", strings(List.of("jwk")));
        }
        json.add("proof_types_supported", Json.createObjectBuilder()
                        .add("jwt", Json.createObjectBuilder()
                                .add("proof_signing_alg_values_supported", strings(config.proofSigningAlgorithms()))));
        JsonObject built = credentialMetadata.build();
        if (!built.isEmpty()) {
            json.add("credential_metadata", built);
        }
        return json.build();
    }

    // Appendix B.2: claims description {path, mandatory, display}; how a claim is disclosed is the issuer's business
    private static JsonObject claim(ClaimDefinition claim) {
        JsonArrayBuilder path = Json.createArrayBuilder();
        for (Object segment : claim.path()) {
            if (segment instanceof String s) {
                path.add(s);
            } else if (segment instanceof Integer i) {
                path.add(i);
            } else {
                path.add(JsonValue.NULL);
            }
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("path", path);
        if (claim.mandatory()) {
            json.add("mandatory", true);
        }
        if (!claim.display().isEmpty()) {
            json.add("display", claim.display());
        }
        return json.build();
    }

    private static JsonArray strings(Collection<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array.build();
    }
}
