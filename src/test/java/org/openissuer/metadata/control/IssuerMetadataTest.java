package org.openissuer.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.claimDefinition;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.element;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.mdocConfiguration;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.sdJwtConfiguration;
import static org.openissuer.testsupport.Jsons.array;
import static org.openissuer.testsupport.Jsons.object;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.mdoc.entity.ElementType;

/** The Credential Issuer Metadata, member by member (OID4VCI 1.0 §12.2.4). */
class IssuerMetadataTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final JsonArray NO_DISPLAY = JsonValue.EMPTY_JSON_ARRAY;

    @Test
    void credentialIssuerIsTheIdentifierExactly() {
        assertEquals(ISSUER, build(ISSUER).getString("credential_issuer"));
        assertEquals("http://localhost:9080", build("http://localhost:9080").getString("credential_issuer"));
    }

    @Test
    void endpointsHangOffTheIdentifier() {
        JsonObject metadata = build(ISSUER);

        assertEquals("https://issuer.example.com/oid4vci/credential", metadata.getString("credential_endpoint"));
        assertEquals("https://issuer.example.com/oid4vci/nonce", metadata.getString("nonce_endpoint"));
    }

    @Test
    void endpointsStayUnderThePathOfTheIdentifier() {
        JsonObject metadata = build("https://issuer.example.com/tenant");

        assertEquals("https://issuer.example.com/tenant", metadata.getString("credential_issuer"));
        assertEquals("https://issuer.example.com/tenant/oid4vci/credential", metadata.getString("credential_endpoint"));
        assertEquals("https://issuer.example.com/tenant/oid4vci/nonce", metadata.getString("nonce_endpoint"));
        assertEquals("https://issuer.example.com/tenant/oid4vci/notification", metadata.getString("notification_endpoint"));
    }

    @Test
    void listsAuthorizationServersInOrder() {
        JsonObject metadata = IssuerMetadata.build(ISSUER, List.of("https://as1.example.com", "https://as2.example.com/realm"),
                1, NO_DISPLAY, List.of());

        assertEquals(array("['https://as1.example.com', 'https://as2.example.com/realm']"),
                metadata.getJsonArray("authorization_servers"));
    }

    @ParameterizedTest
    @ValueSource(ints = { 2, 10, 100 })
    void announcesBatchIssuanceFromTwoCredentials(int batchSize) {
        JsonObject metadata = IssuerMetadata.build(ISSUER, List.of(ISSUER), batchSize, NO_DISPLAY, List.of());

        assertEquals(batchSize, metadata.getJsonObject("batch_credential_issuance").getInt("batch_size"));
        assertEquals(Set.of("batch_size"), metadata.getJsonObject("batch_credential_issuance").keySet());
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1 })
    void leavesOutBatchIssuanceBelowTwo(int batchSize) {
        // §12.2.4: batch_size MUST be 2 or greater
        assertFalse(IssuerMetadata.build(ISSUER, List.of(ISSUER), batchSize, NO_DISPLAY, List.of())
                .containsKey("batch_credential_issuance"));
    }

    @Test
    void passesIssuerDisplayThrough() {
        JsonArray display = array("[{'name': 'Example Issuer', 'locale': 'en-US', 'logo': {'uri': 'https://issuer.example.com/l.png'}}]");

        assertEquals(display, IssuerMetadata.build(ISSUER, List.of(ISSUER), 1, display, List.of()).getJsonArray("display"));
        assertFalse(build(ISSUER).containsKey("display"), "no empty display array");
    }

    @Test
    void hasOnlyTheTopLevelMembersOfTheSpecification() {
        JsonObject metadata = IssuerMetadata.build(ISSUER, List.of(ISSUER), 5, array("[{'name': 'Issuer'}]"),
                List.of(sdJwtConfiguration("Pid").build()));

        assertEquals(Set.of("credential_issuer", "authorization_servers", "credential_endpoint", "nonce_endpoint",
                "notification_endpoint", "deferred_credential_endpoint", "batch_credential_issuance", "display",
                "credential_configurations_supported"), metadata.keySet());
        // OID4VCI 1.0 §12.2.4, draft 13 §11.2.3: deferred offers are answered 202 and collected there
        assertEquals(ISSUER + "/oid4vci/deferred_credential", metadata.getString("deferred_credential_endpoint"));
    }

    @Test
    void describesEachConfigurationUnderItsId() {
        JsonObject supported = build(ISSUER, sdJwtConfiguration("Pid").build(), sdJwtConfiguration("Mdl").build())
                .getJsonObject("credential_configurations_supported");

        assertEquals(List.of("Pid", "Mdl"), List.copyOf(supported.keySet()));
    }

    @Test
    void configurationHasFormatScopeVctAndAlgorithms() {
        JsonObject pid = configuration(sdJwtConfiguration("Pid").scope("pid_scope")
                .vct("https://credentials.example.com/pid").proofAlgorithms("ES256", "EdDSA").build());

        assertEquals("dc+sd-jwt", pid.getString("format"));
        assertEquals("pid_scope", pid.getString("scope"));
        assertEquals("https://credentials.example.com/pid", pid.getString("vct"));
        assertEquals(array("['ES256']"), pid.getJsonArray("credential_signing_alg_values_supported"));
        assertEquals(array("['jwk']"), pid.getJsonArray("cryptographic_binding_methods_supported"));
        assertEquals(object("{'jwt': {'proof_signing_alg_values_supported': ['ES256', 'EdDSA']}}"),
                pid.getJsonObject("proof_types_supported"));
    }

    @Test
    void configurationDisplayAndClaimsGoUnderCredentialMetadata() {
        JsonArray display = array("[{'name': 'PID', 'locale': 'en', 'background_color': '#12107c'}]");
        JsonArray nameDisplay = array("[{'name': 'Given name', 'locale': 'en'}]");
        JsonObject pid = configuration(sdJwtConfiguration("Pid").display(display)
                .claim(claimDefinition(true, true, nameDisplay, "given_name"))
                .claim(claimDefinition(false, true, NO_DISPLAY, "nationalities"))
                .claim(claimDefinition(false, false, NO_DISPLAY, "nationalities", null))
                .claim(claimDefinition(false, true, NO_DISPLAY, "degrees", 0, "title")).build());

        JsonObject credentialMetadata = pid.getJsonObject("credential_metadata");
        assertEquals(Set.of("display", "claims"), credentialMetadata.keySet());
        assertEquals(display, credentialMetadata.getJsonArray("display"));
        assertEquals(array("[{'path': ['given_name'], 'mandatory': true, 'display': [{'name': 'Given name', 'locale': 'en'}]},"
                + " {'path': ['nationalities']}, {'path': ['nationalities', null]}, {'path': ['degrees', 0, 'title']}]"),
                credentialMetadata.getJsonArray("claims"));
    }

    @Test
    void leavesOutCredentialMetadataWhenThereIsNothingToDescribe() {
        assertFalse(configuration(sdJwtConfiguration("Pid").build()).containsKey("credential_metadata"));
    }

    @Test
    void keepsIssuanceInternalsOutOfTheMetadata() {
        JsonObject metadata = build(ISSUER, sdJwtConfiguration("Pid").validity(Duration.ofDays(30)).profile("haip")
                .claim(claimDefinition(false, false, NO_DISPLAY, "address"))
                .claim(claimDefinition(false, true, NO_DISPLAY, "address", "country")).build());

        JsonObject pid = metadata.getJsonObject("credential_configurations_supported").getJsonObject("Pid");
        assertEquals(Set.of("format", "scope", "vct", "credential_signing_alg_values_supported",
                "cryptographic_binding_methods_supported", "proof_types_supported", "credential_metadata"), pid.keySet());
        pid.getJsonObject("credential_metadata").getJsonArray("claims")
                .forEach(claim -> assertEquals(Set.of("path"), claim.asJsonObject().keySet()));
        String text = metadata.toString();
        for (String internal : List.of("selectively_disclosable", "validity", "P30D", "PT720H", "haip")) {
            assertFalse(text.contains(internal), internal + " leaked into " + text);
        }
    }

    @Test
    void hasAnEmptyConfigurationsObjectWithoutConfigurations() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, build(ISSUER).getJsonObject("credential_configurations_supported"));
    }

    @Test
    void anMdocConfigurationIsNamedByDoctypeAndSignedWithCoseEs256() {
        CredentialConfiguration mdl = mdocConfiguration("Mdl", "org.iso.18013.5.1.mDL")
                .claim(element("org.iso.18013.5.1", "birth_date",
                        ElementType.FULL_DATE, true))
                .build();

        JsonObject json = configuration(mdl);

        assertEquals("mso_mdoc", json.getString("format"));
        assertEquals("org.iso.18013.5.1.mDL", json.getString("doctype"));
        assertFalse(json.containsKey("vct"));
        // OID4VCI 1.0 Appendix A.2.2: numeric COSE algorithm identifiers; binding by a COSE_Key
        assertEquals(array("[-7]"), json.getJsonArray("credential_signing_alg_values_supported"));
        assertEquals(array("['cose_key']"), json.getJsonArray("cryptographic_binding_methods_supported"));
        assertEquals(array("[{'path': ['org.iso.18013.5.1', 'birth_date'], 'mandatory': true}]"),
                json.getJsonObject("credential_metadata").getJsonArray("claims"));
    }

    private static JsonObject build(String issuer, CredentialConfiguration... configurations) {
        return IssuerMetadata.build(issuer, List.of(issuer), 1, NO_DISPLAY, List.of(configurations));
    }

    private static JsonObject configuration(CredentialConfiguration config) {
        return build(ISSUER, config).getJsonObject("credential_configurations_supported").getJsonObject(config.id());
    }
}
