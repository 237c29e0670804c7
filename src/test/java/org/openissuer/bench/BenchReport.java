package org.openissuer.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** The result block on standard output and the same figures as JSON. */
final class BenchReport {

    private final StringBuilder text = new StringBuilder();
    private final JsonObjectBuilder json = Json.createObjectBuilder();
    private JsonObjectBuilder section;
    private String sectionName;

    void section(String name) {
        flush();
        sectionName = name;
        section = Json.createObjectBuilder();
        text.append(name).append('\n');
    }

    void put(String key, String label, Object value) {
        put(key, label, value, String.valueOf(value));
    }

    void put(String key, String label, Object value, String shown) {
        text.append(String.format("  %-44s %s%n", label, shown));
        json(key, value);
    }

    /** A figure for the JSON only. */
    void json(String key, Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            section.addNull(key);
        } else if (value instanceof Long || value instanceof Integer) {
            section.add(key, ((Number) value).longValue());
        } else if (value instanceof Double d) {
            section.add(key, BigDecimal.valueOf(d).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros());
        } else if (value instanceof Boolean b) {
            section.add(key, b);
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder inner = Json.createObjectBuilder();
            map.forEach((k, v) -> inner.add(String.valueOf(k), ((Number) v).longValue()));
            section.add(key, inner);
        } else {
            section.add(key, String.valueOf(value));
        }
    }

    void print(Path jsonFile) throws IOException {
        flush();
        String rule = "=".repeat(72);
        System.out.println(rule);
        System.out.println("OpenIssuer issuance benchmark");
        System.out.print(text);
        System.out.println(rule);
        Files.writeString(jsonFile, json.build().toString() + "\n");
        System.out.println("figures also in " + jsonFile);
    }

    static String millis(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.0f MiB", bytes / 1048576.0);
    }

    static String passFail(boolean pass) {
        return pass ? "PASS" : "FAIL";
    }

    private void flush() {
        if (section != null) {
            json.add(sectionName.toLowerCase(java.util.Locale.ROOT).replace(' ', '_'), section);
            section = null;
        }
    }
}
