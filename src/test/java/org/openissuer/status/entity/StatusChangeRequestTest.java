package org.openissuer.status.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class StatusChangeRequestTest {

    private static StatusChangeRequest parse(String json) {
        return StatusChangeRequest.parse(json.replace('\'', '"'));
    }

    @Test
    void readsTheSelectorTheStatusAndTheReason() {
        StatusChangeRequest request = parse("{'subject': 'employee-4711', 'status': 'Revoked', 'reason': 'left'}");
        assertEquals(StatusChangeRequest.Selector.SUBJECT, request.selector());
        assertEquals("employee-4711", request.value());
        assertEquals(StatusValue.INVALID, request.status());
        assertEquals("left", request.reason());
        assertEquals(StatusValue.SUSPENDED, parse("{'offer_id': 'o', 'status': 'suspended', 'reason': 'r'}").status());
        assertEquals(StatusValue.VALID, parse("{'credential_id': 'c', 'status': 'valid', 'reason': 'r'}").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{'status': 'revoked', 'reason': 'r'}", "{'subject': 's', 'offer_id': 'o', 'status': 'revoked', 'reason': 'r'}",
        "{'subject': 's', 'status': 'invalid', 'reason': 'r'}", "{'subject': 's', 'status': 'revoked'}",
        "{'subject': 's', 'status': 'revoked', 'reason': ''}", "{'subject': 7, 'status': 'revoked', 'reason': 'r'}",
        "{'subject': 's', 'status': ['revoked'], 'reason': 'r'}", "[]", "null", "{'subject': 's'"})
    void refusesAnythingElseAsInvalidRequest(String json) {
        IssuerException refused = assertThrows(IssuerException.class, () -> parse(json));
        assertEquals(IssuerError.INVALID_REQUEST, refused.error());
    }

    @Test
    void refusesOverlongReasons() {
        assertThrows(IssuerException.class, () -> parse("{'subject': 's', 'status': 'revoked', 'reason': '" + "x".repeat(1025) + "'}"));
    }
}
