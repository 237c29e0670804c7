package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

/** Which paths get CORS and which origins may read them; the headers themselves: CorsIT. */
class CorsFilterTest {

    @Test
    void walletEndpointsAndMetadataAreWalletScopeAndTheBackOfficeIsApart() {
        for (String path : new String[] {"/oid4vci/credential", "oid4vci/nonce", "/oid4vci/token", "/oid4vci/credential-offers/x",
                "/.well-known/openid-credential-issuer", "/tenant/.well-known/openid-credential-issuer"}) {
            assertEquals(CorsFilter.Scope.WALLET, CorsFilter.scope(path), path);
        }
        assertEquals(CorsFilter.Scope.ADMIN, CorsFilter.scope("/admin/credential-offers"));
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
        assertFalse(new CorsSettings("*", "none").admin().enabled());
        assertTrue(new CorsSettings("*", "none").wallets().anyOrigin());
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
}
