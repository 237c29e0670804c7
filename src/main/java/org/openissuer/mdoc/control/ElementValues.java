package org.openissuer.mdoc.control;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.numbers.EInteger;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.openissuer.mdoc.entity.ElementValueException;
import org.openissuer.mdoc.entity.MdocElement;

/**
 * A data element's JSON value as the CBOR its type asks for (ISO 18013-5 §7.2.1 table 5).
 * The back office calls {@link #check} when an offer is made; issuance converts with the very same rules.
 */
public final class ElementValues {

    private static final BigInteger UINT_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final BigInteger NINT_MIN = BigInteger.ONE.shiftLeft(64).negate();
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    // RFC 3339 §5.6 date-time: seconds required, offset required
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*={0,2}");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    // ISO 18013-5 §7.2.4
    private static final Set<String> PRIVILEGE_MEMBERS = Set.of("vehicle_category_code", "issue_date", "expiry_date", "codes");
    private static final Set<String> CODE_MEMBERS = Set.of("code", "sign", "value");

    private ElementValues() {
    }

    /** @throws ElementValueException when the value does not fit the element's type */
    public static void check(MdocElement element, JsonValue value) {
        toCbor(element, value);
    }

    static CBORObject toCbor(MdocElement element, JsonValue value) {
        if (value == null) {
            throw new ElementValueException(element, "no value");
        }
        return switch (element.type()) {
            case TSTR -> CBORObject.FromObject(string(element, value));
            case UINT -> integer(element, value, BigInteger.ZERO);
            case INT -> integer(element, value, NINT_MIN);
            case BOOL -> bool(element, value);
            case FULL_DATE -> fullDate(element, value);
            case TDATE -> tdate(element, value);
            case BSTR -> CBORObject.FromObject(bytes(element, value));
            case DRIVING_PRIVILEGES -> drivingPrivileges(element, value);
            case ANY -> any(element, value);
        };
    }

