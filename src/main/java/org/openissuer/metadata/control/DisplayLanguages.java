package org.openissuer.metadata.control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * OID4VCI 1.0 §12.2.2: the issuer may answer an Accept-Language with the display data of the
 * requested languages only, naming them in Content-Language. Every {@code display} array keeps
 * its entries in a requested language (most preferred first) and those without a locale; an
 * array with none in a requested language stays whole, so no claim loses its label.
 */
public final class DisplayLanguages {

    /** Longer headers are ignored: no browser sends one, and parsing is linear in the ranges. */
    static final int MAX_HEADER_LENGTH = 512;

    /**
     * @param contentLanguages the locales of the display data in the document (its Content-Language)
     * @param narrowed whether display data of other languages was left out
     */
    public record Selection(JsonObject document, List<String> contentLanguages, boolean narrowed) {
    }

    private DisplayLanguages() {
    }

    public static Selection select(JsonObject document, String acceptLanguage) {
        List<Locale.LanguageRange> ranges = ranges(acceptLanguage);
        Walk walk = new Walk(ranges);
        JsonObject narrowed = (JsonObject) walk.value(document, false);
        if (!walk.matched) {
            return new Selection(document, List.copyOf(walk.languages), false);
        }
        return new Selection(narrowed, List.copyOf(walk.languages), true);
    }

    static List<Locale.LanguageRange> ranges(String header) {
        if (header == null || header.isBlank() || header.length() > MAX_HEADER_LENGTH) {
            return List.of();
        }
        try {
            // RFC 9110 §12.5.4; q=0 means "not this one", which selecting only the others honours
            return Locale.LanguageRange.parse(header).stream().filter(r -> r.getWeight() > 0).toList();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static final class Walk {
        private final List<Locale.LanguageRange> ranges;
        private final Set<String> languages = new LinkedHashSet<>();
        private boolean matched;

        Walk(List<Locale.LanguageRange> ranges) {
            this.ranges = ranges;
        }

        JsonValue value(JsonValue value, boolean isDisplay) {
            if (value instanceof JsonObject object) {
                JsonObjectBuilder json = Json.createObjectBuilder();
                object.forEach((name, member) -> json.add(name, value(member, "display".equals(name))));
                return json.build();
            }
            if (value instanceof JsonArray array) {
                return isDisplay ? display(array) : each(array);
            }
            return value;
        }

        private JsonArray each(JsonArray array) {
            JsonArrayBuilder json = Json.createArrayBuilder();
            array.forEach(element -> json.add(value(element, false)));
            return json.build();
        }

        private JsonArray display(JsonArray entries) {
            List<JsonValue> kept = new ArrayList<>();
            List<JsonValue> requested = new ArrayList<>();
            for (JsonValue entry : entries) {
                String locale = locale(entry);
                if (locale == null) {
                    kept.add(entry);
                } else if (rank(locale) < ranges.size()) {
                    requested.add(entry);
                }
            }
            if (requested.isEmpty()) {
                entries.forEach(e -> remember(locale(e)));
                return entries;
            }
            matched = true;
            requested.sort(Comparator.comparingInt(e -> rank(locale(e))));
            requested.forEach(e -> remember(locale(e)));
            JsonArrayBuilder json = Json.createArrayBuilder();
            requested.forEach(json::add);
            kept.forEach(json::add);
            return json.build();
        }

        // the index of the most preferred range the tag matches (RFC 4647 §3.3.1 basic filtering)
        private int rank(String locale) {
            for (int i = 0; i < ranges.size(); i++) {
                if (!Locale.filterTags(List.of(ranges.get(i)), List.of(locale)).isEmpty()) {
                    return i;
                }
            }
            return ranges.size();
        }

        private void remember(String locale) {
            if (locale != null) {
                languages.add(locale);
            }
        }

        private static String locale(JsonValue entry) {
            return entry instanceof JsonObject o && o.get("locale") instanceof JsonString s ? s.getString() : null;
        }
    }
}
