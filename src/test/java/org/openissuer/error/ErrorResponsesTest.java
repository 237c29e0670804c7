package org.openissuer.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorResponsesTest {

    // What the wire contract says, written out independently of the enum
    private static final Map<IssuerError, Integer> STATUS = Map.ofEntries(
            Map.entry(IssuerError.INVALID_REQUEST, 400),
            Map.entry(IssuerError.INVALID_GRANT, 400),
            Map.entry(IssuerError.UNSUPPORTED_GRANT_TYPE, 400),
            Map.entry(IssuerError.INVALID_CREDENTIAL_REQUEST, 400),
            Map.entry(IssuerError.UNKNOWN_CREDENTIAL_CONFIGURATION, 400),
            Map.entry(IssuerError.UNKNOWN_CREDENTIAL_IDENTIFIER, 400),
            Map.entry(IssuerError.INVALID_PROOF, 400),
            Map.entry(IssuerError.INVALID_NONCE, 400),
            Map.entry(IssuerError.INVALID_ENCRYPTION_PARAMETERS, 400),
            Map.entry(IssuerError.CREDENTIAL_REQUEST_DENIED, 400),
            Map.entry(IssuerError.INVALID_TRANSACTION_ID, 400),
            Map.entry(IssuerError.ISSUANCE_PENDING, 400),
            Map.entry(IssuerError.INVALID_NOTIFICATION_ID, 400),
            Map.entry(IssuerError.INVALID_NOTIFICATION_REQUEST, 400),
            Map.entry(IssuerError.UNSUPPORTED_CREDENTIAL_TYPE, 400),
            Map.entry(IssuerError.UNSUPPORTED_CREDENTIAL_FORMAT, 400),
            Map.entry(IssuerError.INVALID_DPOP_PROOF, 400),
            Map.entry(IssuerError.USE_DPOP_NONCE, 400),
            Map.entry(IssuerError.INVALID_TOKEN, 401),
            Map.entry(IssuerError.INSUFFICIENT_SCOPE, 403),
            Map.entry(IssuerError.ACCESS_DENIED, 403),
            Map.entry(IssuerError.NOT_FOUND, 404),
            Map.entry(IssuerError.METHOD_NOT_ALLOWED, 405),
            Map.entry(IssuerError.NOT_ACCEPTABLE, 406),
            Map.entry(IssuerError.CONFLICT, 409),
            Map.entry(IssuerError.UNSUPPORTED_MEDIA_TYPE, 415),
            Map.entry(IssuerError.TEMPORARILY_UNAVAILABLE, 429),
            Map.entry(IssuerError.SERVICE_UNAVAILABLE, 503),
            Map.entry(IssuerError.SERVER_ERROR, 500));
    private static final Set<IssuerError> TOKEN_ERRORS = Set.of(IssuerError.INVALID_TOKEN, IssuerError.INSUFFICIENT_SCOPE);

    @Test
    void everyErrorHasAnExpectedStatus() {
        assertEquals(Set.of(IssuerError.values()), STATUS.keySet(), "a new IssuerError needs its status pinned here");
    }

    @ParameterizedTest
    @EnumSource(IssuerError.class)
    void writesStatusAndErrorCodeAsJson(IssuerError error) {
        Response response = ErrorResponses.of(error, "what went wrong");

        assertEquals(STATUS.get(error), response.getStatus());
        assertTrue(MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType()));
        JsonObject body = body(response);
        assertEquals(error.code(), body.getString("error"));
        // the one code with two statuses: 429 for a rate limit, 503 while the database is unreachable
        assertEquals(error == IssuerError.SERVICE_UNAVAILABLE ? "temporarily_unavailable" : error.name().toLowerCase(), error.code());
        assertEquals("what went wrong", body.getString("error_description"));
        assertEquals(Set.of("error", "error_description"), body.keySet());
    }

    @Test
    void dpopErrorsAreUnauthorizedWithADPoPChallengeAtTheResourceServer() {
        Response response = ErrorResponses.of(IssuerError.INVALID_DPOP_PROOF, "bad htu", JsonValue.EMPTY_JSON_OBJECT,
                Optional.of(Challenge.dpop("ES256 PS256")));
        assertEquals(401, response.getStatus());
        assertEquals("DPoP error=\"invalid_dpop_proof\", error_description=\"bad htu\", algs=\"ES256 PS256\"",
                response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
        Response token = ErrorResponses.of(IssuerError.INVALID_TOKEN, "", JsonValue.EMPTY_JSON_OBJECT,
                Optional.of(Challenge.dpop("ES256")));
        assertEquals("DPoP error=\"invalid_token\", algs=\"ES256\"", token.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void dpopErrorsAreBadRequestsWithoutChallengeAtTheTokenEndpoint() {
        Response response = ErrorResponses.of(IssuerError.USE_DPOP_NONCE, "nonce required");
        assertEquals(400, response.getStatus());
        assertEquals(null, response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @ParameterizedTest
    @EnumSource(IssuerError.class)
    void forbidsCachingOfEveryError(IssuerError error) {
        assertEquals("no-store", ErrorResponses.of(error, "x").getHeaderString(HttpHeaders.CACHE_CONTROL));
    }

    @ParameterizedTest
    @EnumSource(IssuerError.class)
    void challengesWithBearerOnlyForTokenErrors(IssuerError error) {
        String challenge = ErrorResponses.of(error, "token expired").getHeaderString(HttpHeaders.WWW_AUTHENTICATE);

        if (TOKEN_ERRORS.contains(error)) {
            assertEquals("Bearer error=\"" + error.code() + "\", error_description=\"token expired\"", challenge);
        } else {
            assertNull(challenge);
        }
    }

    @Test
    void leavesOutDescriptionWhenThereIsNone() {
        Response response = ErrorResponses.of(IssuerError.INVALID_TOKEN, null);

        assertEquals(Set.of("error"), body(response).keySet());
        assertEquals("Bearer error=\"invalid_token\"", response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE));
    }

    @Test
    void leavesOutDescriptionThatIsOnlyControlCharacters() {
        assertFalse(body(ErrorResponses.of(IssuerError.INVALID_PROOF, "\r\n\t")).containsKey("error_description"));
    }

    @Test
    void descriptionWithQuoteAndLineBreakCannotBreakOutOfTheChallenge() {
        Response response = ErrorResponses.of(IssuerError.INVALID_TOKEN,
                "bad\", error=\"other\r\nSet-Cookie: session=stolen\\");

        String challenge = response.getHeaderString(HttpHeaders.WWW_AUTHENTICATE);
        assertEquals("Bearer error=\"invalid_token\", error_description=\"bad', error='other  Set-Cookie: session=stolen'\"",
                challenge);
        assertEquals("bad', error='other  Set-Cookie: session=stolen'", body(response).getString("error_description"));
    }

    @Test
    void sanitizeReplacesQuoteAndBackslash() {
        assertEquals("say 'hi' in C:'dir", ErrorResponses.sanitize("say \"hi\" in C:\\dir"));
    }

    @Test
    void sanitizeBlanksControlAndNonAsciiCharacters() {
        assertEquals("a  b c d e f", ErrorResponses.sanitize("a\r\nb\tc\u0000d\u00e9e\u007ff"));
        assertEquals("Stra e", ErrorResponses.sanitize("Stra\u00dfe"));
        assertEquals("x    y", ErrorResponses.sanitize("x \ud83d\ude00 y"), "a surrogate pair is two blanks");
    }

    @Test
    void sanitizeTrimsTheResult() {
        assertEquals("nonce expired", ErrorResponses.sanitize("\r\n  nonce expired \u2028"));
    }

    @Test
    void sanitizeKeepsEveryPrintableAsciiCharacterExceptQuoteAndBackslash() {
        StringBuilder printable = new StringBuilder();
        for (char c = 0x21; c <= 0x7e; c++) {
            printable.append(c);
        }
        String expected = printable.toString().replace('"', '\'').replace('\\', '\'');
        assertEquals(expected, ErrorResponses.sanitize(printable.toString()));
    }

    @Test
    void sanitizeCapsTheLength() {
        assertEquals("a".repeat(300), ErrorResponses.sanitize("a".repeat(301)));
        assertEquals("b".repeat(300), ErrorResponses.sanitize("b".repeat(10_000)));
        assertEquals(300, body(ErrorResponses.of(IssuerError.INVALID_PROOF, "c".repeat(400)))
                .getString("error_description").length());
    }

    @Test
    void sanitizeOfNullIsEmpty() {
        assertEquals("", ErrorResponses.sanitize(null));
    }

    private static JsonObject body(Response response) {
        try (var reader = Json.createReader(new StringReader((String) response.getEntity()))) {
            return reader.readObject();
        }
    }
}
