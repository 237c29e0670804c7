package org.openissuer.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.openissuer.configuration.ParserRejections.rejects;
import static org.openissuer.testsupport.ClaimJson.claim;
import static org.openissuer.testsupport.CredentialConfigurationJson.sdJwt;
import static org.openissuer.testsupport.Jsons.array;
import static org.openissuer.testsupport.Jsons.json;

import jakarta.json.JsonArray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.testsupport.CredentialConfigurationsFile;

/** "display" of the issuer, of a configuration and of a claim (OID4VCI 1.0 §12.2.4, Appendix B.2). */
class CredentialConfigurationParserDisplayTest {

    private static final String ISSUER_DISPLAY = "[{'name': 'Example Issuer', 'locale': 'en-US',"
            + " 'logo': {'uri': 'https://issuer.example.com/logo.png', 'alt_text': 'logo'}},"
            + " {'name': 'Beispiel', 'locale': 'de-DE'}]";
    private static final String CARD_DISPLAY = "[{'name': 'PID', 'locale': 'en', 'description': 'Person ID',"
            + " 'background_color': '#12107c', 'text_color': '#FFFFFF',"
            + " 'background_image': {'uri': 'https://issuer.example.com/card.png'}, 'x-vendor': 1}]";

    @Test
    void passesDisplayThroughUnchanged() {
        var parsed = CredentialConfigurationParser.parse(CredentialConfigurationsFile
                .with(sdJwt("Pid").set("display", json(CARD_DISPLAY))
                        .claims(claim("given_name").set("display", json("[{'name': 'Given name', 'locale': 'en'}]"))))
                .set("display", json(ISSUER_DISPLAY)).toJson(), "test.json");

        assertEquals(array(ISSUER_DISPLAY), parsed.issuerDisplay());
        CredentialConfiguration pid = parsed.configurations().get("Pid");
        assertEquals(array(CARD_DISPLAY), pid.display());
        assertEquals(array("[{'name': 'Given name', 'locale': 'en'}]"), pid.claims().get(0).display());
    }

    @Test
    void allowsClaimDisplayWithoutName() {
        JsonArray display = CredentialConfigurationParser.parse(CredentialConfigurationsFile
                .with(sdJwt("Pid").claims(claim("given_name").set("display", json("[{'locale': 'en'}]")))).toJson(),
                "test.json").configurations().get("Pid").claims().get(0).display();

        assertEquals(array("[{'locale': 'en'}]"), display);
    }

    @Test
    void allowsOneDisplayWithoutLocale() {
        var parsed = CredentialConfigurationParser.parse(CredentialConfigurationsFile.with(sdJwt("Pid"))
                .set("display", json("[{'name': 'Issuer'}, {'name': 'Aussteller', 'locale': 'de'}]")).toJson(), "test.json");

        assertEquals(2, parsed.issuerDisplay().size());
    }

    @ParameterizedTest
    @ValueSource(strings = { "[{'locale': 'en'}]", "[{'name': 7}]", "[{'name': null}]", "[{'name': 'ok'}, {'locale': 'de'}]" })
    void rejectsIssuerDisplayWithoutName(String display) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")).set("display", json(display)).toJson(),
                "the file: every display entry needs a string 'name'");
    }

    @Test
    void rejectsConfigurationDisplayWithoutName() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("display", json("[{'locale': 'en'}]"))).toJson(),
                "'Pid': every display entry needs a string 'name'");
    }

    @Test
    void rejectsClaimDisplayWithNameThatIsNoString() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").claims(claim("given_name")
                .set("display", json("[{'name': ['Given'], 'locale': 'en'}]")))).toJson(),
                "claim [\"given_name\"]: every display entry needs a string 'name'");
    }

    @Test
    void rejectsDuplicateLocaleInIssuerDisplay() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid"))
                .set("display", json("[{'name': 'A', 'locale': 'en'}, {'name': 'B', 'locale': 'en'}]")).toJson(),
                "two display entries for locale 'en'");
    }

    @Test
    void rejectsDuplicateLocaleInConfigurationDisplay() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")
                .set("display", json("[{'name': 'A', 'locale': 'de-DE'}, {'name': 'B', 'locale': 'de-DE'}]"))).toJson(),
                "'Pid': two display entries for locale 'de-DE'");
    }

    @Test
    void rejectsDuplicateLocaleInClaimDisplay() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").claims(claim("given_name")
                .set("display", json("[{'name': 'A', 'locale': 'en'}, {'name': 'B', 'locale': 'en'}]")))).toJson(),
                "two display entries for locale 'en'");
    }

    @Test
    void rejectsTwoDisplaysWithoutLocale() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")).set("display", json("[{'name': 'A'}, {'name': 'B'}]")).toJson(),
                "two display entries for locale ''");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{'alt_text': 'logo'}", "{'uri': 'not a uri'}", "{'uri': 'logo.png'}", "{'uri': '/img/logo.png'}",
            "{'uri': 42}", "'https://issuer.example.com/logo.png'", "{'uri': ''}" })
    void rejectsLogoWithoutValidUri(String logo) {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid"))
                .set("display", json("[{'name': 'Issuer', 'logo': " + logo + "}]")).toJson(),
                "display 'logo' needs a 'uri' that is a valid URI");
    }

    @Test
    void rejectsBackgroundImageWithoutValidUriInConfigurationDisplay() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")
                .set("display", json("[{'name': 'PID', 'background_image': {'uri': 'card.png'}}]"))).toJson(),
                "'Pid': display 'background_image' needs a 'uri' that is a valid URI");
    }

    @Test
    void rejectsDisplayThatIsNoArrayOfObjects() {
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid")).set("display", json("{'name': 'Issuer'}")).toJson(),
                "'display' must be an array");
        rejects(CredentialConfigurationsFile.with(sdJwt("Pid").set("display", json("['PID']"))).toJson(),
                "display entries must be objects");
    }
}
