package org.openissuer.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** One entry of a configuration's "claims" array, as an operator writes it. */
public final class ClaimJson {

    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    private ClaimJson(JsonValue path) {
        members.put("path", path);
    }

    /** A claim at the path of the given names, e.g. {@code claim("address", "locality")}. */
    public static ClaimJson claim(String... names) {
        JsonArrayBuilder path = Json.createArrayBuilder();
        for (String name : names) {
            path.add(name);
        }
        return new ClaimJson(path.build());
    }

    /** A claim whose path is written literally, e.g. {@code claimAt("['degrees', null]")}. */
    public static ClaimJson claimAt(String singleQuotedPath) {
        return new ClaimJson(Jsons.json(singleQuotedPath));
    }

    public ClaimJson set(String member, JsonValue value) {
        members.put(member, value);
        return this;
    }

    public ClaimJson mandatory(boolean mandatory) {
        return set("mandatory", mandatory ? JsonValue.TRUE : JsonValue.FALSE);
    }

    public ClaimJson selectivelyDisclosable(boolean disclosable) {
        return set("selectively_disclosable", disclosable ? JsonValue.TRUE : JsonValue.FALSE);
    }

    public ClaimJson remove(String member) {
        members.remove(member);
        return this;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        members.forEach(json::add);
        return json.build();
    }
}
