package org.openissuer.metadata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.metadata.control.PublishedMetadata;

/** OID4VCI 1.0 §12.2.2 and SD-JWT VC §4.1: the well-known segment goes before the issuer's path. */
class WellKnownResourceTest {

    @Test
    void servesTheMetadataOfAnIssuerWithAPathUnderTheInsertedWellKnownPath() {
        WellKnownResource resource = resourceFor("/tenant/eu");

        Response issuer = resource.issuerMetadataWithPath("/tenant/eu");
        Response jwtVc = resource.jwtVcIssuerWithPath("/tenant/eu");

        assertEquals(200, issuer.getStatus());
        assertEquals("{\"credential_issuer\":\"x\"}", issuer.getEntity());
        assertEquals(200, jwtVc.getStatus());
        assertEquals("{\"issuer\":\"x\"}", jwtVc.getEntity());
    }

    @Test
    void refusesAPathThatNamesAnotherIssuer() {
        WellKnownResource resource = resourceFor("/tenant/eu");

        for (String other : new String[] {"/tenant", "/tenant/eu/", "/tenant/euro", "/other"}) {
            IssuerException refused = assertThrows(IssuerException.class, () -> resource.issuerMetadataWithPath(other));
            assertEquals(IssuerError.NOT_FOUND, refused.error());
            assertThrows(IssuerException.class, () -> resource.jwtVcIssuerWithPath(other));
        }
    }

    @Test
    void refusesAnyPathWhenTheIssuerHasNone() {
        WellKnownResource resource = resourceFor("");

        assertThrows(IssuerException.class, () -> resource.issuerMetadataWithPath("/tenant"));
        assertEquals(200, resource.issuerMetadata().getStatus());
    }

    @Test
    void letsBrowserWalletsReadTheMetadataButNotCacheItForever() {
        Response response = resourceFor("").issuerMetadata();

        // CORS moved to the one CORS filter: platform/CorsFilterTest, CorsIT
        assertEquals("Accept-Language", response.getHeaderString("Vary"));
        String cacheControl = response.getHeaderString("Cache-Control");
        assertTrue(cacheControl.contains("public") && cacheControl.contains("max-age=3600"), cacheControl);
        assertEquals("application/json", response.getMediaType().toString());
    }

    @Test
    void servesTheAppendedDraft13PathOfAnIssuerWithAPath() {
        AppendedWellKnownResource appended = new AppendedWellKnownResource();
        appended.metadata = resourceFor("/tenant/eu").metadata;

        assertEquals("{\"credential_issuer\":\"x\"}", appended.issuerMetadata("tenant/eu").getEntity());
        assertThrows(IssuerException.class, () -> appended.issuerMetadata("tenant"));
    }

    private static WellKnownResource resourceFor(String issuerPath) {
        WellKnownResource resource = new WellKnownResource();
        resource.metadata = new PublishedMetadata() {
            @Override
            public String issuerMetadata() {
                return "{\"credential_issuer\":\"x\"}";
            }

            @Override
            public String jwtVcIssuerMetadata() {
                return "{\"issuer\":\"x\"}";
            }

            @Override
            public String issuerPath() {
                return issuerPath;
            }
        };
        return resource;
    }
}
