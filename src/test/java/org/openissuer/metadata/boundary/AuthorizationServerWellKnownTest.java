package org.openissuer.metadata.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.metadata.control.PublishedMetadata;

/** RFC 8414 §3: the well-known segment goes between host and the authorization server's path. */
class AuthorizationServerWellKnownTest {

    private static WellKnownResource resourceFor(String issuerPath) {
        WellKnownResource resource = new WellKnownResource();
        resource.metadata = new PublishedMetadata() {
            @Override
            public String authorizationServerMetadata() {
                return "{\"issuer\":\"x\"}";
            }

            @Override
            public String issuerPath() {
                return issuerPath;
            }
        };
        return resource;
    }

    @Test
    void servesTheMetadataUnderTheInsertedPathOfTheIssuer() {
        assertEquals("{\"issuer\":\"x\"}", resourceFor("/tenant").authorizationServerWithPath("/tenant").getEntity());
        assertEquals(200, resourceFor("").authorizationServer().getStatus());
    }

    @Test
    void refusesThePathOfAnotherAuthorizationServer() {
        IssuerException refused = assertThrows(IssuerException.class, () -> resourceFor("/tenant").authorizationServerWithPath("/other"));
        assertEquals(IssuerError.NOT_FOUND, refused.error());
        assertThrows(IssuerException.class, () -> resourceFor("").authorizationServerWithPath("/tenant"));
    }
}
