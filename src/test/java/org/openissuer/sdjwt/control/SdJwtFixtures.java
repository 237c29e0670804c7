package org.openissuer.sdjwt.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;

import org.openissuer.configuration.CredentialConfigurationParser;
import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.sdjwt.entity.SdJwtVcRequest;
import org.openissuer.testsupport.Jsons;
import org.openissuer.testsupport.TestKeys;

/** Keys, a fixed clock, the built-in IdentityCredential claims and subject data for the SD-JWT tests. */
final class SdJwtFixtures {

    static final String ISSUER = "https://issuer.example.com";
    static final String VCT = "https://credentials.example.com/identity_credential";
    static final Instant NOW = Instant.parse("2026-11-23T10:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration VALIDITY = Duration.ofDays(365);

    final ECKey issuerKey = TestKeys.p256("issuer-key-1");
    final ECKey holderKey = TestKeys.p256("holder-key");

    private SdJwtFixtures() {
    }

    static SdJwtFixtures create() {
        return new SdJwtFixtures();
    }

    SdJwtVcIssuer issuer(int decoys) {
        return new SdJwtVcIssuer(issuerKey, List.of(), CLOCK, decoys);
    }

    SdJwtVcRequest request(List<ClaimDefinition> claims, JsonObject subjectData) {
        return new SdJwtVcRequest(ISSUER, VCT, SdJwtVcRequest.TYP_DC_SD_JWT, VALIDITY, holderKey.toPublicJWK(), claims,
                subjectData);
    }

    SdJwtVcRequest request(JWK holder, List<ClaimDefinition> claims, JsonObject subjectData) {
        return new SdJwtVcRequest(ISSUER, VCT, SdJwtVcRequest.TYP_DC_SD_JWT, VALIDITY, holder, claims, subjectData);
    }

    /** The claims of the shipped configuration: address SD with SD street and locality, country not SD. */
    static List<ClaimDefinition> identityClaims() {
        try (InputStream in = SdJwtFixtures.class.getResourceAsStream("/credential-configurations.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return CredentialConfigurationParser.parse(json, "credential-configurations.json").configurations()
                    .get("IdentityCredential").claims();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonObject identitySubject() {
        return Jsons.object("{'given_name': 'Erika', 'family_name': 'Mustermann', 'birthdate': '1964-08-12',"
                + " 'email': 'erika@example.com',"
                + " 'address': {'street_address': 'Heidestraße 17', 'locality': 'Köln', 'country': 'DE'}}");
    }

    /** A claim definition; path segments are names, indexes or null (all elements). */
    static ClaimDefinition claim(boolean mandatory, boolean sd, Object... path) {
        return new ClaimDefinition(Arrays.asList(path), mandatory, sd, JsonValue.EMPTY_JSON_ARRAY);
    }

    static ClaimDefinition sd(Object... path) {
        return claim(false, true, path);
    }

    static ClaimDefinition plain(Object... path) {
        return claim(false, false, path);
    }

    static JsonArray array(String singleQuoted) {
        return Jsons.array(singleQuoted);
    }
}
