package org.openissuer.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.claimDefinition;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.element;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.mdocConfiguration;
import static org.openissuer.testsupport.CredentialConfigurationBuilder.sdJwtConfiguration;
import static org.openissuer.testsupport.Jsons.array;
import static org.openissuer.testsupport.Jsons.object;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.platform.ConfigurationException;

/** Drafts 13 and 15 read display and claims at the top of a configuration (§11.2.3, Appendix A.3.2). */
class LegacyMetadataTest {

    private static final JsonArray LABEL = array("[{'name':'Street','locale':'en-US'}]");

    private final CredentialConfiguration config = sdJwtConfiguration("Id")
            .display(array("[{'name':'Identity','locale':'en-US'}]"))
            .claim(claimDefinition(true, true, array("[{'name':'Given name'}]"), "given_name"))
            .claim(claimDefinition(false, true, array("[{'name':'Address'}]"), "address"))
            .claim(claimDefinition(false, true, LABEL, "address", "street_address"))
            .claim(claimDefinition(false, true, LABEL, "nationalities", null))
            .build();

    private JsonObject published(LegacyMetadata.ClaimsShape shape) {
        JsonObject metadata = IssuerMetadata.build("https://i", List.of("https://i"), 1, array("[]"), List.of(config),
                Optional.empty());
        return LegacyMetadata.extend(metadata, List.of(config), shape)
                .getJsonObject("credential_configurations_supported").getJsonObject("Id");
    }

    private static MetadataSettings metadataSettings(String legacyMembers, String legacyClaims) {
        MetadataSettings settings = new MetadataSettings(legacyMembers, legacyClaims);
        settings.validate();
        return settings;
    }

    @Test
    void draft13ClaimsAreAnObjectKeyedByNameNestedLikeTheCredential() {
        JsonObject json = published(LegacyMetadata.ClaimsShape.DRAFT_13);

        JsonObject claims = json.getJsonObject("claims");
        assertEquals(true, claims.getJsonObject("given_name").getBoolean("mandatory"));
        assertEquals(LABEL, claims.getJsonObject("address").getJsonObject("street_address").getJsonArray("display"));
        assertEquals("Address", claims.getJsonObject("address").getJsonArray("display").getJsonObject(0).getString("name"));
        assertFalse(claims.containsKey("nationalities"), "array paths have no name to key by");
        assertEquals(array("['given_name','address']"), json.getJsonArray("order"));
        assertEquals(json.getJsonObject("credential_metadata").getJsonArray("display"), json.getJsonArray("display"));
    }

    @Test
    void draft13MdocClaimsAreKeyedByNamespaceAndOrderedByNamespaceTildeElement() {
        CredentialConfiguration mdl = mdocConfiguration("Mdl", "org.iso.18013.5.1.mDL")
                .claim(element("org.iso.18013.5.1", "family_name",
                        ElementType.TSTR, true))
                .claim(element("org.iso.18013.5.1", "portrait",
                        ElementType.BSTR, false))
                .build();
        JsonObject metadata = IssuerMetadata.build("https://i", List.of("https://i"), 1, array("[]"), List.of(mdl),
                Optional.empty());

        JsonObject json = LegacyMetadata.extend(metadata, List.of(mdl), LegacyMetadata.ClaimsShape.DRAFT_13)
                .getJsonObject("credential_configurations_supported").getJsonObject("Mdl");

        // draft 13 Appendix A.2.2: claims by namespace, then element; order as "namespace~element"
        assertEquals(true, json.getJsonObject("claims").getJsonObject("org.iso.18013.5.1").getJsonObject("family_name")
                .getBoolean("mandatory"));
        assertEquals(array("['org.iso.18013.5.1~family_name','org.iso.18013.5.1~portrait']"), json.getJsonArray("order"));
    }

    @Test
    void draft15ClaimsAreTheClaimsDescriptionArray() {
        JsonObject json = published(LegacyMetadata.ClaimsShape.DRAFT_15);

        assertEquals(json.getJsonObject("credential_metadata").getJsonArray("claims"), json.getJsonArray("claims"));
        assertFalse(json.containsKey("order"));
        assertEquals(json.getJsonObject("credential_metadata").getJsonArray("display"), json.getJsonArray("display"));
    }

    @Test
    void theTenMembersStayAsTheyAre() {
        JsonObject json = published(LegacyMetadata.ClaimsShape.DRAFT_13);
        JsonObject plain = IssuerMetadata.build("https://i", List.of("https://i"), 1, array("[]"), List.of(config),
                Optional.empty()).getJsonObject("credential_configurations_supported").getJsonObject("Id");

        plain.forEach((name, value) -> assertEquals(value, json.get(name), name));
        assertEquals(object("{'jwt':{'proof_signing_alg_values_supported':['ES256']}}"),
                json.getJsonObject("proof_types_supported"), "draft 13 and 15 read the same shape");
    }

    @Test
    void theSettingTurnsTheLegacyMembersOff() {
        JsonObject metadata = IssuerMetadata.build("https://i", List.of("https://i"), 1, array("[]"), List.of(config),
                Optional.empty());

        assertEquals(metadata, PublishedMetadata.forEveryWallet(metadata, List.of(config), metadataSettings("false", "draft-13")));
        JsonObject on = PublishedMetadata.forEveryWallet(metadata, List.of(config), metadataSettings("true", "draft-15"))
                .getJsonObject("credential_configurations_supported").getJsonObject("Id");
        assertEquals(on.getJsonObject("credential_metadata").getJsonArray("claims"), on.getJsonArray("claims"));
    }

    @Test
    void settingsAreStrict() {
        assertEquals(true, metadataSettings("TRUE", "draft-13").legacyMembers());
        assertEquals(LegacyMetadata.ClaimsShape.DRAFT_15, metadataSettings("false", "draft-15").claimsShape());
        org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, () -> metadataSettings("yes", "draft-13"));
        org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class, () -> metadataSettings("true", "13"));
    }
}
