package org.openissuer.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class BearerTokensTest {

    @Test
    void readsTheTokenWhateverTheSchemeCase() {
        assertEquals("abc.def.ghi", BearerTokens.extract("Bearer abc.def.ghi"));
        assertEquals("abc.def.ghi", BearerTokens.extract("bearer abc.def.ghi"));
    }

    @Test
    void refusesMissingOrForeignCredentialsAsInvalidToken() {
        for (String header : Arrays.asList(null, "", "Bearer", "Bearer ", "Basic dXNlcg==", "Bearer a b", "DPoP abc")) {
            IssuerException e = assertThrows(IssuerException.class, () -> BearerTokens.extract(header));
            assertEquals(IssuerError.INVALID_TOKEN, e.error());
        }
    }
}
