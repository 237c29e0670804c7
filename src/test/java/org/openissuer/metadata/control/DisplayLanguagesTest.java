package org.openissuer.metadata.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.openissuer.testsupport.Jsons.array;
import static org.openissuer.testsupport.Jsons.object;

import java.util.List;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** OID4VCI 1.0 §12.2.2: display data for the requested languages, named in Content-Language. */
class DisplayLanguagesTest {

    private final JsonObject document = object("{'display':[{'name':'E','locale':'en-US'},{'name':'D','locale':'de-DE'},"
            + "{'name':'F','locale':'fr'}],'credential_configurations_supported':{'Id':{'credential_metadata':{"
            + "'display':[{'name':'Id','locale':'en-US'},{'name':'Ausweis','locale':'de-DE'}],"
            + "'claims':[{'path':['a'],'display':[{'name':'A','locale':'en-US'}]},{'path':['b'],'display':[{'name':'B'}]}]}}}}");

    @Test
    void keepsOnlyTheRequestedLanguagesMostPreferredFirst() {
        DisplayLanguages.Selection selection = DisplayLanguages.select(document, "fr;q=0.5, de");

        assertEquals(array("[{'name':'D','locale':'de-DE'},{'name':'F','locale':'fr'}]"),
                selection.document().getJsonArray("display"));
        assertEquals(List.of("de-DE", "fr", "en-US"), selection.contentLanguages());
    }

    @Test
    void anArrayWithoutARequestedLanguageStaysWholeSoNoClaimLosesItsLabel() {
        JsonObject metadata = DisplayLanguages.select(document, "de").document()
                .getJsonObject("credential_configurations_supported").getJsonObject("Id").getJsonObject("credential_metadata");

        assertEquals(array("[{'name':'Ausweis','locale':'de-DE'}]"), metadata.getJsonArray("display"));
        assertEquals(array("[{'name':'A','locale':'en-US'}]"), metadata.getJsonArray("claims").getJsonObject(0)
                .getJsonArray("display"));
        assertEquals(array("[{'name':'B'}]"), metadata.getJsonArray("claims").getJsonObject(1).getJsonArray("display"));
    }

    @Test
    void noMatchingLanguageOrNoUsableHeaderLeavesTheDocumentAlone() {
        for (String header : new String[] {null, "", "ja", "de;q=0", "not a ;; language", "de," + "x".repeat(600)}) {
            DisplayLanguages.Selection selection = DisplayLanguages.select(document, header);
            assertSame(document, selection.document(), String.valueOf(header));
            assertFalse(selection.narrowed());
            assertEquals(List.of("en-US", "de-DE", "fr"), selection.contentLanguages(), "every language sent");
        }
    }

    @Test
    void aLanguageRangeMatchesItsRegionalTags() {
        assertEquals(List.of("en-US"), DisplayLanguages.select(document, "en").contentLanguages());
        assertEquals(List.of("de-DE", "en-US"), DisplayLanguages.select(document, "de-DE, en;q=0.1").contentLanguages());
    }
}
