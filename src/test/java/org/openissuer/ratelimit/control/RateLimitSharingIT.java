package org.openissuer.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openissuer.bench.LimiterLoad;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.PostgresForIT;

/** Two limiter instances sharing one real PostgreSQL (the V006 table, in a schema of its own). */
@ExtendWith(PostgresForIT.class)
class RateLimitSharingIT {

    private static final String SCHEMA = "rate_limit_it";

    @BeforeAll
    static void schema() throws Exception {
        try (Connection db = Database.connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            sql.execute("CREATE SCHEMA " + SCHEMA);
            sql.execute("SET search_path TO " + SCHEMA);
            sql.execute(Files.readString(Path.of("db/migrations/V006__rate_limit_bucket.sql")));
        }
    }

    private static Connection connect() throws java.sql.SQLException {
        String url = System.getProperty("it.db.url");
        return Database.connect(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
    }

    @Test
    void anInstanceLearnsTheOthersCountsAtItsNextSync() throws Exception {
        try (Connection one = connect(); Connection two = connect()) {
            SharedWindowLimiter a = new SharedWindowLimiter(Duration.ofDays(1), 1_000, Clock.systemUTC());
            SharedWindowLimiter b = new SharedWindowLimiter(Duration.ofDays(1), 1_000, Clock.systemUTC());
            for (int i = 0; i < 5; i++) {
                assertEquals(0, a.acquire("learn", 5));
            }
            a.sync(increments -> exchange(one, increments));
            assertEquals(0, b.acquire("learn", 5), "b has not synced yet");
            b.sync(increments -> exchange(two, increments));
            assertTrue(b.acquire("learn", 5) > 0, "b now knows a's 5");
        }
    }

    @Test
    void twoInstancesTogetherAdmitNoMoreThanTheLimitPlusTheBound() throws Exception {
        // 2 instances, 2 threads each, 10 keys, 400 requests/s per instance: 40/s per key and instance
        Duration interval = Duration.ofMillis(100);
        LimiterLoad.Result result = LimiterLoad.run(new LimiterLoad.Shape(2, 2, 10, 100, interval, Duration.ofSeconds(4),
                400), RateLimitSharingIT::connect);
        // bound: (instances - 1) x per-key rate x (interval + sync latency), with the measured p99 latency and slack x2
        double bound = 1 * 40 * (interval.toMillis() + result.syncP99Millis()) / 1000.0 * 2 + 2;
        assertTrue(result.worstOverAdmission() <= bound, result + ", bound " + bound);
        assertTrue(result.admitted() >= 10 * 100, "every key reached its limit: " + result);
    }

    private static java.util.Map<org.openissuer.ratelimit.entity.BucketId, Long> exchange(Connection connection,
            java.util.SortedMap<org.openissuer.ratelimit.entity.BucketId, Long> increments) {
        try {
            return JdbcBucketStore.exchange(connection, increments);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
