package org.openissuer.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.configuration.ParserRejections.rejects;
import static org.openissuer.testsupport.ClaimJson.claim;
import static org.openissuer.testsupport.CredentialConfigurationJson.sdJwt;
import static org.openissuer.testsupport.Jsons.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.testsupport.CredentialConfigurationsFile;

/** The file and configuration level; claims and display have their own test classes. */
class CredentialConfigurationParserTest {

    @Test
    void parsesTheBuiltInExample() throws IOException {
        Map<String, CredentialConfiguration> configs = CredentialConfigurationParser.parse(builtIn(), "built-in").configurations();

        assertEquals(List.of("IdentityCredential", "org.iso.18013.5.1.mDL", "eu.europa.ec.eudi.pid_mso_mdoc"),
                List.copyOf(configs.keySet()));
        CredentialConfiguration identity = configs.get("IdentityCredential");
        assertEquals("dc+sd-jwt", identity.format());
        assertEquals("identity_credential", identity.scope());
        assertEquals("https://credentials.example.com/identity_credential", identity.vct());
        assertEquals(Duration.ofDays(365), identity.validity());
        assertEquals(List.of("ES256"), identity.proofSigningAlgorithms());
        assertEquals(2, identity.display().size());
        assertEquals(8, identity.claims().size());
    }

    @Test
    void builtInExampleDeclaresAddressWithItsChildren() throws IOException {
        List<ClaimDefinition> claims = CredentialConfigurationParser.parse(builtIn(), "built-in")
                .configurations().get("IdentityCredential").claims();

        assertEquals(List.of(List.of("given_name"), List.of("family_name"), List.of("birthdate"), List.of("email"),
                List.of("address"), List.of("address", "street_address"), List.of("address", "locality"),
                List.of("address", "country")), claims.stream().map(ClaimDefinition::path).toList());
        ClaimDefinition country = claims.get(7);
        assertFalse(country.selectivelyDisclosable(), "country is always disclosed with the address");
        assertTrue(claims.get(5).selectivelyDisclosable());
        assertTrue(claims.get(0).mandatory());
        assertFalse(claims.get(3).mandatory(), "email is optional");
    }

    @Test
    void builtInExampleHasIssuerDisplay() throws IOException {
        assertEquals(2, CredentialConfigurationParser.parse(builtIn(), "built-in").issuerDisplay().size());
    }

    @Test
    void appliesDefaults() {
        CredentialConfiguration config = parse(CredentialConfigurationsFile.with(sdJwt("Pid").claims(claim("given_name"))))
                .configurations().get("Pid");

        assertEquals(Duration.ofDays(365), config.validity());
        assertEquals(List.of("ES256"), config.proofSigningAlgorithms());
        assertEquals(Optional.empty(), config.profile());
        assertTrue(config.display().isEmpty());
        ClaimDefinition claim = config.claims().get(0);
        assertTrue(claim.selectivelyDisclosable());
        assertFalse(claim.mandatory());
        assertTrue(claim.display().isEmpty());
    }

    @Test
    void readsExplicitValues() {
        CredentialConfiguration config = parse(CredentialConfigurationsFile.with(sdJwt("Pid")
                .set("validity", "PT12H").set("credential_profile", "haip")
                .set("proof_signing_alg_values_supported", json("['ES256', 'EdDSA']"))))
                .configurations().get("Pid");

        assertEquals(Duration.ofHours(12), config.validity());
        assertEquals(Optional.of("haip"), config.profile());
        assertEquals(List.of("ES256", "EdDSA"), config.proofSigningAlgorithms());
    }

