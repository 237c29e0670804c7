package org.openissuer.sdjwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.sdjwt.control.IndependentVerifier.canonical;
import static org.openissuer.sdjwt.control.SdJwtFixtures.identityClaims;
import static org.openissuer.sdjwt.control.SdJwtFixtures.identitySubject;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import com.authlete.sd.Disclosure;

import org.openissuer.sdjwt.control.IndependentVerifier.Verified;

/** Salts, digests and decoys, checked with Authlete's library and by hand with java.util.Base64. */
class SdJwtVcDisclosureTest {

    private final SdJwtFixtures fixtures = SdJwtFixtures.create();

    private String issueIdentity(int decoys) {
        return fixtures.issuer(decoys).issue(fixtures.request(identityClaims(), identitySubject())).serialized();
    }

    private Verified verify(String serialized) throws Exception {
        return IndependentVerifier.verify(serialized, fixtures.issuerKey.toECPublicKey());
    }

    @Test
    void saltsAreUniqueAndCarryAtLeast128Bits() throws Exception {
        List<String> salts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            verify(issueIdentity(0)).disclosures().forEach(d -> salts.add(d.getSalt()));
        }

        assertEquals(salts.size(), new HashSet<>(salts).size(), "no salt is used twice");
        salts.forEach(salt -> assertTrue(Base64.getUrlDecoder().decode(salt).length >= 16, salt));
        salts.forEach(salt -> assertTrue(salt.matches("[A-Za-z0-9_-]+"), "base64url without padding: " + salt));
    }

    @Test
    void addsTheConfiguredNumberOfDecoysToEverySdArray() throws Exception {
        Verified verified = verify(issueIdentity(3));

        assertEquals(5 + 3, ((List<?>) verified.payload().get("_sd")).size());
        Map<?, ?> address = (Map<?, ?>) verified.disclosureNamed("address").getClaimValue();
        assertEquals(2 + 3, ((List<?>) address.get("_sd")).size());
        assertEquals(7, verified.disclosures().size(), "decoys have no disclosures");
        Map<String, Object> claims = new TreeMap<>(verified.claims());
        List.of("iss", "vct", "iat", "exp", "cnf").forEach(claims::remove);
        assertEquals(canonical(identitySubject()), canonical(claims), "decoys change nothing a verifier sees");
    }

    @Test
    void addsNoDecoysWhenNoneAreConfigured() throws Exception {
        Verified verified = verify(issueIdentity(0));

        assertEquals(5, ((List<?>) verified.payload().get("_sd")).size());
    }

    @Test
    void sortsSdArraysSoTheirOrderRevealsNothing() throws Exception {
        Verified verified = verify(issueIdentity(2));

        assertSorted((List<?>) verified.payload().get("_sd"));
        assertSorted((List<?>) ((Map<?, ?>) verified.disclosureNamed("address").getClaimValue()).get("_sd"));
    }

    @Test
    void disclosuresAndDigestsFollowRfc9901WhenReadByHand() throws Exception {
        String[] parts = issueIdentity(1).split("~", -1);
        String payloadJson = new String(Base64.getUrlDecoder().decode(parts[0].split("\\.")[1]), StandardCharsets.UTF_8);
        List<String> disclosures = Arrays.asList(parts).subList(1, parts.length - 1);

        Set<String> names = new HashSet<>();
        for (String disclosure : disclosures) {
            assertTrue(disclosure.matches("[A-Za-z0-9_-]+"), "base64url without padding");
            JsonArray array = read(new String(Base64.getUrlDecoder().decode(disclosure), StandardCharsets.UTF_8))
                    .asJsonArray();
            assertEquals(3, array.size(), "[salt, name, value]");
            names.add(((JsonString) array.get(1)).getString());
            // RFC 9901 §4.2.3: the digest is taken over the ASCII disclosure string, not the decoded JSON
            String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
            assertEquals(digest, Disclosure.parse(disclosure).digest(), "Authlete computes the same digest");
            assertTrue(payloadJson.contains("\"" + digest + "\"") || disclosures.stream()
                    .map(d -> new String(Base64.getUrlDecoder().decode(d), StandardCharsets.UTF_8))
                    .anyMatch(json -> json.contains("\"" + digest + "\"")), "digest referenced");
        }
        assertEquals(Set.of("given_name", "family_name", "birthdate", "email", "address", "street_address", "locality"),
                names);
        JsonValue payload = read(payloadJson);
        assertEquals("sha-256", payload.asJsonObject().getString("_sd_alg"));
        assertTrue(payloadJson.indexOf("Erika") < 0, "a disclosable value never appears in the signed payload");
    }

    private static JsonValue read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private static void assertSorted(List<?> digests) {
        List<String> sorted = digests.stream().map(String::valueOf).sorted().toList();
        assertEquals(sorted, digests);
    }
}
