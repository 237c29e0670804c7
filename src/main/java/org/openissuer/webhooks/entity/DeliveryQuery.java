package org.openissuer.webhooks.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * The filters of GET /admin/webhook-deliveries, parsed strictly as the events API's are: an
 * unknown parameter, a repeated one or a malformed value is a 400, so a mistyped filter never
 * widens the answer. Newest first; the cursor is the last id shown.
 */
public record DeliveryQuery(Optional<String> subscription, Optional<DeliveryState> state, Optional<Long> eventId,
        Optional<String> subject, int limit, Optional<Long> before) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    private static final Set<String> NAMES = Set.of("subscription", "state", "event_id", "subject", "limit", "cursor");

    public static DeliveryQuery parse(Map<String, List<String>> parameters) {
        Map<String, String> single = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!NAMES.contains(name)) {
                throw invalid("unknown parameter " + name);
            }
            if (values.size() != 1) {
                throw invalid(name + " given more than once");
            }
            String value = values.get(0);
            if (value.isEmpty() || value.length() > 255 || value.chars().anyMatch(Character::isISOControl)) {
                throw invalid(name + " must be 1 to 255 characters without control characters");
            }
            single.put(name, value);
        });
        Optional<DeliveryState> state = Optional.ofNullable(single.get("state")).map(s -> {
            for (DeliveryState known : DeliveryState.values()) {
                if (known.column().equals(s)) {
                    return known;
                }
            }
            throw invalid("state must be pending, delivered or failed");
        });
        int limit = number(single.get("limit"), "limit", 1, MAX_LIMIT).map(Long::intValue).orElse(DEFAULT_LIMIT);
        return new DeliveryQuery(Optional.ofNullable(single.get("subscription")), state,
                number(single.get("event_id"), "event_id", 1, Long.MAX_VALUE), Optional.ofNullable(single.get("subject")),
                limit, number(single.get("cursor"), "cursor", 1, Long.MAX_VALUE));
    }

    private static Optional<Long> number(String value, String name, long min, long max) {
        if (value == null) {
            return Optional.empty();
        }
        if (!value.matches("[0-9]{1,19}")) {
            throw invalid(name + " must be a number");
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw invalid(name + " must be between " + min + " and " + max);
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a number");
        }
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