    @Test
    void givesCredentialsAStatusListEntryUnlessAConfigurationOptsOut() {
        var parsed = parse(CredentialConfigurationsFile.with(sdJwt("Default"),
                sdJwt("ExpOnly").set("status_list", JsonValue.FALSE), sdJwt("Explicit").set("status_list", JsonValue.TRUE)));

        assertTrue(parsed.configurations().get("Default").statusList());
        assertFalse(parsed.configurations().get("ExpOnly").statusList());
        assertTrue(parsed.configurations().get("Explicit").statusList());
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("status_list", "no")).toJson(), "'status_list' must be true or false");
    }

    @Test
    void keepsConfigurationsInFileOrder() {
        var parsed = parse(CredentialConfigurationsFile.with(sdJwt("Zeta"), sdJwt("Alpha"), sdJwt("Mid")));

        assertEquals(List.of("Zeta", "Alpha", "Mid"), List.copyOf(parsed.configurations().keySet()));
        assertTrue(parsed.issuerDisplay().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = { "not json", "", "[]", "\"text\"", "{\"credential_configurations\": " })
    void rejectsTextThatIsNoJsonObject(String text) {
        rejects(text, "is not a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = { " }", " garbage", " {\"credential_configurations\": {}}", ",", " []" })
    void rejectsContentAfterTheObject(String trailing) {
        // A stray brace or a second pasted object must not be ignored silently
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")).toJson() + trailing, "is not a JSON object");
    }

    @Test
    void acceptsWhitespaceAfterTheObject() {
        assertEquals(1, CredentialConfigurationParser.parse(CredentialConfigurationsFile.with(sdJwt("Pid")).toJson() + "\n\t \r\n",
                "test.json").configurations().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "{}", "{\"credential_configurations\": {}}", "{\"credential_configurations\": []}",
            "{\"credential_configurations\": null}" })
    void rejectsMissingOrEmptyConfigurations(String text) {
        rejects(text, "needs a non-empty object 'credential_configurations'");
    }

    @Test
    void rejectsConfigurationThatIsNoObject() {
        rejects("{\"credential_configurations\": {\"Pid\": \"dc+sd-jwt\"}}", "'Pid' is not an object");
    }

    @Test
    void rejectsEmptyConfigurationId() {
        rejects(CredentialConfigurationsFile.with(sdJwt(" ").set("scope", "blank")).toJson(), "id is empty");
    }

    @Test
    void rejectsUnknownMemberOfTheFile() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")).set("credential_configuration", json("{}")).toJson(),
                "the file: unknown member 'credential_configuration'");
    }

    @Test
    void rejectsUnknownMemberOfAConfiguration() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("scopes", "pid")).toJson(),
                "'Pid': unknown member 'scopes'", "allowed: claims, credential_profile, display, format");
    }

    @ParameterizedTest
    @ValueSource(strings = { "vc+sd-jwt", "jwt_vc_json", "ldp_vc", "MSO_MDOC", "DC+SD-JWT" })
    void rejectsUnsupportedFormat(String format) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("format", format)).toJson(),
                "format '" + format + "' is not supported");
    }

    @Test
    void rejectsMissingFormat() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").remove("format")).toJson(), "'format' must be a non-empty string");
    }

    @Test
    void rejectsMissingOrBlankVct() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").remove("vct")).toJson(), "'Pid': 'vct' must be a non-empty string");
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("vct", " ")).toJson(), "'vct' must be a non-empty string");
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("vct", json("42"))).toJson(), "'vct' must be a non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = { "pid credential", "pid\"", "pid\\x", "caf\u00e9", "tab\there" })
    void rejectsScopeThatIsNoOAuthScopeToken(String scope) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("scope", scope)).toJson(), "is not a valid OAuth scope token");
    }

    @Test
    void rejectsMissingScope() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").remove("scope")).toJson(), "'scope' must be a non-empty string");
    }

    @Test
    void rejectsScopeUsedByTwoConfigurations() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("scope", "same"), sdJwt("Mdl").set("scope", "same")).toJson(),
                "scope 'same' is used by two credential configurations");
    }

    @ParameterizedTest
    @ValueSource(strings = { "365", "1 year", "P1Y", "365D", "" })
    void rejectsValidityThatIsNoIsoDuration(String validity) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("validity", validity)).toJson(), "validity");
    }

    @ParameterizedTest
    @ValueSource(strings = { "P0D", "PT0S", "-P1D", "P-1D", "PT-1S" })
    void rejectsValidityThatIsNotPositive(String validity) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("validity", validity)).toJson(), "validity must be positive");
    }

    @ParameterizedTest
    @ValueSource(strings = { "['none']", "['HS256']", "['ES256', 'HS512']", "['es256']", "[256]", "[]", "'ES256'" })
    void rejectsProofAlgorithmsThatAreNotAsymmetricJwsAlgorithms(String algs) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("proof_signing_alg_values_supported", json(algs))).toJson(),
                "proof_signing_alg_values_supported");
    }

    private static CredentialConfigurationParser.Parsed parse(CredentialConfigurationsFile file) {
        return CredentialConfigurationParser.parse(file.toJson(), "test.json");
    }

    private static String builtIn() throws IOException {
        try (InputStream in = CredentialConfigurationParser.class.getResourceAsStream("/credential-configurations.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
