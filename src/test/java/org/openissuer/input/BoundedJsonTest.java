package org.openissuer.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.nio.charset.StandardCharsets;

import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class BoundedJsonTest {

    private static void assertRefused(String json) {
        IssuerException e = assertThrows(IssuerException.class, () -> BoundedJson.value(json, IssuerError.INVALID_REQUEST));
        assertEquals(IssuerError.INVALID_REQUEST, e.error());
    }

    @Test
    void readsOrdinaryJson() {
        assertEquals("{\"a\":[1,2.5,\"x\",true,false,null,{\"b\":{}}]}",
                BoundedJson.object("{\"a\": [1, 2.5, \"x\", true, false, null, {\"b\": {}}]}", IssuerError.INVALID_REQUEST).toString());
        assertEquals(JsonValue.NULL, BoundedJson.value(" null ", IssuerError.INVALID_REQUEST));
    }

    @Test
    void refusesLongNumbers() {
        assertRefused("{\"n\": " + "9".repeat(1_200) + "}");
        assertRefused("{\"expires_in\": " + "9".repeat(40_000) + "}");
        assertRefused("[1e999999999]");
    }

    @Test
    void refusesDeepNesting() {
        assertRefused("[".repeat(20_000));
        assertRefused("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        assertRefused("[".repeat(BoundedJson.MAX_DEPTH + 1) + "]".repeat(BoundedJson.MAX_DEPTH + 1));
        BoundedJson.value("[".repeat(BoundedJson.MAX_DEPTH) + "]".repeat(BoundedJson.MAX_DEPTH), IssuerError.INVALID_REQUEST);
    }

    @Test
    void refusesDuplicateNamesAtAnyDepth() {
        assertRefused("{\"subject\":\"s\",\"subject\":\"t\"}");
        assertRefused("{\"proofs\":{\"jwt\":[]},\"proofs\":{\"jwt\":[\"x\"]}}");
        assertRefused("{\"a\":{\"b\":1,\"b\":2}}");
        BoundedJson.value("{\"a\":{\"b\":1},\"b\":{\"b\":2}}", IssuerError.INVALID_REQUEST);
    }

    @Test
    void refusesMalformedAndTrailingInput() {
        for (String json : new String[] {"", "{", "{\"a\"}", "[1,]", "{} x", "{}{}", "nul", "\"\\u12\""}) {
            assertRefused(json);
        }
    }

    @Test
    void joseObjectsMustBeJsonObjects() {
        String nul = b64("null");
        String obj = b64("{}");
        for (String jws : new String[] {nul + "." + nul + ".", obj + "." + nul + ".", nul + "." + obj + ".", "a.b", "!!." + obj + ".",
                obj + "." + b64("{\"iat\":1,\"iat\":2}") + ".", b64("[".repeat(5_000)) + "." + obj + "."}) {
            assertThrows(IssuerException.class, () -> JoseJson.requireJwsObjects(jws, IssuerError.INVALID_PROOF), jws);
        }
        JoseJson.requireJwsObjects(obj + "." + obj + ".sig", IssuerError.INVALID_PROOF);
        String strayInKey = b64("{\"alg\":\"ES256\",\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"3cVJkBS}ujV\",\"y\":\"jq\"}}");
        assertThrows(IssuerException.class, () -> JoseJson.requireJwsObjects(strayInKey + "." + obj + ".sig", IssuerError.INVALID_PROOF));
        // one signature, one spelling: characters outside base64url or padding are not skipped
        for (String jws : new String[] {obj + "." + obj + ".5[sig", obj + "." + obj + ".sig=", obj + "=." + obj + ".sig",
                obj + "." + obj + ".s ig"}) {
            assertThrows(IssuerException.class, () -> JoseJson.requireJwsObjects(jws, IssuerError.INVALID_PROOF), jws);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
