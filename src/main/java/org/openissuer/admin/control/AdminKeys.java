package org.openissuer.admin.control;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The identity provider's public keys from {@code mp.jwt.verify.publickey.location}: a file, a
 * {@code file:} URL or an http(s) URL. Loaded on first use and cached; a token signed with a key
 * not in the cache (the IdP rotated) reloads them, at most once per refresh interval, so a flood
 * of tokens with made-up kids cannot turn the issuer against the IdP.
 */
public class AdminKeys implements JWKSource<SecurityContext> {

    private static final Logger LOG = Logger.getLogger(AdminKeys.class.getName());
    private static final int MAX_BYTES = 1 << 20;

    private final String location;
    private final Duration refreshInterval;
    private final Clock clock;
    // keys and the time they were loaded change together: a reader never sees the time of a load whose keys are not there yet
    private volatile Snapshot current = new Snapshot(new JWKSet(), Instant.MIN);

    private record Snapshot(JWKSet keys, Instant loadedAt) {
    }

    public AdminKeys(String location, Duration refreshInterval, Clock clock) {
        this.location = location;
        this.refreshInterval = refreshInterval;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot seen = current;
        List<JWK> keys = selector.select(seen.keys());
        if (keys.isEmpty()) {
            Snapshot fresh = refreshed(seen);
            if (fresh != seen) {
                keys = selector.select(fresh.keys());
            }
        }
        return keys;
    }

    private boolean due(Snapshot snapshot) {
        return snapshot.loadedAt() == Instant.MIN || !clock.instant().isBefore(snapshot.loadedAt().plus(refreshInterval));
    }

    /** The snapshot after seen: another thread's newer one, a fresh load when one is due, or seen itself. */
    private synchronized Snapshot refreshed(Snapshot seen) {
        if (current != seen || !due(seen)) {
            return current; // another thread loaded while this one waited, or the interval has not passed
        }
        Instant now = clock.instant();
        JWKSet keys = seen.keys();
        try {
            keys = PublicKeyText.parse(read());
            int size = keys.size();
            LOG.info(() -> "Admin API: loaded " + size + " identity provider key(s) from " + location);
        } catch (IOException | IllegalArgumentException e) {
            // keep the keys we had: an IdP hiccup must not lock out tokens that verified a minute ago
            LOG.warning(() -> "Admin API: cannot load identity provider keys from " + location + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current = new Snapshot(keys, now);
        return current;
    }

    private String read() throws IOException, InterruptedException {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            // a client per load (at most one per refresh interval), never a static one: a client's selector
            // thread inherits the deployment's class loader and lives as long as the client, so a static
            // client kept every undeployed copy of the application in memory (WildFly ran out of heap
            // after some thirty redeployments)
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(location))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json, application/jwk-set+json, */*").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("larger than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
