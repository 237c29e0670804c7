package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = { "abc12345", "3f1c2a9e-7b44-4d0e-9a51-0c2d9b1f7e60", "trace.id:42_retry-1", "A1b2C3d4E5" })
    void keepsSafeCallerId(String id) {
        assertEquals(id, RequestIds.accept(id, true));
    }

    @Test
    void keepsIdsAtTheLengthLimits() {
        assertEquals("a".repeat(8), RequestIds.accept("a".repeat(8), true));
        assertEquals("b".repeat(64), RequestIds.accept("b".repeat(64), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "abc12345\r\nX-Injected: yes", "abc12345\nforged log line", "abc12345\rx",
            "abc 12345", "abc12345 ", "\"abc12345\"", "abc'12345", "abc12345;x=y", "abc/12345", "abc12345\u00e9",
            "abc1234", "" })
    void replacesUnsafeIdWithFreshUuid(String id) {
        assertFreshUuid(id, RequestIds.accept(id, true));
    }

    @Test
    void replacesTooLongIdWithFreshUuid() {
        assertFreshUuid("c".repeat(65), RequestIds.accept("c".repeat(65), true));
    }

    @Test
    void ignoresACallerIdUnlessATrustedProxySetsIt() {
        assertFreshUuid("3f1c2a9e-7b44-4d0e-9a51-0c2d9b1f7e60", RequestIds.accept("3f1c2a9e-7b44-4d0e-9a51-0c2d9b1f7e60", false));
        assertFreshUuid("abc12345", RequestIds.accept("abc12345", false));
    }

    @Test
    void generatesAnIdWhenNoneIsSupplied() {
        assertFreshUuid(null, RequestIds.accept(null, true));
    }

    @Test
    void generatesADifferentIdEachTime() {
        assertNotEquals(RequestIds.accept(null, true), RequestIds.accept(null, true));
        assertNotEquals(RequestIds.generate(), RequestIds.generate());
    }

    private static void assertFreshUuid(String supplied, String accepted) {
        assertNotEquals(supplied, accepted);
        assertEquals(accepted, UUID.fromString(accepted).toString());
    }
}
