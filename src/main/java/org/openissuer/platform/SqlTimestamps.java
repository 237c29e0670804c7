package org.openissuer.platform;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamptz column read through a native query: the JPA providers and drivers differ in its Java type. */
public final class SqlTimestamps {

    private SqlTimestamps() {
    }

    /** The column as UTC, whether it came as java.sql.Timestamp, OffsetDateTime or Instant. */
    public static OffsetDateTime utc(Object column) {
        if (column instanceof OffsetDateTime at) {
            return at.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (column instanceof Timestamp at) {
            return at.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (column instanceof Instant at) {
            return at.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + (column == null ? "null" : column.getClass()));
    }
}
