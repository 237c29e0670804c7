package org.openissuer.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand; starts at a rate-limit window start (divisible by 60,000 ms). */
public final class HandClock extends Clock {

    public long millis = 1_800_000_000_000L;

    public void advance(Duration by) {
        millis += by.toMillis();
    }

    @Override
    public ZoneOffset getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}
