package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;

/** The trust anchor verifiers fetch: here the development IACA root (no chain is configured for the ITs). */
@IssuerIT
class CertificatesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void publishesTheDevelopmentIacaRootAsPem() throws Exception {
        HttpResponse<String> response = Http.get("/certificates/iaca.pem");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/x-pem-file", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("public, max-age=3600", response.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(response.body().startsWith("-----BEGIN CERTIFICATE-----\n"), response.body());
        X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.US_ASCII)));

        // ISO/IEC 18013-5:2021 B.1.2: a CA for document signers only, self-signed, currently valid
        assertEquals(0, root.getBasicConstraints());
        assertTrue(root.getCriticalExtensionOIDs().containsAll(List.of("2.5.29.19", "2.5.29.15")));
        boolean[] usage = root.getKeyUsage();
        assertTrue(usage[5] && usage[6] && !usage[0], "keyCertSign and cRLSign, no digitalSignature");
        assertEquals(root.getSubjectX500Principal(), root.getIssuerX500Principal());
        root.verify(root.getPublicKey());
        root.checkValidity(new Date());
        assertTrue(root.getIssuerAlternativeNames().contains(List.of(6, Http.base())), root.getIssuerAlternativeNames().toString());
    }

    @Test
    void readableFromAnyOrigin() {
        HttpResponse<String> response = Http.get("/certificates/iaca.pem", "Origin", "https://verifier.example.com");
        assertEquals("*", response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void isDescribedInOpenApi() {
        assertTrue(Http.json(Http.get("/openapi", "Accept", "application/json")).getJsonObject("paths")
                .containsKey("/certificates/iaca.pem"));
    }

    @Test
    void otherCertificatePathsAreNotFound() {
        HttpResponse<String> response = Http.get("/certificates/other.pem");
        assertEquals(404, response.statusCode());
        assertEquals("not_found", Http.json(response).getString("error"));
    }
}