    /** tdate: #6.0 with an RFC 3339 date-time in UTC, whole seconds (ISO 18013-5 §7.2.1). */
    static CBORObject tdate(java.time.Instant instant) {
        return CBORObject.FromObjectAndTag(
                DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)), 0);
    }

    private static String string(MdocElement element, JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        throw new ElementValueException(element, "a string is expected");
    }

    private static CBORObject integer(MdocElement element, JsonValue value, BigInteger min) {
        if (value instanceof JsonNumber number && number.isIntegral()) {
            BigInteger integer = number.bigIntegerValue();
            if (integer.compareTo(min) >= 0 && integer.compareTo(UINT_MAX) <= 0) {
                return CBORObject.FromObject(EInteger.FromString(integer.toString()));
            }
        }
        throw new ElementValueException(element, min.signum() == 0
                ? "a non-negative integer is expected" : "an integer is expected");
    }

    private static CBORObject bool(MdocElement element, JsonValue value) {
        return switch (value.getValueType()) {
            case TRUE -> CBORObject.True;
            case FALSE -> CBORObject.False;
            default -> throw new ElementValueException(element, "true or false is expected");
        };
    }


    /** full-date: #6.1004 "YYYY-MM-DD" (RFC 8943), a real calendar date. */
    private static CBORObject fullDate(MdocElement element, JsonValue value) {
        String text = value instanceof JsonString string ? string.getString() : null;
        if (text != null && FULL_DATE.matcher(text).matches()) {
            try {
                LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE); // STRICT: no 2023-02-30
                return CBORObject.FromObjectAndTag(text, 1004);
            } catch (DateTimeException e) {
                // falls through to the error
            }
        }
        throw new ElementValueException(element, "a full-date (YYYY-MM-DD) is expected");
    }

    private static CBORObject tdate(MdocElement element, JsonValue value) {
        String text = value instanceof JsonString string ? string.getString() : null;
        if (text != null && DATE_TIME.matcher(text).matches()) {
            try {
                OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return tdate(time.withOffsetSameInstant(ZoneOffset.UTC).toInstant());
            } catch (DateTimeException e) {
                // falls through to the error
            }
        }
        throw new ElementValueException(element, "an RFC 3339 date-time with offset is expected");
    }

    /** base64url (as JSON carries binary) or plain base64, padded or not, never a mix of both alphabets. */
    private static byte[] bytes(MdocElement element, JsonValue value) {
        String text = value instanceof JsonString string ? string.getString() : null;
        try {
            if (text != null && BASE64URL.matcher(text).matches()) {
                return Base64.getUrlDecoder().decode(text);
            }
            if (text != null && BASE64.matcher(text).matches()) {
                return Base64.getDecoder().decode(text);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error
        }
        throw new ElementValueException(element, "base64url or base64 is expected");
    }

    private static CBORObject drivingPrivileges(MdocElement element, JsonValue value) {
        if (!(value instanceof JsonArray privileges)) {
            throw new ElementValueException(element, "an array of driving privileges is expected");
        }
        CBORObject array = CBORObject.NewArray();
        for (JsonValue privilege : privileges) {
            JsonObject object = members(element, privilege, PRIVILEGE_MEMBERS, "a driving privilege");
            CBORObject map = CBORObject.NewMap();
            map.Add("vehicle_category_code", CBORObject.FromObject(
                    string(element, object.getOrDefault("vehicle_category_code", JsonValue.NULL))));
            for (String date : new String[] {"issue_date", "expiry_date"}) {
                if (object.containsKey(date)) {
                    map.Add(date, fullDate(element, object.get(date)));
                }
            }
            if (object.containsKey("codes")) {
                map.Add("codes", codes(element, object.get("codes")));
            }
            array.Add(map);
        }
        return array;
    }

    private static CBORObject codes(MdocElement element, JsonValue value) {
        if (!(value instanceof JsonArray codes)) {
            throw new ElementValueException(element, "codes must be an array");
        }
        CBORObject array = CBORObject.NewArray();
        for (JsonValue code : codes) {
            JsonObject object = members(element, code, CODE_MEMBERS, "a code");
            CBORObject map = CBORObject.NewMap();
            map.Add("code", CBORObject.FromObject(string(element, object.getOrDefault("code", JsonValue.NULL))));
            for (String member : new String[] {"sign", "value"}) {
                if (object.containsKey(member)) {
                    map.Add(member, CBORObject.FromObject(string(element, object.get(member))));
                }
            }
            array.Add(map);
        }
        return array;
    }

    private static JsonObject members(MdocElement element, JsonValue value, Set<String> allowed, String what) {
        if (!(value instanceof JsonObject object)) {
            throw new ElementValueException(element, what + " must be an object");
        }
        for (String member : object.keySet()) {
            if (!allowed.contains(member)) {
                // the member's name is a schema word, not personal data
                throw new ElementValueException(element, what + " has an unknown member " + member);
            }
        }
        return object;
    }

    /** The natural JSON to CBOR mapping (RFC 8949 §6.2): integral numbers become integers. */
    static CBORObject any(MdocElement element, JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> CBORObject.FromObject(((JsonString) value).getString());
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                if (number.isIntegral()) {
                    yield integer(element, value, NINT_MIN);
                }
                double d = number.doubleValue();
                if (Double.isInfinite(d)) {
                    throw new ElementValueException(element, "a number out of range");
                }
                yield CBORObject.FromObject(d);
            }
            case TRUE -> CBORObject.True;
            case FALSE -> CBORObject.False;
            case NULL -> CBORObject.Null;
            case ARRAY -> {
                CBORObject array = CBORObject.NewArray();
                value.asJsonArray().forEach(item -> array.Add(any(element, item)));
                yield array;
            }
            case OBJECT -> {
                CBORObject map = CBORObject.NewMap();
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    map.Add(member.getKey(), any(element, member.getValue()));
                }
                yield map;
            }
        };
    }
}
