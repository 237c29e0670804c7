package org.openissuer.events.entity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/**
 * Where a page ended: the last event's id, its occurred_at (microseconds since the epoch, when
 * there was one) and the order. Opaque to clients (base64url); not secret: it selects nothing
 * the caller could not ask for with filters. Only the order and id decide what comes next.
 */
public record EventCursor(EventOrder order, long lastId, Optional<Long> lastMicros) {

    static final int MAX_LENGTH = 96;
    private static final Pattern TEXT = Pattern.compile("v1\\.([on])\\.(0|[1-9][0-9]{0,18})(?:\\.(-?[0-9]{1,19}))?");

    public EventCursor {
        if (lastId < 0) {
            throw new IllegalArgumentException("ids are not negative");
        }
    }

    /** Before the first event: an oldest-first reader with nothing read yet. */
    public static EventCursor start(EventOrder order) {
        return new EventCursor(order, order == EventOrder.OLDEST ? 0 : Long.MAX_VALUE, Optional.empty());
    }

    public static EventCursor after(EventOrder order, Event last) {
        long micros = Math.addExact(Math.multiplyExact(last.occurredAt().toEpochSecond(), 1_000_000L),
                last.occurredAt().getNano() / 1000);
        return new EventCursor(order, last.id(), Optional.of(micros));
    }

    public String encode() {
        String text = "v1." + (order == EventOrder.OLDEST ? "o" : "n") + "." + lastId
                + lastMicros.map(m -> "." + m).orElse("");
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    public static EventCursor parse(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher matcher = TEXT.matcher(text);
        if (!matcher.matches()) {
            throw invalid();
        }
        try {
            EventOrder order = "o".equals(matcher.group(1)) ? EventOrder.OLDEST : EventOrder.NEWEST;
            long id = Long.parseLong(matcher.group(2));
            Optional<Long> micros = Optional.ofNullable(matcher.group(3)).map(Long::parseLong);
            return new EventCursor(order, id, micros);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static IssuerException invalid() {
        return new IssuerException(IssuerError.INVALID_REQUEST, "cursor is not one this API handed out");
    }
}
