package org.openissuer.offer.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamptz column read through a native query: providers and drivers differ in the Java type. */
final class Timestamps {

    private Timestamps() {
    }

    static OffsetDateTime utc(Object column) {
        if (column instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (column instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (column instanceof Instant t) {
            return t.atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + (column == null ? "null" : column.getClass()));
    }
}
