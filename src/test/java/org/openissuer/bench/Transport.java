package org.openissuer.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** How a bench client sends its POSTs: the JDK's HTTP client, or a bare HTTP/1.1 socket (cheaper on the client's CPU). */
interface Transport extends AutoCloseable {

    record Response(int status, String body) {
    }

    /** @param headers name, value, name, value... */
    Response post(String path, String body, String... headers) throws IOException, InterruptedException;

    @Override
    void close();

    static Transport create(String kind, HttpClient http, String base) {
        return switch (kind) {
            case "jdk" -> new Jdk(http, base);
            case "socket" -> new SocketTransport(URI.create(base));
            default -> throw new IllegalArgumentException("bench.http must be jdk or socket, is " + kind);
        };
    }

    /** java.net.http over HTTP/1.1 with keep-alive, connections pooled by the shared client. */
    final class Jdk implements Transport {
        private final HttpClient http;
        private final String base;

        Jdk(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        @Override
        public Response post(String path, String body, String... headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .POST(body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }

        @Override
        public void close() {
            // the shared client keeps its pool
        }
    }
}
