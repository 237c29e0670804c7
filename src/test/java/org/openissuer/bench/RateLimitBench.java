package org.openissuer.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import org.openissuer.devdb.DevDatabase;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the shared rate limit costs the database, and how far instances over-admit. Run:
 * mvn -q -ntp test-compile exec:java -Dexec.mainClass=org.openissuer.bench.RateLimitBench -Dexec.classpathScope=test
 * Optional arguments: instances threads seconds sync-interval-millis port.
 */
public final class RateLimitBench {

    private RateLimitBench() {
    }

    public static void main(String[] args) throws Exception {
        int instances = arg(args, 0, 2);
        int threads = arg(args, 1, 4);
        int seconds = arg(args, 2, 10);
        int interval = arg(args, 3, 500);
        int port = arg(args, 4, 25699);
        try (EmbeddedPostgres postgres = DevDatabase.start(Path.of("target/bench-postgres"), port, true)) {
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
            try (Connection db = DriverManager.getConnection(url, "postgres", ""); Statement sql = db.createStatement()) {
                sql.execute(Files.readString(Path.of("db/migrations/V006__rate_limit_bucket.sql")));
            }
            LimiterLoad.Connections connections = () -> DriverManager.getConnection(url, "postgres", "");
            System.out.printf("%d instances x %d threads, sync every %d ms, %d s per run, %d cores%n", instances, threads,
                    interval, seconds, Runtime.getRuntime().availableProcessors());
            report("issuer-like: 10,000 keys, 5,000 requests/s per instance, none over its limit", LimiterLoad.run(
                    new LimiterLoad.Shape(instances, threads, 10_000, Integer.MAX_VALUE, Duration.ofMillis(interval),
                            Duration.ofSeconds(seconds), 5_000), connections));
            report("saturated: 10,000 keys hammered by every thread (CPU shared with PostgreSQL)", LimiterLoad.run(new LimiterLoad.Shape(
                    instances, threads, 10_000, Integer.MAX_VALUE, Duration.ofMillis(interval), Duration.ofSeconds(seconds),
                    0), connections));
            report("abuse: 1 key hammered, limit 600", LimiterLoad.run(new LimiterLoad.Shape(instances, threads, 1, 600,
                    Duration.ofMillis(interval), Duration.ofSeconds(seconds), 0), connections));
            int rate = 1_000;
            report("paced: 10 keys, limit 600, " + rate + " requests/s per instance (100/s per key and instance)",
                    LimiterLoad.run(new LimiterLoad.Shape(instances, threads, 10, 600, Duration.ofMillis(interval),
                            Duration.ofSeconds(seconds), rate), connections));
            System.out.printf("bound for paced: (instances - 1) x 100/s x (2 x %d ms + sync latency) = about %d per key%n",
                    interval, (instances - 1) * 100 * 2 * interval / 1000);
        }
    }

    private static void report(String name, LimiterLoad.Result result) {
        System.out.println(name + ": " + result);
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
