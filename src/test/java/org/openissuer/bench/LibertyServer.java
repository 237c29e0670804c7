package org.openissuer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The Liberty server under load, started with wlp/bin/server so that the benchmark decides its
 * environment and JVM options and knows its process id.
 */
final class LibertyServer implements AutoCloseable {

    private final BenchSettings settings;
    private final Path serverScript;
    private boolean started;
    private long pid = -1;
    private long logLinesAtReady;

    LibertyServer(BenchSettings settings) {
        this.settings = settings;
        this.serverScript = settings.wlpDir().resolve("bin/server");
        if (!Files.isDirectory(settings.wlpDir().resolve("usr/servers").resolve(settings.serverName()))) {
            throw new IllegalStateException("no Liberty server " + settings.serverName() + " under " + settings.wlpDir()
                    + ": run mvn -Pbench, which creates and deploys it");
        }
    }

    /** The server JVM's GC log: one file per process, since `server start` also runs a status-check JVM with JVM_ARGS. */
    Path gcLog() {
        return settings.benchDir().resolve("gc-" + pid + ".log");
    }

    Path messagesLog() {
        return settings.wlpDir().resolve("usr/servers").resolve(settings.serverName()).resolve("logs/messages.log");
    }

    void start(Map<String, String> environment, HttpClient http) throws IOException, InterruptedException {
        if (ready(http)) {
            throw new IllegalStateException("something already answers on " + settings.issuerUrl() + ": stop it first");
        }
        ProcessBuilder builder = new ProcessBuilder(serverScript.toString(), "start", settings.serverName())
                .redirectErrorStream(true).redirectOutput(settings.benchDir().resolve("server-start.log").toFile());
        builder.environment().putAll(environment);
        // bench.server.jvm-args adds options, e.g. a flight recording to see where the server's CPU goes
        builder.environment().put("JVM_ARGS", ("-Xmx512m -Xlog:gc:file=" + settings.benchDir().resolve("gc-%p.log") + " "
                + System.getProperty("bench.server.jvm-args", "")).strip());
        started = true;
        int status = builder.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException("server start " + settings.serverName() + " exited with " + status
                    + ", see " + settings.benchDir().resolve("server-start.log"));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (!ready(http)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("issuer not ready within 240 s, see " + messagesLog());
            }
            Thread.sleep(500);
        }
        pid = readPid();
        logLinesAtReady = lineCount(messagesLog());
    }

    /** Lines of messages.log written before the issuer was ready (start-up messages), not counted as trouble under load. */
    long logLinesAtReady() {
        return logLinesAtReady;
    }

    private static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    long pid() {
        return pid;
    }

    /** Liberty's own record of the server JVM, checked against the process table. */
    private long readPid() throws IOException {
        Path file = settings.wlpDir().resolve("usr/servers/.pid").resolve(settings.serverName() + ".pid");
        long value = Long.parseLong(Files.readString(file).trim());
        String commandLine = Files.readString(Path.of("/proc", Long.toString(value), "cmdline"), StandardCharsets.UTF_8)
                .replace('\0', ' ');
        if (!commandLine.contains("java") || !commandLine.contains(settings.serverName())) {
            throw new IllegalStateException("process " + value + " from " + file + " is not the Liberty server: " + commandLine);
        }
        return value;
    }

    private boolean ready(HttpClient http) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.issuerUrl() + "/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (!started) {
            return;
        }
        started = false;
        Process stop = new ProcessBuilder(serverScript.toString(), "stop", settings.serverName()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.benchDir().resolve("server-stop.log").toFile())).start();
        try {
            stop.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
