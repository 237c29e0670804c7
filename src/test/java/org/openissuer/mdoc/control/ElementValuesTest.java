package org.openissuer.mdoc.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.nimbusds.jose.jwk.ECKey;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.mdoc.entity.ElementValueException;
import org.openissuer.mdoc.entity.MdocElement;
import org.openissuer.testsupport.MdocVerifier;
import org.openissuer.testsupport.MdocVerifier.Tagged;
import org.openissuer.testsupport.TestCertificates;
import org.openissuer.testsupport.TestKeys;

class ElementValuesTest {

    private static final ECKey SIGNER = TestKeys.p256("ds");
    private static final ECKey HOLDER = TestKeys.p256("holder");

    // '|' separates the type from the JSON value; each is refused with the element named and the value not shown
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "tstr | 5", "tstr | null", "tstr | '[\"Doe\"]'",
        "uint | -1", "uint | 1.5", "uint | '\"7\"'", "uint | 18446744073709551616", "uint | true",
        "int | 1.5", "int | '\"-3\"'", "int | -18446744073709551617",
        "bool | '\"yes\"'", "bool | '\"true\"'", "bool | 1",
        "full-date | '\"2023-02-30\"'", "full-date | '\"2023-2-03\"'", "full-date | '\"20230203\"'",
        "full-date | '\"2023-02-03T00:00:00Z\"'", "full-date | '\"+12023-02-03\"'", "full-date | 20230203",
        "tdate | '\"2024-01-01T10:00:00\"'", "tdate | '\"2024-01-01\"'", "tdate | '\"2024-01-01T10:00Z\"'",
        "tdate | '\"2024-13-01T10:00:00Z\"'", "tdate | 1704103200",
        "bstr | '\"not base64!\"'", "bstr | '\"ab+_\"'", "bstr | '\"a\"'", "bstr | 5",
        "driving_privileges | '{\"vehicle_category_code\":\"A\"}'",
        "driving_privileges | '[{}]'",
        "driving_privileges | '[\"A\"]'",
        "driving_privileges | '[{\"vehicle_category_code\":5}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"points\":3}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"issue_date\":\"2020-13-01\"}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"expiry_date\":20300101}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"codes\":{\"code\":\"78\"}}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"codes\":[{\"sign\":\"=\"}]}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"codes\":[{\"code\":\"78\",\"note\":\"x\"}]}]'",
        "driving_privileges | '[{\"vehicle_category_code\":\"A\",\"codes\":[{\"code\":\"78\",\"value\":6}]}]'",
        "any | 1e400"})
    void refusesAValueThatDoesNotFitItsType(String label, String json) {
        ElementType type = ElementType.byLabel(label).orElseThrow();
        MdocElement element = new MdocElement("org.example", "field", type, true);
        JsonValue value = parse(json);

        ElementValueException refused = assertThrows(ElementValueException.class, () -> ElementValues.check(element, value));

        assertEquals("org.example/field", refused.element());
        assertTrue(refused.getMessage().startsWith("org.example/field: "), refused.getMessage());
        String shown = json.replace("\"", "");
        if (!shown.equals("true")) { // "true or false is expected" names the type, not the value
            assertFalse(shown.length() > 2 && refused.getMessage().contains(shown), refused.getMessage());
        }
    }

    @Test
    void convertsEveryTypeAsTheVerifierReadsIt() {
        JsonObject data = Json.createObjectBuilder().add("ns", Json.createObjectBuilder()
                .add("uint_max", new BigInteger("18446744073709551615"))
                .add("int_min", new BigInteger("-18446744073709551616"))
                .add("int", -3)
                .add("tdate", "2024-01-01T10:00:00.5+02:00")
                .add("tdate_z", "2024-01-01T10:00:00Z")
                .add("bstr_padded", "cG9ydHJhaXQh+/8=")
                .add("bstr_url", "-_8")
                .add("any", parse("{\"s\":\"x\",\"i\":-2,\"f\":1.5,\"t\":true,\"n\":null,\"a\":[1,\"b\"],\"o\":{\"k\":0}}")))
                .build();
        Map<String, ElementType> types = new HashMap<>(Map.of("uint_max", ElementType.UINT, "int_min", ElementType.INT,
                "int", ElementType.INT, "tdate", ElementType.TDATE, "tdate_z", ElementType.TDATE,
                "bstr_padded", ElementType.BSTR, "bstr_url", ElementType.BSTR, "any", ElementType.ANY));
        List<MdocElement> elements = types.entrySet().stream()
                .map(entry -> new MdocElement("ns", entry.getKey(), entry.getValue(), true)).toList();
        MdocIssuer issuer = new MdocIssuer(SIGNER, List.of(TestCertificates.selfSigned(SIGNER, "ds")), Clock.systemUTC());

        Map<String, Object> issued = MdocVerifier.verify(issuer.issue(new org.openissuer.mdoc.entity.MdocRequest("doc",
                elements, data, HOLDER.toPublicJWK(), java.time.Duration.ofDays(1), Optional.empty())).serialized(), HOLDER)
                .elements().get("ns");

        assertEquals(new BigInteger("18446744073709551615"), issued.get("uint_max"));
        assertEquals(new BigInteger("-18446744073709551616"), issued.get("int_min"));
        assertEquals(-3L, issued.get("int"));
        // RFC 3339 with an offset becomes UTC, whole seconds (ISO 18013-5 §7.2.1 tdate)
        assertEquals(new Tagged(0, "2024-01-01T08:00:00Z"), issued.get("tdate"));
        assertEquals(new Tagged(0, "2024-01-01T10:00:00Z"), issued.get("tdate_z"));
        byte[] padded = (byte[]) issued.get("bstr_padded");
        assertArrayEquals("portrait!".getBytes(), Arrays.copyOf(padded, 9));
        assertArrayEquals(new byte[] {(byte) 0xFB, (byte) 0xFF}, Arrays.copyOfRange(padded, 9, 11));
        assertArrayEquals(new byte[] {(byte) 0xFB, (byte) 0xFF}, (byte[]) issued.get("bstr_url"));
        Map<String, Object> expected = new HashMap<>(Map.of("s", "x", "i", -2L, "f", 1.5, "t", true,
                "a", List.of(1L, "b"), "o", Map.of("k", 0L)));
        expected.put("n", null);
        assertEquals(expected, issued.get("any"));
    }

    @Test
    void acceptsWhatTheBackOfficeOffers() {
        assertDoesNotThrow(() -> ElementValues.check(new MdocElement("ns", "d", ElementType.FULL_DATE, true),
                Json.createValue("2024-02-29")));
        assertDoesNotThrow(() -> ElementValues.check(new MdocElement("ns", "u", ElementType.UINT, true), Json.createValue(0)));
        assertDoesNotThrow(() -> ElementValues.check(new MdocElement("ns", "p", ElementType.DRIVING_PRIVILEGES, true),
                parse("[]")));
    }

    @Test
    void labelsAreTheConfigurationSpelling() {
        for (ElementType type : ElementType.values()) {
            assertEquals(Optional.of(type), ElementType.byLabel(type.label()));
        }
        assertEquals(List.of("tstr", "uint", "int", "bool", "full-date", "tdate", "bstr", "driving_privileges", "any"),
                Arrays.stream(ElementType.values()).map(ElementType::label).toList());
        assertEquals(Optional.empty(), ElementType.byLabel("FULL_DATE"));
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
