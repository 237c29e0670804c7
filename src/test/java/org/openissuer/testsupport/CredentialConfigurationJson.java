package org.openissuer.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** One entry of "credential_configurations": valid and minimal until a test changes it. */
public final class CredentialConfigurationJson {

    private final String id;
    private final Map<String, JsonValue> members = new LinkedHashMap<>();
    private final List<ClaimJson> claims = new ArrayList<>();

    private CredentialConfigurationJson(String id) {
        this.id = id;
    }

    /** An SD-JWT VC configuration with format, scope (the id in lower case) and vct only. */
    public static CredentialConfigurationJson sdJwt(String id) {
        return new CredentialConfigurationJson(id)
                .set("format", "dc+sd-jwt")
                .set("scope", id.toLowerCase())
                .set("vct", "https://credentials.example.com/" + id);
    }

    /** An mso_mdoc configuration (OID4VCI 1.0 Appendix A.2) with format, scope and doctype only. */
    public static CredentialConfigurationJson mdoc(String id, String doctype) {
        return new CredentialConfigurationJson(id)
                .set("format", "mso_mdoc")
                .set("scope", id.toLowerCase())
                .set("doctype", doctype);
    }

    public CredentialConfigurationJson set(String member, String value) {
        return set(member, Json.createValue(value));
    }

    public CredentialConfigurationJson set(String member, JsonValue value) {
        members.put(member, value);
        return this;
    }

    public CredentialConfigurationJson remove(String member) {
        members.remove(member);
        return this;
    }

    public CredentialConfigurationJson claims(ClaimJson... added) {
        claims.addAll(List.of(added));
        return this;
    }

    String id() {
        return id;
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        members.forEach(json::add);
        if (!claims.isEmpty()) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            claims.forEach(c -> array.add(c.toJson()));
            json.add("claims", array);
        }
        return json.build();
    }
}
