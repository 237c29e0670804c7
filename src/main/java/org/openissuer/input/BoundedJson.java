package org.openissuer.input;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.Jsonp;

/**
 * The one JSON reader for network input: depth, number size and duplicate member names are
 * refused with the caller's request error before any value is built, so no parser limit or
 * exotic number reaches the application as a 500. Iterative: nesting never grows the Java stack.
 */
public final class BoundedJson {

    // far deeper than any request, metadata or JWT the issuer reads
    static final int MAX_DEPTH = 32;
    // RFC 8259 §6 allows any length; the issuer needs no number longer than a 64-bit integer or a double
    static final int MAX_NUMBER_LENGTH = 64;
    // 1e999999999 is short but BigInteger conversion of it would take minutes
    static final int MAX_SCALE = 400;

    private BoundedJson() {
    }

    /** One JSON object and nothing after it. */
    public static JsonObject object(String text, IssuerError error) {
        JsonValue value = value(text, error);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new IssuerException(error, "the JSON must be an object");
        }
        return value.asJsonObject();
    }

    /** One JSON value and nothing after it. */
    public static JsonValue value(String text, IssuerError error) {
        try (JsonParser parser = Jsonp.PROVIDER.createParser((Reader) new StringReader(text))) {
            return read(parser, error);
        } catch (JsonException | IllegalStateException | NumberFormatException | ArithmeticException e) {
            // also JsonParsingException; its message would echo the input
            throw new IssuerException(error, "the body is not valid JSON");
        }
    }

    /** A container being filled: an object with the names seen so far, or an array. */
    private static final class Frame {
        final JsonObjectBuilder object;
        final JsonArrayBuilder array;
        final Set<String> names = new HashSet<>();
        String name;

        Frame(boolean isObject) {
            object = isObject ? Jsonp.PROVIDER.createObjectBuilder() : null;
            array = isObject ? null : Jsonp.PROVIDER.createArrayBuilder();
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(name, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    private static JsonValue read(JsonParser parser, IssuerError error) {
        Deque<Frame> open = new ArrayDeque<>();
        JsonValue root = null;
        while (root == null) {
            if (!parser.hasNext()) {
                throw new IssuerException(error, "the body is not valid JSON");
            }
            JsonParser.Event event = parser.next();
            JsonValue done = switch (event) {
                case START_OBJECT, START_ARRAY -> {
                    if (open.size() >= MAX_DEPTH) {
                        throw new IssuerException(error, "the JSON is nested deeper than " + MAX_DEPTH + " levels");
                    }
                    open.push(new Frame(event == JsonParser.Event.START_OBJECT));
                    yield null;
                }
                case KEY_NAME -> {
                    // RFC 8259 §4: names SHOULD be unique; a second one would let two readers see two requests
                    String name = parser.getString();
                    if (!open.peek().names.add(name)) {
                        throw new IssuerException(error, "the JSON repeats a member name");
                    }
                    open.peek().name = name;
                    yield null;
                }
                case END_OBJECT, END_ARRAY -> open.pop().build();
                case VALUE_STRING -> Jsonp.PROVIDER.createValue(parser.getString());
                case VALUE_NUMBER -> number(parser, error);
                case VALUE_TRUE -> JsonValue.TRUE;
                case VALUE_FALSE -> JsonValue.FALSE;
                case VALUE_NULL -> JsonValue.NULL;
            };
            if (done != null) {
                if (open.isEmpty()) {
                    root = done;
                } else {
                    open.peek().add(done);
                }
            }
        }
        if (parser.hasNext()) {
            throw new IssuerException(error, "the body has content after the JSON value");
        }
        return root;
    }

    private static JsonValue number(JsonParser parser, IssuerError error) {
        if (parser.getString().length() > MAX_NUMBER_LENGTH) {
            throw new IssuerException(error, "the JSON has a number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        BigDecimal number = parser.getBigDecimal();
        if (Math.abs(number.scale()) > MAX_SCALE) {
            throw new IssuerException(error, "the JSON has a number out of range");
        }
        return Jsonp.PROVIDER.createValue(number);
    }
}
