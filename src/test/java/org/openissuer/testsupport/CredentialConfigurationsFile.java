package org.openissuer.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * The text of a credential configurations file (issuer.credential-configurations):
 * {@code CredentialConfigurationsFile.with(sdJwt("Pid").claims(claim("given_name"))).toJson()}.
 */
public final class CredentialConfigurationsFile {

    private final Map<String, JsonValue> members = new LinkedHashMap<>();
    private final List<CredentialConfigurationJson> configurations;

    private CredentialConfigurationsFile(List<CredentialConfigurationJson> configurations) {
        this.configurations = configurations;
    }

    public static CredentialConfigurationsFile with(CredentialConfigurationJson... configurations) {
        return new CredentialConfigurationsFile(List.of(configurations));
    }

    public CredentialConfigurationsFile set(String member, JsonValue value) {
        members.put(member, value);
        return this;
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        members.forEach(json::add);
        JsonObjectBuilder configs = Json.createObjectBuilder();
        configurations.forEach(c -> configs.add(c.id(), c.toJson()));
        return json.add("credential_configurations", configs).build().toString();
    }
}
