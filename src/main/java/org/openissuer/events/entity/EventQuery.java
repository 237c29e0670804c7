package org.openissuer.events.entity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * What GET /admin/events asks for, parsed from hostile query parameters: a time range
 * [since, until), event types, equality filters on audit columns, the order, a page size and
 * where the previous page ended. Anything it does not understand is refused with 400, so a
 * mistyped filter never silently widens the answer.
 */
public record EventQuery(Optional<OffsetDateTime> since, Optional<OffsetDateTime> until, Set<EventType> types,
        Map<String, String> equal, EventOrder order, int limit, Optional<EventCursor> cursor) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final int MAX_TYPES = 30;
    static final int MAX_TIME = 40;

    /** Query parameter -> audit column, with the column's length. */
    static final Map<String, Integer> EQUALITY = equality();
    static final Set<String> OTHER = Set.of("since", "until", "type", "order", "limit", "cursor");

    public EventQuery {
        types = Set.copyOf(types);
        equal = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(equal)); // in EQUALITY's order: one SQL text per filter set
    }

    private static Map<String, Integer> equality() {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("credential_configuration_id", 255);
        columns.put("subject", 255);
        columns.put("offer_id", 64);
        columns.put("credential_id", 64);
        columns.put("error_code", 64);
        columns.put("request_id", 64);
        return java.util.Collections.unmodifiableMap(columns);
    }

    public static EventQuery parse(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!EQUALITY.containsKey(parameter.getKey()) && !OTHER.contains(parameter.getKey())) {
                throw invalid("unknown query parameter " + shorten(parameter.getKey()));
            }
            if (parameter.getValue().size() != 1) {
                throw invalid(parameter.getKey() + " must be given once");
            }
        }
        Optional<OffsetDateTime> since = single(parameters, "since").map(v -> time("since", v));
        Optional<OffsetDateTime> until = single(parameters, "until").map(v -> time("until", v));
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw invalid("since must be before until");
        }
        Map<String, String> equal = new LinkedHashMap<>();
        EQUALITY.forEach((name, max) -> single(parameters, name).ifPresent(v -> equal.put(name, text(name, v, max))));
        Optional<EventCursor> cursor = single(parameters, "cursor").map(EventCursor::parse);
        Optional<EventOrder> asked = single(parameters, "order").map(EventQuery::order);
        if (cursor.isPresent() && asked.isPresent() && cursor.get().order() != asked.get()) {
            throw invalid("order differs from the cursor's: a cursor continues the order it was made for");
        }
        EventOrder order = cursor.map(EventCursor::order).or(() -> asked).orElse(EventOrder.NEWEST);
        int limit = single(parameters, "limit").map(EventQuery::limit).orElse(DEFAULT_LIMIT);
        return new EventQuery(since, until, types(single(parameters, "type")), equal, order, limit, cursor);
    }

    /** The query parameters that repeat this query with another cursor: the next link. */
    public Map<String, String> parametersWith(EventCursor next) {
        Map<String, String> parameters = new LinkedHashMap<>();
        since.ifPresent(s -> parameters.put("since", DateTimeFormatter.ISO_INSTANT.format(s)));
        until.ifPresent(u -> parameters.put("until", DateTimeFormatter.ISO_INSTANT.format(u)));
        if (!types.isEmpty()) {
            parameters.put("type", String.join(",", types.stream().map(EventType::name).sorted().toList()));
        }
        parameters.putAll(equal);
        parameters.put("limit", Integer.toString(limit));
        parameters.put("cursor", next.encode());
        return parameters;
    }

    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    // RFC 3339 date-time with an offset; PostgreSQL's timestamptz covers the years asked for
    private static OffsetDateTime time(String name, String value) {
        if (value.length() > MAX_TIME) {
            throw invalid(name + " must be an RFC 3339 date-time such as 2026-12-01T00:00:00Z");
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .withOffsetSameInstant(ZoneOffset.UTC);
            if (at.getYear() < 1970 || at.getYear() > 9999) {
                throw invalid(name + " must lie between the years 1970 and 9999");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw invalid(name + " must be an RFC 3339 date-time such as 2026-12-01T00:00:00Z");
        }
    }

    private static Set<EventType> types(Optional<String> value) {
        if (value.isEmpty()) {
            return Set.of();
        }
        String[] names = value.get().split(",", -1);
        if (value.get().length() > MAX_TYPES * 48 || names.length > MAX_TYPES) {
            throw invalid("type names at most " + MAX_TYPES + " types, separated by commas");
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : names) {
            types.add(EventTypes.named(name.strip())
                    .orElseThrow(() -> invalid("unknown event type " + shorten(name) + " (docs/events.md lists them)")));
        }
        return types;
    }

    private static String text(String name, String value, int max) {
        if (value.isEmpty() || value.length() > max) {
            throw invalid(name + " must be 1 to " + max + " characters");
        }
        // PostgreSQL refuses U+0000 in text: a 400 here instead of a database error
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw invalid(name + " must not contain control characters");
        }
        return value;
    }

    private static EventOrder order(String value) {
        return switch (value) {
            case "newest" -> EventOrder.NEWEST;
            case "oldest" -> EventOrder.OLDEST;
            default -> throw invalid("order must be newest or oldest");
        };
    }

    private static int limit(String value) {
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("limit must be an integer from 1 to " + MAX_LIMIT);
    }

    private static String shorten(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
