package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.IssuerIT;

/** Liberty serves HTTPS with the configured key store, TLS 1.2 and 1.3 only, HTTP/2 by ALPN. */
@IssuerIT
class HttpsIT {

    private static Certificate expected;
    private static SSLContext trusting;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @BeforeAll
    static void trustTheTestKeyStore() throws Exception {
        // WildFly's HTTPS listener is configured by its own Elytron key store, not by server.xml
        Assumptions.assumeTrue("liberty".equals(System.getProperty("it.server")), "server.xml TLS is Liberty's");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("it.data.dir"), "tls", "localhost.crt"))) {
            expected = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("issuer", expected);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @Test
    void servesTheConfiguredCertificateOverHttp2() throws Exception {
        HttpResponse<String> response = get(HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_2));
        assertEquals(200, response.statusCode());
        assertEquals(HttpClient.Version.HTTP_2, response.version(), "ALPN negotiates h2");
        assertEquals(expected, response.sslSession().orElseThrow().getPeerCertificates()[0]);
    }

    @Test
    void takesRequestsWithABodyOverHttp2() throws Exception {
        // a wallet's POST over h2: framing checks must not mistake the channel's repeated length for smuggling
        URI uri = URI.create("https://localhost:" + System.getProperty("it.https.port") + "/oid4vci/credential");
        HttpResponse<String> response = HttpClient.newBuilder().sslContext(trusting).version(HttpClient.Version.HTTP_2).build()
                .send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"credential_configuration_id\": \"x\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, response.version());
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("Bearer error=\"invalid_token\", error_description=\"an access token is required\"",
                response.headers().firstValue("WWW-Authenticate").orElse(""));
    }

    @Test
    void acceptsTls12() throws Exception {
        SSLParameters tls12 = new SSLParameters();
        tls12.setProtocols(new String[] {"TLSv1.2"});
        HttpResponse<String> response = get(HttpClient.newBuilder().sslContext(trusting).sslParameters(tls12));
        assertEquals(200, response.statusCode());
        assertEquals("TLSv1.2", response.sslSession().orElseThrow().getProtocol());
    }

    @Test
    void prefersTls13() throws Exception {
        HttpResponse<String> response = get(HttpClient.newBuilder().sslContext(trusting));
        assertEquals("TLSv1.3", response.sslSession().orElseThrow().getProtocol());
    }

    private static HttpResponse<String> get(HttpClient.Builder client) throws Exception {
        URI uri = URI.create("https://localhost:" + System.getProperty("it.https.port") + "/.well-known/openid-credential-issuer");
        return client.build().send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
