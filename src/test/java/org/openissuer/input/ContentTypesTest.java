package org.openissuer.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void theMediaTypeMatchesWhateverItsCaseAndParameters() {
        assertTrue(ContentTypes.is("application/json", "application/json"));
        assertTrue(ContentTypes.is("Application/JSON; charset=UTF-8", "application/json"));
        assertTrue(ContentTypes.is(" application/x-www-form-urlencoded ;charset", "application/x-www-form-urlencoded"));
    }

    @Test
    void anotherOrMissingMediaTypeDoesNot() {
        assertFalse(ContentTypes.is(null, "application/json"));
        assertFalse(ContentTypes.is("", "application/json"));
        assertFalse(ContentTypes.is("application/jwt", "application/json"));
        assertFalse(ContentTypes.is("application/json-patch+json", "application/json"));
        assertFalse(ContentTypes.is("application/x-www-form-urlencodedx", "application/x-www-form-urlencoded"));
        assertFalse(ContentTypes.is("text/json", "application/json"));
    }
}
