package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;

/** Browser wallets read the wallet endpoints (CORS, default origins *); the back-office API stays closed. */
@IssuerIT
class CorsIT {

    private static final String ORIGIN = "https://wallet.example.com";
    private static final String[] WALLET_PATHS = {"/oid4vci/credential", "/oid4vci/nonce", "/oid4vci/token",
        "/oid4vci/credential-offers/some-reference", "/.well-known/openid-credential-issuer"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void everyWalletEndpointAnswersAPreflight() {
        for (String path : WALLET_PATHS) {
            HttpResponse<String> preflight = preflight(path);
            assertEquals(204, preflight.statusCode(), path + " " + preflight.body());
            assertEquals("*", header(preflight, "Access-Control-Allow-Origin"), path);
            assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("POST"), path);
            for (String allowed : new String[] {"Authorization", "DPoP", "Content-Type"}) {
                assertTrue(header(preflight, "Access-Control-Allow-Headers").contains(allowed), path + " " + allowed);
            }
            assertFalse(preflight.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), "no cookies");
        }
    }

    @Test
    void errorAnswersCarryTheHeadersSoABrowserWalletCanReadThem() {
        HttpResponse<String> unauthenticated = Http.post("/oid4vci/credential", "{}", "Origin", ORIGIN,
                "Content-Type", "application/json");

        assertEquals(401, unauthenticated.statusCode());
        assertEquals("*", header(unauthenticated, "Access-Control-Allow-Origin"));
        String exposed = header(unauthenticated, "Access-Control-Expose-Headers");
        for (String name : new String[] {"DPoP-Nonce", "WWW-Authenticate", "Retry-After", "X-Request-Id"}) {
            assertTrue(exposed.contains(name), name);
        }
        HttpResponse<String> missing = Http.get("/oid4vci/credential-offers/no-such-offer", "Origin", ORIGIN);
        assertTrue(missing.statusCode() >= 400);
        assertEquals("*", header(missing, "Access-Control-Allow-Origin"));
    }

    @Test
    void successfulAnswersCarryThemToo() {
        HttpResponse<String> nonce = Http.post("/oid4vci/nonce", "", "Origin", ORIGIN);
        assertEquals(200, nonce.statusCode());
        assertEquals("*", header(nonce, "Access-Control-Allow-Origin"));
        HttpResponse<String> metadata = Http.get("/.well-known/openid-credential-issuer", "Origin", ORIGIN);
        assertEquals("*", header(metadata, "Access-Control-Allow-Origin"));
    }

    @Test
    void theBackOfficeApiHasNoCorsWithoutOriginsOfItsOwn() {
        HttpResponse<String> preflight = preflight("/admin/credential-offers");
        assertFalse(preflight.headers().firstValue("Access-Control-Allow-Origin").isPresent(), preflight.headers().toString());
        HttpResponse<String> call = Http.post("/admin/credential-offers", "{}", "Origin", ORIGIN,
                "Content-Type", "application/json");
        assertEquals(401, call.statusCode());
        assertFalse(call.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    private static HttpResponse<String> preflight(String path) {
        return Http.method("OPTIONS", path, "Origin", ORIGIN, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization, dpop, content-type");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
