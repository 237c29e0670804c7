package org.openissuer.deferred.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/** The deferred endpoint's and the back office's bodies: shape only, every fault the protocol's error. */
class DeferredRequestsTest {

    private static DeferredCredentialRequest poll(String json) {
        return DeferredCredentialRequest.parse(json.getBytes(StandardCharsets.UTF_8), true);
    }

    private static IssuerError pollError(String json) {
        return assertThrows(IssuerException.class, () -> poll(json)).error();
    }

    @Test
    void readsTheTransactionIdAndIgnoresUnknownMembers() {
        DeferredCredentialRequest request = poll("{\"transaction_id\":\"abc\",\"future\":1}");
        assertEquals("abc", request.transactionId());
        assertTrue(request.responseEncryption().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"transaction_id\":\"\"}", "{\"transaction_id\":7}", "{\"transaction_id\":null}",
        "{\"transaction_id\":[\"a\"]}", "[]", "not json", "{\"transaction_id\":\"a\",\"transaction_id\":\"b\"}",
        "{\"transaction_id\":\"a\"} trailing"})
    void aMalformedPollIsAnInvalidCredentialRequest(String body) {
        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST, pollError(body));
    }

    @Test
    void aHugeTransactionIdIsNoneOfOurs() {
        assertEquals(IssuerError.INVALID_TRANSACTION_ID, pollError("{\"transaction_id\":\"" + "a".repeat(257) + "\"}"));
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] latin1 = "{\"transaction_id\":\"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST,
                assertThrows(IssuerException.class, () -> DeferredCredentialRequest.parse(latin1, false)).error());
    }

    @Test
    void badResponseEncryptionIsInvalidEncryptionParameters() {
        assertEquals(IssuerError.INVALID_ENCRYPTION_PARAMETERS,
                pollError("{\"transaction_id\":\"a\",\"credential_response_encryption\":{\"enc\":\"A128GCM\"}}"));
    }

    @Test
    void anApprovalMayCarryClaimsOrNothing() {
        assertEquals(Optional.empty(), ApprovalRequest.parse("").claims());
        assertEquals(Optional.empty(), ApprovalRequest.parse("{}").claims());
        assertEquals("Erika", ApprovalRequest.parse("{\"claims\":{\"given_name\":\"Erika\"}}").claims().orElseThrow()
                .getString("given_name"));
        assertEquals(IssuerError.INVALID_REQUEST,
                assertThrows(IssuerException.class, () -> ApprovalRequest.parse("{\"claims\":[]}")).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"reason\":\"\"}", "{\"reason\":\"  \"}", "{\"reason\":3}", "{\"reason\":\"a\\u0000b\"}"})
    void aRejectionNeedsAReason(String body) {
        assertEquals(IssuerError.INVALID_REQUEST, assertThrows(IssuerException.class, () -> RejectionRequest.parse(body)).error());
    }

    @Test
    void aRejectionReasonIsBounded() {
        assertEquals("documents missing", RejectionRequest.parse("{\"reason\":\"documents missing\"}").reason());
        assertThrows(IssuerException.class, () -> RejectionRequest.parse("{\"reason\":\"" + "x".repeat(1025) + "\"}"));
    }

    @Test
    void theListFilterHasDefaultsAndBounds() {
        PendingFilter none = PendingFilter.parse(null, null, null);
        assertEquals(Optional.empty(), none.configurationId());
        assertEquals(Duration.ZERO, none.olderThan());
        assertEquals(100, none.limit());
        assertEquals(Duration.ofDays(1), PendingFilter.parse("Identity", "86400", "5").olderThan());
        for (String[] bad : new String[][] {{null, "-1", null}, {null, "x", null}, {null, null, "0"}, {null, null, "1001"},
            {"", null, null}}) {
            assertThrows(IssuerException.class, () -> PendingFilter.parse(bad[0], bad[1], bad[2]));
        }
    }
}
