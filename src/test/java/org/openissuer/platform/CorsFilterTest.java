package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

/** Which paths get CORS and which origins may read them; the headers themselves: CorsIT. */
class CorsFilterTest {

    private static CorsSettings cors(String wallets, String admin) {
        CorsSettings settings = new CorsSettings(wallets, admin);
        settings.validate();
        return settings;
    }

    @Test
    void walletEndpointsAndMetadataAreWalletScopeAndTheBackOfficeIsApart() {
        for (String path : new String[] {"/oid4vci/credential", "oid4vci/nonce", "/oid4vci/token", "/oid4vci/credential-offers/x",
                "/oid4vci/deferred_credential", "/oid4vci/notification",
                "/.well-known/openid-credential-issuer", "/tenant/.well-known/openid-credential-issuer"}) {
            assertEquals(CorsFilter.Scope.WALLET, CorsFilter.scope(path), path);
        }
        assertEquals(CorsFilter.Scope.ADMIN, CorsFilter.scope("/admin/credential-offers"));
        assertEquals(CorsFilter.Scope.ADMIN, CorsFilter.scope("/admin/deferred-credentials/x/approve"));
        assertEquals(CorsFilter.Scope.PUBLIC, CorsFilter.scope("/status-lists/1"));
        assertEquals(CorsFilter.Scope.PUBLIC, CorsFilter.scope("status-lists/unknown"));
        assertEquals(CorsFilter.Scope.PUBLIC, CorsFilter.scope("/certificates/iaca.pem"));
        assertEquals(CorsFilter.Scope.NONE, CorsFilter.scope("/health/ready"));
        assertEquals(CorsFilter.Scope.NONE, CorsFilter.scope("/administrator"));
        assertEquals(CorsFilter.Scope.NONE, CorsFilter.scope("/openapi"));
    }

    @Test
    void anyOriginMeansStarWithoutEchoingTheOrigin() {
        CorsPolicy any = CorsPolicy.parse("p", "*");
        assertEquals(Optional.of("*"), any.allowOrigin("https://evil.example"));
        assertEquals(Optional.of("*"), any.allowOrigin(null));
    }

    @Test
    void aListEchoesOnlyTheOriginsItNames() {
        CorsPolicy list = CorsPolicy.parse("p", "https://wallet.example.com, http://localhost:3000");
        assertEquals(Optional.of("https://wallet.example.com"), list.allowOrigin("https://wallet.example.com"));
        assertEquals(Optional.of("http://localhost:3000"), list.allowOrigin("http://localhost:3000"));
        assertEquals(Optional.empty(), list.allowOrigin("https://wallet.example.com.evil.example"));
        assertEquals(Optional.empty(), list.allowOrigin("null"));
        assertEquals(Optional.empty(), list.allowOrigin(null));
    }

    @Test
    void noneTurnsCorsOffAndTheBackOfficeHasNoneByDefault() {
        assertFalse(CorsPolicy.parse("p", "none").enabled());
        assertFalse(cors("*", "none").admin().enabled());
        assertTrue(cors("*", "none").wallets().anyOrigin());
    }

    @Test
    void refusesWhatIsNotAnOrigin() {
        for (String bad : new String[] {"https://wallet.example.com/path", "wallet.example.com", "ftp://x", "https://x?q",
                "*, https://x", "https://u@x"}) {
            assertThrows(ConfigurationException.class, () -> CorsPolicy.parse("issuer.cors.allowed-origins", bad), bad);
        }
    }

    @Test
    void varyKeepsWhatIsThere() {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Vary", "Accept-Language");
        CorsFilter.vary(headers, "Origin");
        CorsFilter.vary(headers, "Origin");
        assertEquals("Accept-Language, Origin", headers.getFirst("Vary"));
    }

    @Test
    void theBackOfficeAnswersPreflightsOnlyForItsOwnOriginsAndAllowsDelete() {
        CorsFilter filter = new CorsFilter(cors("*", "https://backoffice.example.com"));
        Response listed = preflight(filter, "admin/credential-offers", "https://backoffice.example.com");
        assertEquals(204, listed.getStatus());
        assertTrue(listed.getHeaderString("Access-Control-Allow-Methods").contains("DELETE"));

        MultivaluedMap<String, Object> stranger = answer(filter, "admin/credential-offers", "https://wallet.example.com");
        assertFalse(stranger.containsKey("Access-Control-Allow-Origin"), "a wallet origin may not read the back office");
        assertEquals("Origin", stranger.getFirst("Vary"));
        MultivaluedMap<String, Object> own = answer(filter, "admin/credential-offers", "https://backoffice.example.com");
        assertEquals("https://backoffice.example.com", own.getFirst("Access-Control-Allow-Origin"));

        CorsFilter closed = new CorsFilter(cors("*", "none"));
        assertEquals(null, preflight(closed, "admin/credential-offers", "https://backoffice.example.com"));
        assertTrue(answer(closed, "admin/credential-offers", "https://backoffice.example.com").isEmpty());
    }

    @Test
    void walletAnswersExposeTheHeadersABrowserWalletReads() {
        CorsFilter filter = new CorsFilter(cors("*", "none"));
        MultivaluedMap<String, Object> headers = answer(filter, "oid4vci/credential", "https://wallet.example.com");
        assertEquals("*", headers.getFirst("Access-Control-Allow-Origin"));
        assertEquals(CorsFilter.EXPOSED_HEADERS, headers.getFirst("Access-Control-Expose-Headers"));
        assertFalse(headers.containsKey("Vary"), "* does not depend on the Origin");
        assertEquals(null, preflight(filter, "health/ready", "https://wallet.example.com"));
    }

    private static Response preflight(CorsFilter filter, String path, String origin) {
        AtomicReference<Response> aborted = new AtomicReference<>();
        filter.filter(request("OPTIONS", path, Map.of("Origin", origin, "Access-Control-Request-Method", "POST"), aborted));
        return aborted.get();
    }

    private static MultivaluedMap<String, Object> answer(CorsFilter filter, String path, String origin) {
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        ContainerResponseContext response = (ContainerResponseContext) Proxy.newProxyInstance(
                CorsFilterTest.class.getClassLoader(), new Class<?>[] {ContainerResponseContext.class},
                (proxy, method, args) -> "getHeaders".equals(method.getName()) ? headers : null);
        filter.filter(request("POST", path, Map.of("Origin", origin), new AtomicReference<>()), response);
        return headers;
    }

    private static ContainerRequestContext request(String httpMethod, String path, Map<String, String> headers,
            AtomicReference<Response> aborted) {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(CorsFilterTest.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getPath" -> path;
                    case "getRequestUri" -> URI.create("http://localhost/" + path);
                    default -> null;
                });
        return (ContainerRequestContext) Proxy.newProxyInstance(CorsFilterTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> httpMethod;
                    case "getUriInfo" -> uri;
                    case "getHeaderString" -> headers.get((String) args[0]);
                    case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                    }
                    default -> null;
                });
    }
}
