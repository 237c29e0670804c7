package org.openissuer.mdoc.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.mdoc.control.MdocFixtures.MDL;
import static org.openissuer.mdoc.control.MdocFixtures.MDL_ELEMENTS;
import static org.openissuer.mdoc.control.MdocFixtures.MDL_NS;
import static org.openissuer.mdoc.control.MdocFixtures.PID;
import static org.openissuer.mdoc.control.MdocFixtures.PID_ELEMENTS;
import static org.openissuer.mdoc.control.MdocFixtures.json;
import static org.openissuer.mdoc.control.MdocFixtures.mdlData;
import static org.openissuer.mdoc.control.MdocFixtures.pidData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;

import jakarta.json.JsonObject;

import org.openissuer.mdoc.entity.ElementType;
import org.openissuer.mdoc.entity.ElementValueException;
import org.openissuer.mdoc.entity.IssuedMdoc;
import org.openissuer.mdoc.entity.MdocElement;
import org.openissuer.mdoc.entity.MdocRequest;
import org.openissuer.testsupport.MdocVerifier;
import org.openissuer.testsupport.MdocVerifier.Item;
import org.openissuer.testsupport.MdocVerifier.Tagged;
import org.openissuer.testsupport.MdocVerifier.Verified;
import org.openissuer.testsupport.TestCertificates;
import org.openissuer.testsupport.TestKeys;

class MdocIssuerTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.789Z");
    private static final ECKey SIGNER = TestKeys.p256("ds");
    private static final ECKey HOLDER = TestKeys.p256("holder");

    private final MdocIssuer issuer = new MdocIssuer(SIGNER,
            List.of(TestCertificates.selfSigned(SIGNER, "test document signer")), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void issuesAnMdlThatAnIndependentVerifierAccepts() throws Exception {
        IssuedMdoc issued = issuer.issue(request(MDL, MDL_ELEMENTS, mdlData(), HOLDER));
        Verified verified = MdocVerifier.verify(issued.serialized(), HOLDER);

        assertEquals(MDL, verified.docType());
        Map<String, Object> mdl = verified.elements().get(MDL_NS);
        assertEquals("Doe", mdl.get("family_name"));
        assertEquals(new Tagged(1004, "1990-02-28"), mdl.get("birth_date"));
        assertEquals(new Tagged(1004, "2036-01-14"), mdl.get("expiry_date"));
        assertArrayEquals("portrait!".getBytes(StandardCharsets.US_ASCII), (byte[]) mdl.get("portrait"));
        assertEquals(Boolean.TRUE, mdl.get("age_over_18"));
        assertEquals(List.of(
                Map.of("vehicle_category_code", "A", "issue_date", new Tagged(1004, "2018-08-09"),
                        "expiry_date", new Tagged(1004, "2028-08-08")),
                Map.of("vehicle_category_code", "B", "codes", List.of(Map.of("code", "78"),
                        Map.of("code", "01", "sign", "<=", "value", "06")))),
                mdl.get("driving_privileges"));
        // every element issued, and no digest for anything not issued
        assertEquals(MDL_ELEMENTS.size(), mdl.size());
        assertEquals(MDL_ELEMENTS.size(), verified.valueDigests().get(MDL_NS).size());
        assertEquals(MDL_ELEMENTS.stream().map(MdocElement::path).toList(), issued.disclosedElements());
        // ISO 18013-5 §9.1.2.4: tdate in UTC without fractions; validUntil = signed + validity
        assertEquals(Instant.parse("2026-12-01T10:15:30Z"), verified.signed());
        assertEquals(verified.signed(), verified.validFrom());
        assertEquals(verified.signed().plus(Duration.ofDays(30)), verified.validUntil());
        assertFalse(verified.x5chainIsArray());
        assertFalse(verified.mso().containsKey("status"));

        byte[] sent = Base64.getUrlDecoder().decode(issued.serialized());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent)), issued.digestHex());
        assertFalse(issued.serialized().contains("="), "base64url without padding");
    }

    @Test
    void issuesAnEuPidWithNationalityAsAnArray() {
        IssuedMdoc issued = issuer.issue(request(PID, PID_ELEMENTS, pidData(), HOLDER));
        Verified verified = MdocVerifier.verify(issued.serialized(), HOLDER);

        assertEquals(PID, verified.docType());
        Map<String, Object> pid = verified.elements().get(PID);
        assertEquals(List.of("DE", "FR"), pid.get("nationality"));
        assertEquals(new Tagged(1004, "1964-08-12"), pid.get("birth_date"));
        assertEquals("Erika", pid.get("given_name"));
        assertEquals(PID_ELEMENTS.size(), pid.size());
    }

    @Test
    void twoIssuancesOfTheSameDataShareNoRandomNorOrderNorDigestIds() {
        Verified first = MdocVerifier.verify(issuer.issue(request(MDL, MDL_ELEMENTS, mdlData(), HOLDER)).serialized(), HOLDER);
        Verified second = MdocVerifier.verify(issuer.issue(request(MDL, MDL_ELEMENTS, mdlData(), HOLDER)).serialized(), HOLDER);

        List<Item> a = first.items().get(MDL_NS);
        List<Item> b = second.items().get(MDL_NS);
        Set<String> randoms = new HashSet<>();
        a.forEach(item -> randoms.add(HexFormat.of().formatHex(item.random())));
        b.forEach(item -> randoms.add(HexFormat.of().formatHex(item.random())));
        assertEquals(a.size() + b.size(), randoms.size(), "a fresh random per item");
        // 12 elements: the same order or the same digest IDs by chance is 1 in 12! (about 479 million)
        assertNotEquals(identifiers(a), identifiers(b), "item order shuffled per credential");
        assertNotEquals(digestIds(a), digestIds(b), "digest IDs assigned afresh per credential");
        List<String> configured = MDL_ELEMENTS.stream().map(MdocElement::identifier).toList();
        assertFalse(identifiers(a).equals(configured) && identifiers(b).equals(configured), "not in configuration order");
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), new HashSet<>(digestIds(a).values()));
    }

    @Test
    void neverIssuesDataNoElementDeclares() {
        JsonObject data = json("""
                {"org.iso.18013.5.1": {"family_name": "Doe", "given_name": "Jane", "secret_note": "UNDECLARED-1"},
                 "org.example.private": {"family_name": "UNDECLARED-2"}}""");
        List<MdocElement> elements = List.of(MDL_ELEMENTS.get(0), MDL_ELEMENTS.get(1));

        IssuedMdoc issued = issuer.issue(request(MDL, elements, data, HOLDER));
        Verified verified = MdocVerifier.verify(issued.serialized(), HOLDER);

        assertEquals(Map.of(MDL_NS, Map.of("family_name", "Doe", "given_name", "Jane")), verified.elements());
        assertEquals(Set.of(MDL_NS), verified.valueDigests().keySet());
        String sent = new String(Base64.getUrlDecoder().decode(issued.serialized()), StandardCharsets.ISO_8859_1);
        assertFalse(sent.contains("UNDECLARED") || sent.contains("secret_note") || sent.contains("org.example.private"));
    }

    @Test
    void leavesOutOptionalElementsWithoutDataAndNamespacesLeftEmpty() {
        List<MdocElement> elements = List.of(MDL_ELEMENTS.get(0),
                new MdocElement(MDL_NS, "nickname", ElementType.TSTR, false),
                new MdocElement("org.iso.18013.5.1.aamva", "DHS_compliance", ElementType.TSTR, false));
        IssuedMdoc issued = issuer.issue(request(MDL, elements, json("{\"org.iso.18013.5.1\": {\"family_name\": \"Doe\"}}"), HOLDER));
        Verified verified = MdocVerifier.verify(issued.serialized(), HOLDER);

        assertEquals(Map.of(MDL_NS, Map.of("family_name", "Doe")), verified.elements());
        assertEquals(Set.of(MDL_NS), verified.valueDigests().keySet());
        assertEquals(List.of(MDL_NS + "/family_name"), issued.disclosedElements());
    }

    @Test
    void readsANullValueAsNoValue() {
        List<MdocElement> elements = List.of(MDL_ELEMENTS.get(0), new MdocElement(MDL_NS, "nickname", ElementType.TSTR, false));
        IssuedMdoc issued = issuer.issue(request(MDL, elements,
                json("{\"org.iso.18013.5.1\": {\"family_name\": \"Doe\", \"nickname\": null}}"), HOLDER));

        assertEquals(List.of(MDL_NS + "/family_name"), issued.disclosedElements());
        assertThrows(ElementValueException.class, () -> issuer.issue(request(MDL, MDL_ELEMENTS.subList(0, 1),
                json("{\"org.iso.18013.5.1\": {\"family_name\": null}}"), HOLDER)));
    }

    @Test
    void refusesAMandatoryElementWithoutDataNamingItButNoValue() {
        JsonObject data = json("{\"org.iso.18013.5.1\": {\"given_name\": \"Jane-Secret\"}}");
        ElementValueException refused = assertThrows(ElementValueException.class,
                () -> issuer.issue(request(MDL, MDL_ELEMENTS.subList(0, 2), data, HOLDER)));
        assertEquals(MDL_NS + "/family_name", refused.element());
        assertTrue(refused.getMessage().startsWith(MDL_NS + "/family_name: "), refused.getMessage());
        assertFalse(refused.getMessage().contains("Jane-Secret"));
    }

    @Test
    void refusesAValueOfTheWrongTypeWithoutShowingIt() {
        JsonObject data = json("{\"org.iso.18013.5.1\": {\"family_name\": \"Doe\", \"given_name\": \"Jane\", \"birth_date\": \"1990-02-30\"}}");
        ElementValueException refused = assertThrows(ElementValueException.class,
                () -> issuer.issue(request(MDL, MDL_ELEMENTS.subList(0, 3), data, HOLDER)));
        assertEquals(MDL_NS + "/birth_date", refused.element());
        assertFalse(refused.getMessage().contains("1990"));
    }

    @Test
    void bindsP384AndEd25519HolderKeysAsCoseKeys() throws Exception {
        for (JWK holder : List.of(TestKeys.p384("p384"), okp(Curve.Ed25519))) {
            IssuedMdoc issued = issuer.issue(request(PID, PID_ELEMENTS, pidData(), holder));
            // the verifier compares the deviceKey with {1: kty, -1: crv, -2: x (, -3: y)} of this JWK
            Map<String, Object> deviceKey = MdocVerifier.verify(issued.serialized(), holder).deviceKey();
            assertEquals(holder instanceof ECKey ? 2L : 1L, deviceKey.get("1"));
            assertEquals(holder instanceof ECKey ? 2L : 6L, deviceKey.get("-1"));
        }
    }

    @Test
    void refusesHolderKeysCoseKeysDoNotCoverHere() throws Exception {
        for (JWK holder : List.of(TestKeys.rsa("rsa"), okp(Curve.X25519),
                new com.nimbusds.jose.jwk.gen.ECKeyGenerator(Curve.SECP256K1)
                        .provider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).generate())) {
            assertThrows(IllegalArgumentException.class, () -> issuer.issue(request(PID, PID_ELEMENTS, pidData(), holder)));
        }
    }

    @Test
    void sendsSeveralCertificatesAsAnX5chainArrayLeafFirst() {
        ECKey ca = TestKeys.p256("ca");
        var caCertificate = TestCertificates.selfSigned(ca, "test iaca");
        var leaf = TestCertificates.issued(SIGNER, "test document signer", ca, "test iaca");
        MdocIssuer chained = new MdocIssuer(SIGNER, List.of(leaf, caCertificate), Clock.systemUTC());

        Verified verified = MdocVerifier.verify(chained.issue(request(PID, PID_ELEMENTS, pidData(), HOLDER)).serialized(), HOLDER);

        assertTrue(verified.x5chainIsArray());
        assertEquals(List.of(leaf, caCertificate), verified.x5chain());
    }

    @Test
    void refusesASigningKeyThatIsNotTheLeafCertificatesKey() {
        var other = TestCertificates.selfSigned(TestKeys.p256("other"), "other");
        assertThrows(IllegalArgumentException.class, () -> new MdocIssuer(SIGNER, List.of(other), Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> new MdocIssuer(SIGNER.toPublicJWK(),
                List.of(TestCertificates.selfSigned(SIGNER, "ds")), Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> new MdocIssuer(SIGNER, List.of(), Clock.systemUTC()));
    }

    @Test
    void putsTheStatusListReferenceIntoTheMso() {
        JsonObject status = json("{\"status_list\": {\"idx\": 5, \"uri\": \"https://issuer.example/status/1\"}}");
        MdocRequest request = new MdocRequest(PID, PID_ELEMENTS, pidData(), HOLDER, Duration.ofDays(30), Optional.of(status));

        Verified verified = MdocVerifier.verify(issuer.issue(request).serialized(), HOLDER);

        assertEquals(Map.of("status_list", Map.of("idx", 5L, "uri", "https://issuer.example/status/1")),
                verified.mso().get("status"));
    }

    @Test
    void issuesConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IssuedMdoc>> futures = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                futures.add(pool.submit(() -> issuer.issue(request(MDL, MDL_ELEMENTS, mdlData(), HOLDER))));
            }
            Set<String> digests = new HashSet<>();
            for (Future<IssuedMdoc> future : futures) {
                IssuedMdoc issued = future.get();
                MdocVerifier.verify(issued.serialized(), HOLDER);
                digests.add(issued.digestHex());
            }
            assertEquals(64, digests.size());
        } finally {
            pool.shutdownNow();
        }
    }

    static MdocRequest request(String docType, List<MdocElement> elements, JsonObject data, JWK holder) {
        return new MdocRequest(docType, elements, data, holder.toPublicJWK(), Duration.ofDays(30), Optional.empty());
    }

    /** A public OKP key (Nimbus would need Tink to generate one; the bytes need not be a real point here). */
    private static OctetKeyPair okp(Curve curve) {
        byte[] x = new byte[32];
        new java.security.SecureRandom().nextBytes(x);
        return new OctetKeyPair.Builder(curve, Base64URL.encode(x)).build();
    }

    private static List<String> identifiers(List<Item> items) {
        return items.stream().map(Item::identifier).toList();
    }

    private static Map<String, Long> digestIds(List<Item> items) {
        return items.stream().collect(Collectors.toMap(Item::identifier, Item::digestId));
    }
}
