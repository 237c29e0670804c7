package org.openissuer.token.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class TokenRequestTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String GRANT = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Apre-authorized_code";

    private static IssuerError refusal(String contentType, String body) {
        return assertThrows(IssuerException.class, () -> TokenRequest.parse(contentType, body)).error();
    }

    @Test
    void readsCodeAndTxCode() {
        TokenRequest request = TokenRequest.parse(FORM + "; charset=UTF-8", GRANT + "&pre-authorized_code=a%2Bb&tx_code=1234");
        assertEquals("a+b", request.preAuthorizedCode());
        assertEquals(Optional.of("1234"), request.txCode());
    }

    @Test
    void treatsAnEmptyTxCodeAsAbsent() {
        assertEquals(Optional.empty(), TokenRequest.parse(FORM, GRANT + "&pre-authorized_code=c&tx_code=").txCode());
    }

    @Test
    void ignoresUnknownParameters() {
        assertEquals("c", TokenRequest.parse(FORM, GRANT + "&pre-authorized_code=c&client_id=wallet&authorization_details=%5B%5D")
                .preAuthorizedCode());
    }

    @Test
    void answersAnotherGrantWithUnsupportedGrantType() {
        assertEquals(IssuerError.UNSUPPORTED_GRANT_TYPE, refusal(FORM, "grant_type=authorization_code&code=x"));
        assertEquals(IssuerError.UNSUPPORTED_GRANT_TYPE, refusal(FORM, "grant_type=client_credentials"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "pre-authorized_code=c", GRANT, GRANT + "&pre-authorized_code=",
        GRANT + "&pre-authorized_code=a&pre-authorized_code=b", GRANT + "&pre-authorized_code=%zz"})
    void answersMissingRepeatedOrMalformedParametersWithInvalidRequest(String body) {
        assertEquals(IssuerError.INVALID_REQUEST, refusal(FORM, body));
    }

    @Test
    void requiresAFormBody() {
        assertEquals(IssuerError.INVALID_REQUEST, refusal("application/json", "{\"grant_type\":\"x\"}"));
        assertEquals(IssuerError.INVALID_REQUEST, refusal(null, GRANT + "&pre-authorized_code=c"));
    }
}
