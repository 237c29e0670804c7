package org.openissuer.sdjwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.sdjwt.control.IndependentVerifier.canonical;
import static org.openissuer.sdjwt.control.SdJwtFixtures.claim;
import static org.openissuer.sdjwt.control.SdJwtFixtures.identityClaims;
import static org.openissuer.sdjwt.control.SdJwtFixtures.identitySubject;
import static org.openissuer.sdjwt.control.SdJwtFixtures.plain;
import static org.openissuer.sdjwt.control.SdJwtFixtures.sd;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JOSEException;

import org.openissuer.configuration.ClaimDefinition;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.sdjwt.control.IndependentVerifier.Verified;
import org.openissuer.testsupport.Jsons;

/** Which subject data becomes which claim, and when issuance is refused. */
class SdJwtVcClaimSelectionTest {

    private final SdJwtFixtures fixtures = SdJwtFixtures.create();
    private final SdJwtVcIssuer issuer = fixtures.issuer(0);

    private Verified issue(List<ClaimDefinition> claims, JsonObject subject) {
        try {
            return IndependentVerifier.verify(issuer.issue(fixtures.request(claims, subject)).serialized(),
                    fixtures.issuerKey.toECPublicKey());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded claims without the ones the issuer sets. */
    private static Object subjectClaims(Verified verified) {
        Map<String, Object> claims = new TreeMap<>(verified.claims());
        List.of("iss", "vct", "iat", "exp", "cnf").forEach(claims::remove);
        return canonical(claims);
    }

    @Test
    void dropsSubjectDataThatNoClaimDefinitionNames() {
        JsonObject subject = Json.createObjectBuilder(identitySubject()).add("nickname", "Eri")
                .add("address", Jsons.object("{'locality': 'Köln', 'country': 'DE', 'postal_code': '51147'}")).build();

        Verified verified = issue(identityClaims(), subject);

        JsonObject expected = Json.createObjectBuilder(identitySubject())
                .add("address", Jsons.object("{'locality': 'Köln', 'country': 'DE'}")).build();
        assertEquals(canonical(expected), subjectClaims(verified));
        assertTrue(verified.disclosures().stream().noneMatch(d -> d.getJson().contains("51147") || d.getJson().contains("Eri\"")));
    }

    @Test
    void registeredClaimsInSubjectDataNeitherOverrideNorBecomeDisclosures() {
        JsonObject subject = Json.createObjectBuilder(identitySubject()).add("iss", "https://evil.example")
                .add("vct", "urn:evil").add("exp", 4102444800L).add("iat", 1).add("nbf", 1).add("sub", "someone")
                .add("cnf", Jsons.object("{'jwk': {'kty': 'oct'}}")).add("status", Jsons.object("{'x': 1}"))
                .add("_sd_alg", "md5").add("_sd", Jsons.array("['forged']")).build();

        Verified verified = issue(identityClaims(), subject);

        Map<String, Object> payload = verified.payload();
        assertEquals(SdJwtFixtures.ISSUER, payload.get("iss"));
        assertEquals(SdJwtFixtures.VCT, payload.get("vct"));
        assertEquals(canonical(SdJwtFixtures.NOW.getEpochSecond() + SdJwtFixtures.VALIDITY.toSeconds()),
                canonical(payload.get("exp")));
        assertEquals("sha-256", payload.get("_sd_alg"));
        assertFalse(payload.containsKey("nbf") || payload.containsKey("sub") || payload.containsKey("status"));
        assertFalse(((List<?>) payload.get("_sd")).contains("forged"));
        assertEquals(canonical(fixtures.holderKey.toPublicJWK().toJSONObject()),
                canonical(((Map<?, ?>) payload.get("cnf")).get("jwk")));
        List<String> registered = List.of("iss", "sub", "vct", "exp", "iat", "nbf", "cnf", "status", "_sd_alg", "_sd");
        assertTrue(verified.disclosures().stream().noneMatch(d -> registered.contains(d.getClaimName())));
    }

    @Test
    void refusesClaimDefinitionNamingARegisteredClaim() {
        assertThrows(IllegalArgumentException.class,
                () -> issuer.issue(fixtures.request(List.of(sd("given_name"), sd("iss")), identitySubject())));
    }

    @Test
    void rejectsSubjectDataWithoutMandatoryClaim() {
        JsonObject subject = Json.createObjectBuilder(identitySubject()).remove("birthdate").build();

        IssuerException e = assertThrows(IssuerException.class,
                () -> issuer.issue(fixtures.request(identityClaims(), subject)));

        assertEquals(IssuerError.CREDENTIAL_REQUEST_DENIED, e.error());
        assertEquals("subject data lacks mandatory claim birthdate", e.description());
    }

    @Test
    void rejectsSubjectDataWithoutMandatoryNestedClaim() {
        List<ClaimDefinition> claims = List.of(sd("given_name"), sd("address"), claim(true, true, "address", "locality"));
        JsonObject subject = Jsons.object("{'given_name': 'Erika', 'address': {'country': 'DE'}}");

        IssuerException e = assertThrows(IssuerException.class, () -> issuer.issue(fixtures.request(claims, subject)));

        assertEquals(IssuerError.CREDENTIAL_REQUEST_DENIED, e.error());
        assertEquals("subject data lacks mandatory claim address.locality", e.description());
    }

    @Test
    void treatsNullAsMissing() {
        JsonObject subject = Json.createObjectBuilder(identitySubject()).addNull("given_name").addNull("email").build();

        IssuerException e = assertThrows(IssuerException.class,
                () -> issuer.issue(fixtures.request(identityClaims(), subject)));

        assertEquals("subject data lacks mandatory claim given_name", e.description());
    }

    @Test
    void rejectsSubjectDataWithNoConfiguredClaim() {
        List<ClaimDefinition> claims = List.of(sd("email"), sd("address"), plain("address", "country"));

        IssuerException e = assertThrows(IssuerException.class,
                () -> issuer.issue(fixtures.request(claims, Jsons.object("{'nickname': 'Eri', 'iss': 'x'}"))));

        assertEquals(IssuerError.CREDENTIAL_REQUEST_DENIED, e.error());
        assertEquals("no data for any claim of the configuration", e.description());
    }

    @Test
    void issuesAnObjectClaimWholeWhenNoChildIsConfigured() {
        List<ClaimDefinition> claims = List.of(sd("address"));
        JsonObject subject = Jsons.object("{'address': {'locality': 'Köln', 'geo': {'lat': 50.9, 'lon': 6.96}}}");

        Verified verified = issue(claims, subject);

        assertEquals(canonical(subject), subjectClaims(verified));
        assertEquals(1, verified.disclosures().size());
    }

    @Test
    void keepsTheJsonTypesOfClaimValues() {
        List<ClaimDefinition> claims = List.of(sd("age"), plain("height"), sd("adult"), sd("flags"), sd("nested"));
        JsonObject subject = Jsons.object("{'age': 42, 'height': 1.75, 'adult': true, 'flags': [1, 'a', false, null],"
                + " 'nested': {'n': 9007199254740993, 'list': [[1], {'k': 'v'}]}}");

        Verified verified = issue(claims, subject);

        // Gson reads numbers as doubles, so the exact big integer is checked in the disclosure's own JSON text
        assertTrue(verified.disclosureNamed("nested").getJson().contains("9007199254740993"));
        JsonObject beyondDoubles = Json.createObjectBuilder(subject).remove("nested").build();
        Map<?, ?> decoded = new TreeMap<>((Map<?, ?>) subjectClaims(verified));
        decoded.remove("nested");
        assertEquals(canonical(beyondDoubles), decoded);
        assertEquals(Boolean.TRUE, verified.disclosureNamed("adult").getClaimValue());
        assertInstanceOf(Number.class, verified.payload().get("height"));
    }

    @Test
    void disclosesEachArrayElementSeparately() {
        List<ClaimDefinition> claims = List.of(plain("nationalities"), sd("nationalities", null));
        JsonObject subject = Jsons.object("{'nationalities': ['DE', 'FR']}");

        Verified verified = issue(claims, subject);

        List<?> inPayload = assertInstanceOf(List.class, verified.payload().get("nationalities"));
        assertEquals(2, inPayload.size());
        inPayload.forEach(e -> assertEquals(List.of("..."), List.copyOf(((Map<?, ?>) e).keySet())));
        assertEquals(2, verified.disclosures().size());
        verified.disclosures().forEach(d -> assertEquals(null, d.getClaimName(), "array element: [salt, value]"));
        assertEquals(canonical(subject), subjectClaims(verified));
        assertEquals(List.of("nationalities", "nationalities[]"),
                issuer.issue(fixtures.request(claims, subject)).disclosedClaims());
    }

    @Test
    void disclosesTheWholeArrayAndThenItsElements() {
        List<ClaimDefinition> claims = List.of(sd("nationalities"), sd("nationalities", null));
        JsonObject subject = Jsons.object("{'nationalities': ['DE', 'FR']}");

        Verified verified = issue(claims, subject);

        assertFalse(verified.payload().containsKey("nationalities"));
        assertEquals(3, verified.disclosures().size());
        assertEquals(canonical(subject), subjectClaims(verified));
    }

    @Test
    void issuesOnlyTheConfiguredArrayIndex() {
        List<ClaimDefinition> claims = List.of(plain("nationalities"), sd("nationalities", 0));

        Verified verified = issue(claims, Jsons.object("{'nationalities': ['DE', 'FR', 'IT']}"));

        assertEquals(canonical(Jsons.object("{'nationalities': ['DE']}")), subjectClaims(verified));
    }

    @Test
    void disclosesConfiguredMembersOfEveryArrayElement() {
        List<ClaimDefinition> claims = List.of(plain("degrees"), plain("degrees", null), plain("degrees", null, "type"),
                sd("degrees", null, "university"));
        JsonObject subject = Jsons.object("{'degrees': [{'type': 'BSc', 'university': 'Köln', 'grade': 1.3},"
                + " {'type': 'MSc', 'university': 'Bonn'}]}");

        Verified verified = issue(claims, subject);

        assertEquals(canonical(Jsons.object("{'degrees': [{'type': 'BSc', 'university': 'Köln'},"
                + " {'type': 'MSc', 'university': 'Bonn'}]}")), subjectClaims(verified));
        assertEquals(2, verified.disclosures().size());
        List<?> degrees = (List<?>) verified.payload().get("degrees");
        assertEquals("BSc", ((Map<?, ?>) degrees.get(0)).get("type"));
        assertFalse(((Map<?, ?>) degrees.get(0)).containsKey("university"));
    }

    @Test
    void refusesSubjectDataThatWouldReadAsDigests() {
        List<ClaimDefinition> claims = List.of(sd("address"));
        JsonObject subject = Jsons.object("{'address': {'locality': 'Köln', '_sd': ['forged']}}");

        IssuerException e = assertThrows(IssuerException.class, () -> issuer.issue(fixtures.request(claims, subject)));

        assertEquals(IssuerError.CREDENTIAL_REQUEST_DENIED, e.error());
    }
}
