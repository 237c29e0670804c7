package org.openissuer.ratelimit.control;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;

import javax.sql.DataSource;

import org.openissuer.ratelimit.entity.BucketId;

/** The shared counts in PostgreSQL's rate_limit_bucket (db/migrations/V006): one statement per exchange. */
public final class JdbcBucketStore implements BucketStore {

    // One round trip: upsert the increments (in key order, see BucketId), read the totals of buckets only read
    static final String EXCHANGE = """
            WITH input AS (
                SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::bigint[]) AS i(bucket_key, window_start, hits)),
            added AS (
                INSERT INTO rate_limit_bucket (bucket_key, window_start, hits)
                SELECT bucket_key, window_start, hits FROM input WHERE hits > 0 ORDER BY bucket_key, window_start
                ON CONFLICT (bucket_key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + EXCLUDED.hits
                RETURNING bucket_key, window_start, hits)
            SELECT bucket_key, window_start, hits FROM added
            UNION ALL
            SELECT b.bucket_key, b.window_start, b.hits FROM rate_limit_bucket b
            JOIN input i ON i.bucket_key = b.bucket_key AND i.window_start = b.window_start WHERE i.hits = 0
            """;
    static final String PURGE = "DELETE FROM rate_limit_bucket WHERE window_start < ?";

    private final DataSource dataSource;

    public JdbcBucketStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Map<BucketId, Long> exchange(SortedMap<BucketId, Long> increments) {
        try (Connection connection = dataSource.getConnection()) {
            return exchange(connection, increments);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot share rate-limit counts: " + e.getMessage(), e);
        }
    }

    public int purgeBefore(long windowStart) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(PURGE)) {
            delete.setLong(1, windowStart);
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge rate-limit counts: " + e.getMessage(), e);
        }
    }

    /** The exchange on a connection the caller owns (autocommit): for benchmarks and tests. */
    public static Map<BucketId, Long> exchange(Connection connection, SortedMap<BucketId, Long> increments)
            throws SQLException {
        int n = increments.size();
        String[] keys = new String[n];
        Long[] starts = new Long[n];
        Long[] hits = new Long[n];
        int i = 0;
        for (Map.Entry<BucketId, Long> entry : increments.entrySet()) {
            keys[i] = entry.getKey().key();
            starts[i] = entry.getKey().windowStart();
            hits[i++] = entry.getValue();
        }
        Map<BucketId, Long> totals = new HashMap<>();
        try (PreparedStatement exchange = connection.prepareStatement(EXCHANGE)) {
            Array keyArray = connection.createArrayOf("varchar", keys);
            Array startArray = connection.createArrayOf("bigint", starts);
            Array hitArray = connection.createArrayOf("bigint", hits);
            exchange.setArray(1, keyArray);
            exchange.setArray(2, startArray);
            exchange.setArray(3, hitArray);
            try (ResultSet rows = exchange.executeQuery()) {
                while (rows.next()) {
                    totals.put(new BucketId(rows.getString(1), rows.getLong(2)), rows.getLong(3));
                }
            }
        }
        return totals;
    }
}
