package org.openissuer.deferred.entity;

import java.time.Duration;
import java.util.Optional;

import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

/** Which pending transactions the back office lists: of one configuration, older than an age, at most so many. */
public record PendingFilter(Optional<String> configurationId, Duration olderThan, int limit) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** From the query parameters, each null when absent. */
    public static PendingFilter parse(String configurationId, String olderThanSeconds, String limit) {
        if (configurationId != null && (configurationId.isBlank() || configurationId.length() > 255)) {
            throw invalid("credential_configuration_id must be 1 to 255 characters");
        }
        long age = olderThanSeconds == null ? 0 : number(olderThanSeconds, "older_than_seconds", 0, 315_360_000);
        long max = limit == null ? DEFAULT_LIMIT : number(limit, "limit", 1, MAX_LIMIT);
        return new PendingFilter(Optional.ofNullable(configurationId), Duration.ofSeconds(age), (int) max);
    }

    private static long number(String text, String name, long min, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid(name + " must be an integer from " + min + " to " + max);
    }

    private static IssuerException invalid(String description) {
        return new IssuerException(IssuerError.INVALID_REQUEST, description);
    }
}
