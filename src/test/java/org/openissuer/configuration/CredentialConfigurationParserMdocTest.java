package org.openissuer.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.configuration.ParserRejections.rejects;
import static org.openissuer.testsupport.ClaimJson.claim;
import static org.openissuer.testsupport.CredentialConfigurationJson.mdoc;
import static org.openissuer.testsupport.CredentialConfigurationJson.sdJwt;
import static org.openissuer.testsupport.Jsons.json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.testsupport.CredentialConfigurationsFile;

/** mso_mdoc configurations (OID4VCI 1.0 Appendix A.2), validated as strictly as SD-JWT VC ones. */
class CredentialConfigurationParserMdocTest {

    private static final String ISO = "org.iso.18013.5.1";

    @Test
    void parsesTheBuiltInMdlAndPid() throws IOException {
        var configs = CredentialConfigurationParser.parse(builtIn(), "built-in").configurations();

        CredentialConfiguration mdl = configs.get("org.iso.18013.5.1.mDL");
        assertEquals("mso_mdoc", mdl.format());
        assertEquals(Optional.of("org.iso.18013.5.1.mDL"), mdl.doctype());
        assertEquals("org.iso.18013.5.1.mDL", mdl.credentialType());
        assertTrue(mdl.isMdoc());
        ClaimDefinition birthDate = mdl.claims().stream().filter(c -> c.name().equals("birth_date")).findFirst().orElseThrow();
        assertEquals(List.of(ISO, "birth_date"), birthDate.path());
        assertEquals(Optional.of(ElementType.FULL_DATE), birthDate.elementType());
        assertTrue(birthDate.mandatory());
        assertEquals(Optional.of(ElementType.BSTR), mdl.claims().stream().filter(c -> c.name().equals("portrait"))
                .findFirst().orElseThrow().elementType());
        assertEquals(Optional.of("eu.europa.ec.eudi.pid.1"), configs.get("eu.europa.ec.eudi.pid_mso_mdoc").doctype());
    }

    @Test
    void anElementWithoutValueTypeTakesAnyValue() {
        var config = parse(mdoc("Mdl", "org.iso.18013.5.1.mDL").claims(claim(ISO, "family_name")));

        assertEquals(Optional.of(ElementType.ANY), config.claims().get(0).elementType());
    }

    @Test
    void requiresADoctype() {
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "x").remove("doctype")).toJson(),
                "'Mdl'", "'doctype' must be a non-empty string");
    }

    @Test
    void refusesVctAndSdJwtMembers() {
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d").set("vct", "https://x")).toJson(),
                "'Mdl': unknown member 'vct'");
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d").set("credential_profile", "p")).toJson(),
                "'Mdl': unknown member 'credential_profile'");
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("doctype", "d")).toJson(),
                "'Pid': unknown member 'doctype'");
    }

    @Test
    void refusesAPathThatIsNotNamespaceAndElement() {
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d").claims(claim("family_name"))).toJson(),
                "path is [namespace, element identifier]");
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d").claims(claim(ISO, "a", "b"))).toJson(),
                "path is [namespace, element identifier]");
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d").claims(claim(ISO, ""))).toJson(),
                "path is [namespace, element identifier]");
    }

    @Test
    void refusesAnUnknownValueType() {
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d")
                .claims(claim(ISO, "birth_date").set("value_type", Json.createValue("date")))).toJson(),
                "value_type 'date' is not one of", "full-date");
    }

    @Test
    void refusesSelectiveDisclosureSwitchesAndTwins() {
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d")
                .claims(claim(ISO, "age_over_18").selectivelyDisclosable(false))).toJson(),
                "unknown member 'selectively_disclosable'");
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d")
                .claims(claim(ISO, "given_name"), claim(ISO, "given_name"))).toJson(), "is declared twice");
    }

    @Test
    void signsOnlyWithEs256() {
        parse(mdoc("Mdl", "d").set("credential_signing_alg_values_supported", json("[-7]")));
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d")
                .set("credential_signing_alg_values_supported", json("[-35]"))).toJson(), "must be [-7] (ES256)");
        rejects(CredentialConfigurationsFile.with(mdoc("Mdl", "d")
                .set("credential_signing_alg_values_supported", json("['ES256']"))).toJson(), "must be [-7] (ES256)");
    }

    private static CredentialConfiguration parse(org.openissuer.testsupport.CredentialConfigurationJson config) {
        return CredentialConfigurationParser.parse(CredentialConfigurationsFile.with(config).toJson(), "test.json")
                .configurations().values().iterator().next();
    }

    private static String builtIn() throws IOException {
        try (InputStream in = CredentialConfigurationParser.class.getResourceAsStream("/credential-configurations.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
