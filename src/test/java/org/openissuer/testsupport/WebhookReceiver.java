package org.openissuer.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver in the test JVM, on 127.0.0.1 and the port the IT subscriptions file names
 * (it.webhook.port): records every request, answers what the test's policy says (which may
 * block, to hold a sender's attempt open), and checks signatures as a receiver would, with its
 * own HMAC (Standard Webhooks' scheme), not the issuer's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** The secrets of src/test/it-webhooks/subscriptions.json, by path. */
    public static final String ALL = "/all";
    public static final String ISSUED = "/issued";
    private static final String ALL_SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String ISSUED_SECRET = "whsec_ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    /** One request as received. */
    public record Received(String path, String id, String timestamp, String signature, String body, Instant at) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public String subject() {
            return json().getJsonObject("data").getString("subject", "");
        }

        /** Standard Webhooks: v1,<base64 HMAC-SHA256(secret, id.timestamp.body)>, several space-separated allowed. */
        public boolean signatureVerifies() {
            String secret = ALL.equals(path) ? ALL_SECRET : ISSUED_SECRET;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String candidate : signature.split(" ")) {
                    if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                            Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true;
                    }
                }
                return false;
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                return false;
            }
        }

        /** A receiver refuses a timestamp too far from its clock (replays); five minutes as the spec's libraries do. */
        public boolean fresh() {
            return Math.abs(Long.parseLong(timestamp) - at.getEpochSecond()) <= Duration.ofMinutes(5).toSeconds();
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Received> policy = r -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        int port = Integer.getInteger("it.webhook.port", 19099);
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.setExecutor(receiver.threads);
            server.createContext("/", receiver::handle);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (it.webhook.port)", e);
        }
    }

    /** The status to answer each request with; it may block to hold the sender's attempt open. */
    public void answer(ToIntFunction<Received> policy) {
        this.policy = policy;
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** The requests of one path whose event names the subject. */
    public List<Received> of(String path, String subject) {
        return received(r -> r.path().equals(path) && r.subject().equals(subject));
    }

    /** Waits until at least {@code count} requests match, or fails after the timeout. */
    public List<Received> await(Predicate<Received> which, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Received> found = received(which);
            if (found.size() >= count) {
                return found;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("waited " + timeout + " for " + count + " webhooks, got " + received(which)
                + "; all received: " + received);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Received request = new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"), body, Instant.now());
            received.add(request);
            int status = policy.applyAsInt(request);
            exchange.sendResponseHeaders(status, -1);
            try (OutputStream out = exchange.getResponseBody()) {
                out.flush();
            }
        } catch (IOException e) {
            // the sender went away (a killed instance, a timeout): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
