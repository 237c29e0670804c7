package org.openissuer.smoke;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.JSONObjectUtils;

import org.openissuer.testsupport.DPoPJwt;

/** The smoke test's HTTP: TLS trusting the JDK's CAs and an optional extra certificate, DPoP with one key. */
final class SmokeHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final ECKey dpopKey;

    SmokeHttp(Path trust, ECKey dpopKey) throws Exception {
        this.client = HttpClient.newBuilder().sslContext(sslContext(trust)).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.dpopKey = dpopKey;
    }

    Map<String, Object> getJson(String step, URI uri) throws Exception {
        return json(step, send(HttpRequest.newBuilder(uri).GET()), 200);
    }

    /** A text document (e.g. a PEM certificate) that must answer 200. */
    String getText(String step, URI uri) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET());
        SmokeIssuance.expect(response.statusCode() == 200, step + ": " + uri + " answered " + response.statusCode());
        return response.body();
    }

    Map<String, Object> postJson(String step, String uri, String body, String authorization, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (!body.isEmpty()) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return json(step, send(request), expected);
    }

    /** The token request, DPoP-bound; one retry with the server's nonce (RFC 9449 §8). */
    Map<String, Object> token(String endpoint, String form) throws Exception {
        return withDPoPNonce("token", nonce -> HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("DPoP", DPoPJwt.signedBy(dpopKey).htu(endpoint).nonce(nonce).build())
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    Map<String, Object> credential(String endpoint, String body, String accessToken) throws Exception {
        return withDPoPNonce("credential", nonce -> HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/json").header("Authorization", "DPoP " + accessToken)
                .header("DPoP", DPoPJwt.signedBy(dpopKey).htu(endpoint).accessToken(accessToken).nonce(nonce).build())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private interface RequestWithNonce {
        HttpRequest.Builder build(String nonce) throws Exception;
    }

    private Map<String, Object> withDPoPNonce(String step, RequestWithNonce request) throws Exception {
        HttpResponse<String> response = send(request.build(null));
        Optional<String> nonce = response.headers().firstValue("DPoP-Nonce");
        boolean nonceDemanded = response.body().contains("use_dpop_nonce")
                || response.headers().allValues("WWW-Authenticate").stream().anyMatch(h -> h.contains("use_dpop_nonce"));
        if (nonce.isPresent() && nonceDemanded) {
            response = send(request.build(nonce.get()));
        }
        return json(step, response, 200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> json(String step, HttpResponse<String> response, int expected) {
        SmokeIssuance.expect(response.statusCode() == expected, step + ": HTTP " + response.statusCode() + " from "
                + response.uri() + " " + response.body() + " " + response.headers().allValues("WWW-Authenticate"));
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (java.text.ParseException e) {
            throw new SmokeIssuance.SmokeFailure(step + ": the answer is not JSON: " + response.body());
        }
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static SSLContext sslContext(Path trust) throws Exception {
        if (trust == null) {
            return SSLContext.getDefault();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        // the JDK's CAs stay trusted beside the given certificate
        int i = 0;
        for (var manager : jdk.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("ca-" + i++, ca);
                }
            }
        }
        try (InputStream in = Files.newInputStream(trust)) {
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
