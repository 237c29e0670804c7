package org.openissuer.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import org.junit.jupiter.api.Assumptions;

/**
 * A second issuer instance: its own Liberty server process from the build's wlp install, the
 * same WAR, database, keys (data dir) and public URL as the instance under test, as two nodes
 * behind one load balancer are. Closing it stops the process, forcibly if it must.
 */
public final class SecondIssuer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SecondIssuer.class.getName());
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path wlp;
    private final String name;
    private final int httpPort;

    private SecondIssuer(Path wlp, String name, int httpPort) {
        this.wlp = wlp;
        this.name = name;
        this.httpPort = httpPort;
    }

    /** @param environment extra settings of this instance, e.g. ISSUER_DPOP_NONCE_REQUIRED */
    public static SecondIssuer start(Map<String, String> environment) {
        Path wlp = Path.of(System.getProperty("it.wlp.dir", "target/liberty/wlp")).toAbsolutePath();
        String first = System.getProperty("it.server.name", "issuer-it");
        // the second instance is a Liberty from the build's install; a WildFly-only build has none
        Assumptions.assumeTrue(Files.isRegularFile(wlp.resolve("usr/servers").resolve(first).resolve("jdbc/postgresql.jar")),
                "no Liberty install with server " + first + " under " + wlp + " (run the Liberty suite first)");
        int httpPort = Integer.getInteger("it.second.http.port", Integer.parseInt(System.getProperty("it.http.port", "19080")) + 10);
        int httpsPort = Integer.getInteger("it.second.https.port",
                Integer.parseInt(System.getProperty("it.https.port", "19443")) + 10);
        SecondIssuer second = new SecondIssuer(wlp, first + "-2", httpPort);
        try {
            second.create(first);
            Map<String, String> env = new HashMap<>();
            env.put("HTTP_PORT", Integer.toString(httpPort));
            env.put("HTTPS_PORT", Integer.toString(httpsPort));
            env.put("DB_URL", System.getProperty("it.db.url"));
            env.put("DB_USER", System.getProperty("it.db.user"));
            env.put("DB_PASSWORD", System.getProperty("it.db.password", ""));
            env.put("ISSUER_DATA_DIR", System.getProperty("it.data.dir"));
            // one public URL for both nodes: the proofs' htu and the tokens' iss and aud are the same
            env.put("ISSUER_URL", Http.base());
            env.put("ISSUER_ENCRYPTION_KEYS", System.getProperty("it.encryption.keys"));
            env.putAll(environment);
            second.run(env, "start", second.name);
            second.awaitReady();
            return second;
        } catch (RuntimeException | Error e) {
            second.close();
            throw e;
        }
    }

    public String base() {
        return "http://localhost:" + httpPort;
    }

    private void create(String first) {
        Path dir = serverDir();
        deleteRecursively(dir);
        run(Map.of(), "create", name);
        try {
            Files.copy(Path.of("src/main/liberty/config/server.xml"), dir.resolve("server.xml"), StandardCopyOption.REPLACE_EXISTING);
            // the first server's bootstrap properties name the test TLS key store
            Path bootstrap = wlp.resolve("usr/servers").resolve(first).resolve("bootstrap.properties");
            if (Files.isRegularFile(bootstrap)) {
                Files.copy(bootstrap, dir.resolve("bootstrap.properties"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.createDirectories(dir.resolve("jdbc"));
            Files.copy(wlp.resolve("usr/servers").resolve(first).resolve("jdbc/postgresql.jar"), dir.resolve("jdbc/postgresql.jar"));
            Files.createDirectories(dir.resolve("dropins"));
            Files.copy(Path.of(System.getProperty("it.war", "target/openissuer.war")), dir.resolve("dropins/openissuer.war"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the second issuer server " + name, e);
        }
    }

    private void run(Map<String, String> env, String... args) {
        Path script = wlp.resolve("bin/server");
        ProcessBuilder builder = new ProcessBuilder(List.of(script.toString(), args[0], args[1]))
                .redirectErrorStream(true).redirectOutput(wlp.resolve("usr/servers").resolve(name + "-" + args[0] + ".log").toFile());
        env.forEach((k, v) -> {
            if (v != null) {
                builder.environment().put(k, v);
            }
        });
        try {
            Files.createDirectories(wlp.resolve("usr/servers"));
            Process process = builder.start();
            if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("server " + String.join(" ", args) + " did not finish");
            }
            if (process.exitValue() != 0 && !"stop".equals(args[0])) {
                throw new IllegalStateException("server " + String.join(" ", args) + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(base() + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the second issuer " + name + " was not ready within " + READY_TIMEOUT
                + "; see " + serverDir().resolve("logs/messages.log"));
    }

    /** The server's process id, as Liberty wrote it. */
    public Optional<Long> processId() {
        return pid();
    }

    /** kill -9: no shutdown hooks, no draining, as a crashed or OOM-killed node. */
    public void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    @Override
    public void close() {
        Optional<Long> pid = pid();
        try {
            run(Map.of(), "stop", name);
        } catch (RuntimeException e) {
            LOG.warning(() -> "server stop " + name + " failed: " + e.getMessage());
        }
        // never leave a process behind, whatever stop did
        pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(p -> {
            LOG.warning(() -> "killing the second issuer process " + p.pid());
            p.destroyForcibly();
        });
    }

    private Optional<Long> pid() {
        Path file = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        try {
            return Files.isRegularFile(file) ? Optional.of(Long.parseLong(Files.readString(file).strip())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private Path serverDir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
