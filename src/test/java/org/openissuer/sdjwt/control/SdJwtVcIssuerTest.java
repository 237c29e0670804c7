package org.openissuer.sdjwt.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.sdjwt.control.IndependentVerifier.canonical;
import static org.openissuer.sdjwt.control.SdJwtFixtures.identityClaims;
import static org.openissuer.sdjwt.control.SdJwtFixtures.identitySubject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import com.authlete.sd.Disclosure;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;

import org.openissuer.sdjwt.control.IndependentVerifier.Verified;
import org.openissuer.sdjwt.entity.IssuedSdJwt;
import org.openissuer.sdjwt.entity.SdJwtVcRequest;
import org.openissuer.testsupport.Jsons;
import org.openissuer.testsupport.TestKeys;

class SdJwtVcIssuerTest {

    private final SdJwtFixtures fixtures = SdJwtFixtures.create();
    private final SdJwtVcIssuer issuer = fixtures.issuer(0);

    private Verified issueIdentity() throws Exception {
        IssuedSdJwt issued = issuer.issue(fixtures.request(identityClaims(), identitySubject()));
        return IndependentVerifier.verify(issued.serialized(), fixtures.issuerKey.toECPublicKey());
    }

    @Test
    void issuesCredentialWhoseClaimsAnotherImplementationReconstructs() throws Exception {
        Verified verified = issueIdentity();

        Map<String, Object> claims = new TreeMap<>(verified.claims());
        List.of("iss", "vct", "iat", "exp", "cnf").forEach(claims::remove);
        assertEquals(canonical(identitySubject()), canonical(claims));
    }

    @Test
    void headerNamesES256TheRequestedTypAndTheActiveKid() throws Exception {
        Map<String, Object> header = issueIdentity().header();

        assertEquals(Map.of("alg", "ES256", "typ", "dc+sd-jwt", "kid", "issuer-key-1"), header);
    }

    @Test
    void headerCarriesTheCertificateChainWhenGiven() throws Exception {
        List<com.nimbusds.jose.util.Base64> x5c = List.of(com.nimbusds.jose.util.Base64.encode(new byte[] {1, 2, 3}),
                com.nimbusds.jose.util.Base64.encode(new byte[] {4, 5}));
        SdJwtVcIssuer withChain = new SdJwtVcIssuer(fixtures.issuerKey, x5c, SdJwtFixtures.CLOCK, 0);

        SignedJWT jwt = SignedJWT.parse(withChain.issue(fixtures.request(identityClaims(), identitySubject()))
                .serialized().split("~")[0]);

        // RFC 7515 §4.1.6: base64 (not base64url) DER, leaf first; kid stays for verifiers using the JWKS
        assertEquals(x5c, jwt.getHeader().getX509CertChain());
        assertEquals("issuer-key-1", jwt.getHeader().getKeyID());
        assertEquals(List.of("AQID", "BAU="), jwt.getHeader().toJSONObject().get("x5c"));
    }

    @Test
    void headerCarriesLegacyTypWhenRequested() throws Exception {
        SdJwtVcRequest request = new SdJwtVcRequest(SdJwtFixtures.ISSUER, SdJwtFixtures.VCT, "vc+sd-jwt",
                SdJwtFixtures.VALIDITY, fixtures.holderKey.toPublicJWK(), identityClaims(), identitySubject());

        SignedJWT jwt = SignedJWT.parse(issuer.issue(request).serialized().split("~")[0]);

        assertEquals("vc+sd-jwt", jwt.getHeader().getType().getType());
    }

    @Test
    void signatureVerifiesWithNimbusToo() throws Exception {
        SignedJWT jwt = SignedJWT.parse(issuer.issue(fixtures.request(identityClaims(), identitySubject()))
                .serialized().split("~")[0]);

        assertTrue(jwt.verify(new ECDSAVerifier(fixtures.issuerKey.toPublicJWK())));
        assertFalse(jwt.verify(new ECDSAVerifier(TestKeys.p256("other").toPublicJWK())));
    }

    @Test
    void payloadCarriesIssuerVctIatExpAndSdAlgPlainly() throws Exception {
        Map<String, Object> payload = issueIdentity().payload();

        long iat = SdJwtFixtures.NOW.getEpochSecond();
        assertEquals(SdJwtFixtures.ISSUER, payload.get("iss"));
        assertEquals(SdJwtFixtures.VCT, payload.get("vct"));
        assertEquals(canonical(iat), canonical(payload.get("iat")));
        assertEquals(canonical(iat + Duration.ofDays(365).toSeconds()), canonical(payload.get("exp")));
        assertEquals("sha-256", payload.get("_sd_alg"));
    }

