package org.openissuer.devdb;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL behind {@code mvn -Prun} and {@code mvn -Pstart}: real PostgreSQL
 * binaries from Maven Central, data kept in {@code <home>/postgres} across restarts. Not part
 * of the WAR. Commands:
 * <ul>
 * <li>{@code run <home> <port>}: start (or reuse a running one) and hold it until this process ends;</li>
 * <li>{@code stop <home>}: end the holder started by {@code run}, which stops PostgreSQL cleanly.</li>
 * </ul>
 * With DB_URL set, an external database is configured and {@code run} does nothing.
 */
public final class DevDatabase {

    private DevDatabase() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: DevDatabase run <home> <port> | stop <home>");
        }
        Path home = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "run" -> run(home, Integer.parseInt(args[2]));
            case "stop" -> stop(home);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    /** Starts PostgreSQL in {@code dataDir} on {@code port}; closing the result stops it. */
    public static EmbeddedPostgres start(Path dataDir, int port, boolean clean) throws IOException {
        Files.createDirectories(dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    private static void run(Path home, int port) throws Exception {
        String external = System.getenv("DB_URL");
        if (external != null && !external.isBlank()) {
            System.out.println("[devdb] DB_URL is set: using " + external + ", no embedded PostgreSQL");
            return;
        }
        Files.createDirectories(home);
        Path pidFile = home.resolve("postgres.pid");
        if (holderAlive(pidFile).isPresent() && accepting(port)) {
            System.out.println("[devdb] embedded PostgreSQL already running on port " + port);
            return;
        }
        Path log = home.resolve("postgres.log");
        System.out.println("[devdb] starting embedded PostgreSQL on 127.0.0.1:" + port + ", data in "
                + home.resolve("postgres") + ", log in " + log);
        // after `mvn -Pstart` returns nobody reads our stdout any more
        PrintStream logStream = new PrintStream(Files.newOutputStream(log, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
        System.setOut(logStream);
        System.setErr(logStream);
        EmbeddedPostgres postgres = start(home.resolve("postgres"), port, false);
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                e.printStackTrace();
            }
            stopped.countDown();
        }));
        System.out.println("[devdb] ready on port " + postgres.getPort());
        stopped.await();
    }

    private static void stop(Path home) throws InterruptedException {
        Path pidFile = home.resolve("postgres.pid");
        Optional<ProcessHandle> holder = holderAlive(pidFile);
        if (holder.isEmpty()) {
            System.out.println("[devdb] no embedded PostgreSQL running for " + home);
            return;
        }
        holder.get().destroy();
        try {
            holder.get().onExit().get(60, TimeUnit.SECONDS);
            System.out.println("[devdb] embedded PostgreSQL stopped");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            holder.get().destroyForcibly();
            System.out.println("[devdb] embedded PostgreSQL holder did not stop in time and was killed");
        }
    }

    private static Optional<ProcessHandle> holderAlive(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> new File(c).getName().startsWith("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
