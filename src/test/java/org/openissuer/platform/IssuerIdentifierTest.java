package org.openissuer.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openissuer.platform.IssuerSettings.IssuerIdentifier;

class IssuerIdentifierTest {

    private static final String PROPERTY = "issuer.some-url";

    @Test
    void acceptsHttpsHost() {
        IssuerIdentifier id = IssuerIdentifier.parse("https://issuer.example.com", PROPERTY);

        assertEquals("https://issuer.example.com", id.value());
        assertEquals("", id.path());
    }

    @Test
    void acceptsHttpsWithPortAndPath() {
        IssuerIdentifier id = IssuerIdentifier.parse("https://issuer.example.com:8443/tenant", PROPERTY);

        assertEquals("https://issuer.example.com:8443/tenant", id.value());
        assertEquals("/tenant", id.path());
    }

    @Test
    void acceptsHttpLocalhostForDevelopment() {
        IssuerIdentifier id = IssuerIdentifier.parse("http://localhost:9080", PROPERTY);

        assertEquals("http://localhost:9080", id.value());
        assertEquals("", id.path());
    }

    @Test
    void keepsTheValueCharacterForCharacter() {
        // §12.2.1: wallets compare credential_issuer by simple string comparison
        String value = "https://Issuer.Example.com/Tenant%2Fa";

        assertEquals(value, IssuerIdentifier.parse(value, PROPERTY).value());
    }

    @Test
    void appendsEndpointsToTheIdentifier() {
        IssuerIdentifier id = IssuerIdentifier.parse("https://issuer.example.com/tenant", PROPERTY);

        assertEquals("https://issuer.example.com/tenant/oid4vci/nonce", id.endpoint("/oid4vci/nonce"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://issuer.example.com/", "https://issuer.example.com/tenant/" })
    void rejectsTrailingSlash(String value) {
        assertRejected(value, "must not end with '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://issuer.example.com?tenant=a", "https://issuer.example.com/t?", "https://issuer.example.com/t?x=1#f" })
    void rejectsQuery(String value) {
        assertRejected(value, "must not have a query");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://issuer.example.com#top", "https://issuer.example.com/t#" })
    void rejectsFragment(String value) {
        assertRejected(value, "fragment");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://user@issuer.example.com", "https://user:secret@issuer.example.com/tenant" })
    void rejectsUserInfo(String value) {
        assertRejected(value, "user info");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/tenant", "issuer.example.com", "//issuer.example.com", "" })
    void rejectsRelativeReferences(String value) {
        assertRejected(value, "must be an absolute https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://issuer.example.com", "file:///etc/issuer", "mailto:issuer@example.com", "urn:example:issuer" })
    void rejectsOtherSchemes(String value) {
        assertRejected(value, "must be an absolute https URL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://issuer example.com", "https://[::1", "https://", "not a url at all", "https://issuer.example.com/%zz" })
    void rejectsGarbage(String value) {
        assertRejected(value, "");
    }

    private static void assertRejected(String value, String problem) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> IssuerIdentifier.parse(value, PROPERTY));
        assertTrue(e.getMessage().startsWith(PROPERTY + ": '" + value + "'"), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
