package org.openissuer.testsupport;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** A plain HTTP client, as a wallet would use, against the issuer under test. */
public final class Http {

    // HTTP/1.1, one connection per concurrent request: the JDK client's default is an h2c upgrade that
    // multiplexes every request of a test over one connection, and under CPU starvation Liberty answered
    // such connections with stalls of minutes and GOAWAY (NonceRaceIT and DPoPIT timed out; with 1.1 they pass)
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    public static String base() {
        return "http://localhost:" + System.getProperty("it.http.port", "19080");
    }

    /**
     * Where MicroProfile Health answers: the application port on Liberty, the management
     * interface (9990 + port offset) on WildFly.
     */
    public static String healthBase() {
        if ("wildfly".equals(System.getProperty("it.server"))) {
            return "http://localhost:" + System.getProperty("it.wildfly.management.port", "21290");
        }
        return base();
    }

    public static HttpResponse<String> health(String path) {
        return send(HttpRequest.newBuilder(URI.create(healthBase() + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    public static HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    public static HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** POST to an absolute URL, e.g. a second issuer instance. */
    public static HttpResponse<String> postTo(String url, String body, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public static HttpResponse<String> method(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    public static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    private static HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
