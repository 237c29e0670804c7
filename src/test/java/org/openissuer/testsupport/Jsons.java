package org.openissuer.testsupport;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/** JSON literals for tests, written with single quotes so they read well inside Java strings. */
public final class Jsons {

    private Jsons() {
    }

    /** Parses {@code "{'name': 'x'}"} as {@code {"name": "x"}}. */
    public static JsonValue json(String singleQuoted) {
        try (JsonReader reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readValue();
        }
    }

    public static JsonObject object(String singleQuoted) {
        return json(singleQuoted).asJsonObject();
    }

    public static JsonArray array(String singleQuoted) {
        return json(singleQuoted).asJsonArray();
    }

    public static JsonValue string(String value) {
        return Json.createValue(value);
    }
}
