package org.openissuer.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openissuer.platform.ConfigurationException;
import org.openissuer.token.entity.TrustedAuthorizationServer;

class TrustedServersParserTest {

    private static final String ISSUER = "https://issuer.example.com";

    private static List<TrustedAuthorizationServer> parse(String json) {
        return TrustedServersParser.parse(json, "servers.json", ISSUER);
    }

    @Test
    void readsServersWithDefaultsAndMappings() {
        List<TrustedAuthorizationServer> servers = parse("""
                {"authorization_servers":[
                  {"issuer":"https://idp.example.com/realms/a","jwks_uri":"https://idp.example.com/certs",
                   "claim_mappings":{"Id":{"email":"mail"}}},
                  {"issuer":"https://other.example.com","jwks_file":"keys.json","audience":"issuer-api"}]}""");
        assertEquals(2, servers.size());
        TrustedAuthorizationServer first = servers.get(0);
        assertEquals(ISSUER, first.audience());
        assertEquals("mail", first.tokenClaimFor("Id", "email"));
        assertEquals("given_name", first.tokenClaimFor("Id", "given_name"));
        assertEquals("email", first.tokenClaimFor("Other", "email"));
        assertEquals("issuer-api", servers.get(1).audience());
        assertEquals(Optional.of(Path.of("/etc/issuer/keys.json").toString()),
                servers.get(1).resolvedAgainst(Path.of("/etc/issuer")).jwks());
        assertEquals(Optional.of("https://idp.example.com/certs"), first.resolvedAgainst(Path.of("/etc")).jwks());
    }

    @Test
    void rejectsTyposAndAmbiguity() {
        for (String json : List.of("{}", "[]", "{\"authorization_servers\":{}}",
                "{\"authorization_servers\":[{\"issuer\":\"https://a\",\"jwks_uri\":\"https://a/k\",\"audiance\":\"x\"}]}",
                "{\"authorization_servers\":[{\"jwks_uri\":\"https://a/k\"}]}",
                "{\"authorization_servers\":[{\"issuer\":\"https://a\"}]}",
                "{\"authorization_servers\":[{\"issuer\":\"https://a\",\"jwks_uri\":\"https://a/k\",\"jwks_file\":\"k\"}]}",
                "{\"authorization_servers\":[{\"issuer\":\"not a url\",\"jwks_file\":\"k\"}]}",
                "{\"authorization_servers\":[{\"issuer\":\"https://a\",\"jwks_uri\":\"ftp://a/k\"}]}",
                "{\"authorization_servers\":[{\"issuer\":\"https://a\",\"jwks_file\":\"k\",\"claim_mappings\":{\"Id\":{\"e\":1}}}]}",
                "{\"authorization_servers\":[{\"issuer\":\"https://a\",\"jwks_file\":\"k\"},{\"issuer\":\"https://a\",\"jwks_file\":\"j\"}]}")) {
            ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(json), json);
            assertTrue(e.getMessage().startsWith(TrustedServersParser.PROPERTY), e.getMessage());
        }
    }
}
