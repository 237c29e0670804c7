package org.openissuer.deferred.entity;

import java.util.Arrays;
import java.util.Locale;

/** Where a deferred transaction stands (db/migrations/V010 deferred_credential.state). */
public enum DeferredState {
    PENDING, APPROVED, REJECTED, EXPIRED, DELIVERED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeferredState of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown deferred state " + wire));
    }
}