    @Test
    void carriesTheStatusClaimPlainlyWhenGivenOne() throws Exception {
        SdJwtVcRequest plain = fixtures.request(identityClaims(), identitySubject());
        jakarta.json.JsonObject status = jakarta.json.Json.createObjectBuilder().add("status_list",
                jakarta.json.Json.createObjectBuilder().add("idx", 731554).add("uri", "https://issuer.example/status-lists/1")).build();
        SdJwtVcRequest withStatus = new SdJwtVcRequest(plain.issuer(), plain.vct(), plain.typ(), plain.validity(),
                plain.holderKey(), plain.claims(), plain.subjectData(), status);
        Map<String, Object> payload = IndependentVerifier.verify(issuer.issue(withStatus).serialized(),
                fixtures.issuerKey.toECPublicKey()).payload();
        // SD-JWT VC §3.2.2.2: status is never selectively disclosable
        assertEquals(Map.of("status_list", Map.of("idx", 731554L, "uri", "https://issuer.example/status-lists/1")),
                canonicalStatus(payload.get("status")));
        assertEquals(null, issueIdentity().payload().get("status"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> canonicalStatus(Object status) {
        Map<String, Object> list = (Map<String, Object>) ((Map<String, Object>) status).get("status_list");
        return Map.of("status_list", Map.of("idx", ((Number) list.get("idx")).longValue(), "uri", list.get("uri")));
    }

    @Test
    void cnfCarriesTheHolderPublicKeyOnly() throws Exception {
        // even a JWK with extra members (kid, use) arrives unchanged, and nothing private is added
        Map<?, ?> cnf = assertInstanceOf(Map.class, issueIdentity().payload().get("cnf"));

        assertEquals(canonical(fixtures.holderKey.toPublicJWK().toJSONObject()), canonical(cnf.get("jwk")));
        assertEquals(List.of("jwk"), List.copyOf(cnf.keySet()));
        assertFalse(((Map<?, ?>) cnf.get("jwk")).containsKey("d"));
    }

    @Test
    void refusesPrivateHolderKey() {
        assertThrows(IllegalArgumentException.class,
                () -> fixtures.request(fixtures.holderKey, identityClaims(), identitySubject()));
    }

    @Test
    void refusesSigningKeyThatIsNotAPrivateP256KeyWithKid() {
        assertThrows(IllegalArgumentException.class,
                () -> new SdJwtVcIssuer(fixtures.issuerKey.toPublicJWK(), List.of(), SdJwtFixtures.CLOCK, 0));
        assertThrows(IllegalArgumentException.class, () -> new SdJwtVcIssuer(TestKeys.p384("k"), List.of(), SdJwtFixtures.CLOCK, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SdJwtVcIssuer(TestKeys.p256WithoutKid(), List.of(), SdJwtFixtures.CLOCK, 0));
    }

    @Test
    void refusesUnknownTyp() {
        assertThrows(IllegalArgumentException.class, () -> new SdJwtVcRequest(SdJwtFixtures.ISSUER, SdJwtFixtures.VCT,
                "jwt", SdJwtFixtures.VALIDITY, fixtures.holderKey.toPublicJWK(), identityClaims(), identitySubject()));
    }

    @Test
    void nestedAddressDisclosesStreetAndLocalityInsideTheAddressDisclosureAndKeepsCountryPlain() throws Exception {
        Verified verified = issueIdentity();

        Map<String, Object> payload = verified.payload();
        assertFalse(payload.containsKey("address"), "address is itself selectively disclosable");
        assertEquals(5, ((List<?>) payload.get("_sd")).size(), "given_name, family_name, birthdate, email, address");
        Disclosure address = verified.disclosureNamed("address");
        Map<?, ?> addressValue = assertInstanceOf(Map.class, address.getClaimValue());
        assertEquals("DE", addressValue.get("country"));
        assertEquals(2, ((List<?>) addressValue.get("_sd")).size(), "street_address and locality");
        assertEquals(List.of("_sd", "country"), addressValue.keySet().stream().map(String::valueOf).sorted().toList());
        assertEquals("Köln", verified.disclosureNamed("locality").getClaimValue());
        assertEquals(7, verified.disclosures().size());
    }

    @Test
    void serializationIsIssuerJwtThenDisclosuresEachFollowedByTilde() throws Exception {
        String serialized = issuer.issue(fixtures.request(identityClaims(), identitySubject())).serialized();

        String[] parts = serialized.split("~", -1);
        assertEquals(1 + 7 + 1, parts.length);
        assertEquals("", parts[parts.length - 1], "no key binding JWT after the last ~");
        assertEquals(3, parts[0].split("\\.").length);
    }

    @Test
    void digestHexIsLowercaseSha256OfTheSerialization() throws Exception {
        IssuedSdJwt issued = issuer.issue(fixtures.request(identityClaims(), identitySubject()));

        byte[] sha = MessageDigest.getInstance("SHA-256").digest(issued.serialized().getBytes(StandardCharsets.US_ASCII));
        assertEquals(HexFormat.of().formatHex(sha), issued.digestHex());
        assertEquals(issued.digestHex().toLowerCase(), issued.digestHex());
    }

    @Test
    void listsClaimPathsPresentInTheCredentialWithoutValues() {
        IssuedSdJwt issued = issuer.issue(fixtures.request(identityClaims(), identitySubject()));

        assertEquals(List.of("given_name", "family_name", "birthdate", "email", "address", "address.street_address",
                "address.locality", "address.country"), issued.disclosedClaims());
        assertFalse(issued.toString().contains("Erika"), "toString keeps personal data out of logs");
    }

    @Test
    void listsOnlyClaimsTheSubjectDataHad() {
        JsonObject subject = Json.createObjectBuilder(identitySubject()).remove("email")
                .add("address", Jsons.object("{'locality': 'Köln'}")).build();

        IssuedSdJwt issued = issuer.issue(fixtures.request(identityClaims(), subject));

        assertEquals(List.of("given_name", "family_name", "birthdate", "address", "address.locality"),
                issued.disclosedClaims());
    }

    @Test
    void oneInstanceIssuesFromManyThreads() throws JOSEException {
        // the signer, headers and JSON factory are shared by every request
        List<String> serialized = IntStream.range(0, 200).parallel()
                .mapToObj(i -> issuer.issue(fixtures.request(identityClaims(), identitySubject())).serialized()).toList();

        PublicKey issuerKey = fixtures.issuerKey.toECPublicKey();
        assertEquals(200, serialized.stream().distinct().count());
        serialized.forEach(s -> IndependentVerifier.verify(s, issuerKey));
    }
}
