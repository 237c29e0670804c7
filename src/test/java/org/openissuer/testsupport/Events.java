package org.openissuer.testsupport;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Calls of the events API (GET /admin/events) for the ITs. */
public final class Events {

    public static final String PATH = "/admin/events";
    public static final String AUDITOR_GROUP = "issuer-auditor";

    private Events() {
    }

    public static String auditor() {
        return AdminTokens.token().groups(AUDITOR_GROUP).upn("audrey@example.com").build();
    }

    /** name, value, name, value...: encoded into the query. */
    public static String query(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parts.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return String.join("&", parts);
    }

    public static HttpResponse<String> get(String token, String query) {
        return Http.get(PATH + (query.isEmpty() ? "" : "?" + query), "Authorization", "Bearer " + token);
    }

    /** A page that must be 200; its JSON. */
    public static JsonObject page(String query) {
        HttpResponse<String> response = get(auditor(), query);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + PATH + "?" + query + ": " + response.statusCode() + " " + response.body());
        }
        return Http.json(response);
    }

    public static List<Long> ids(JsonObject page) {
        return page.getJsonArray("events").stream().map(JsonValue::asJsonObject)
                .map(e -> Long.parseLong(e.getString("id"))).toList();
    }

    public static List<String> types(JsonObject page) {
        return page.getJsonArray("events").stream().map(JsonValue::asJsonObject).map(e -> e.getString("type")).toList();
    }
}
