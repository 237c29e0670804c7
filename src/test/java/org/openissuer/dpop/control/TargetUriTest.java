package org.openissuer.dpop.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TargetUriTest {

    private static final String ENDPOINT = "https://issuer.example.com/oid4vci/token";

    @Test
    void ignoresQueryFragmentCaseOfSchemeAndHostAndDefaultPort() {
        assertTrue(TargetUri.matches("https://issuer.example.com/oid4vci/token", ENDPOINT));
        assertTrue(TargetUri.matches("HTTPS://ISSUER.example.com:443/oid4vci/token?a=b#c", ENDPOINT));
        assertTrue(TargetUri.matches("http://localhost:80/x", "http://localhost/x"));
        assertTrue(TargetUri.matches("https://issuer.example.com", "https://issuer.example.com/"));
    }

    @Test
    void comparesSchemeHostPortAndPathExactly() {
        assertFalse(TargetUri.matches("http://issuer.example.com/oid4vci/token", ENDPOINT));
        assertFalse(TargetUri.matches("https://issuer.example.com:8443/oid4vci/token", ENDPOINT));
        assertFalse(TargetUri.matches("https://issuer.example.com/oid4vci/Token", ENDPOINT));
        assertFalse(TargetUri.matches("https://issuer.example.com/oid4vci/token/", ENDPOINT));
        assertFalse(TargetUri.matches("https://evil.example.com/oid4vci/token", ENDPOINT));
        assertFalse(TargetUri.matches("/oid4vci/token", ENDPOINT));
        assertFalse(TargetUri.matches("not a uri", ENDPOINT));
    }
}
