package org.openissuer.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.testsupport.MdocOffers.MDL;
import static org.openissuer.testsupport.MdocOffers.MDL_NAMESPACE;
import static org.openissuer.testsupport.MdocOffers.PID;
import static org.openissuer.testsupport.MdocOffers.PID_DOCTYPE;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openissuer.testsupport.Database;
import org.openissuer.testsupport.Deferred;
import org.openissuer.testsupport.Deployments;
import org.openissuer.testsupport.Http;
import org.openissuer.testsupport.IssuerIT;
import org.openissuer.testsupport.Jwe;
import org.openissuer.testsupport.MdocOffers;
import org.openissuer.testsupport.MdocVerifier;
import org.openissuer.testsupport.Offers;
import org.openissuer.testsupport.Wallet;

/**
 * mso_mdoc issuance (OID4VCI 1.0 Appendix A.2, ISO/IEC 18013-5) of the built-in mDL and EU PID,
 * each credential checked with an independent CBOR decoder against the published trust anchor.
 */
@IssuerIT
class MdocIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.issuerWar();
    }

    @Test
    void oneOfferGivesAWalletAnMdlAndAPidVerifiableAgainstThePublishedRoot() throws Exception {
        String subject = "mdoc-" + UUID.randomUUID();
        String token = MdocOffers.tokenForBoth(subject);
        X509Certificate root = MdocOffers.publishedRoot();
        ECKey holder = Wallet.holders(1).get(0);

        HttpResponse<String> mdlResponse = Wallet.post(token, request(MDL, List.of(holder)));
        assertEquals(200, mdlResponse.statusCode(), mdlResponse.body());
        String mdl = MdocOffers.credential(Http.json(mdlResponse), 0);
        MdocVerifier.Verified verified = MdocVerifier.verify(mdl, holder);
        assertEquals(MDL, verified.docType());
        assertChainedTo(root, verified.x5chain());
        Map<String, Object> elements = verified.elements().get(MDL_NAMESPACE);
        assertEquals("Mustermann", elements.get("family_name"));
        // ISO 18013-5 §7.2.1: full-date is tag 1004, the portrait a byte string, booleans CBOR booleans
        assertEquals(new MdocVerifier.Tagged(1004, "1964-08-12"), elements.get("birth_date"));
        assertArrayEquals(Base64.getUrlDecoder().decode(MdocOffers.PORTRAIT), (byte[]) elements.get("portrait"));
        assertEquals(Boolean.TRUE, elements.get("age_over_18"));
        Map<String, Object> privilege = MdocVerifier.map(MdocVerifier.list(elements.get("driving_privileges")).get(0));
        assertEquals("B", privilege.get("vehicle_category_code"));
        assertEquals(new MdocVerifier.Tagged(1004, "2039-01-14"), privilege.get("expiry_date"));
        assertEquals(Duration.ofDays(365), Duration.between(verified.validFrom(), verified.validUntil()));
        assertEquals(Set.of(MDL_NAMESPACE), verified.elements().keySet(), "the PID's data is not in the mDL");
        assertStatusReference(verified);

        HttpResponse<String> pidResponse = Wallet.post(token, request(PID, List.of(holder)));
        assertEquals(200, pidResponse.statusCode(), pidResponse.body());
        MdocVerifier.Verified pid = MdocVerifier.verify(MdocOffers.credential(Http.json(pidResponse), 0), holder);
        assertEquals(PID_DOCTYPE, pid.docType());
        assertChainedTo(root, pid.x5chain());
        assertEquals(List.of("DE"), pid.elements().get(PID_DOCTYPE).get("nationality"));

        assertAuditRow(subject, MDL, mdl);
    }

    @Test
    void aBatchGivesEachProofKeyItsOwnMso() {
        String token = MdocOffers.tokenForBoth("mdoc-batch-" + UUID.randomUUID());
        List<ECKey> holders = Wallet.holders(3);

        HttpResponse<String> response = Wallet.post(token, request(MDL, holders));

        assertEquals(200, response.statusCode(), response.body());
        Set<String> randoms = new HashSet<>();
        for (int i = 0; i < holders.size(); i++) {
            MdocVerifier.Verified verified = MdocVerifier.verify(MdocOffers.credential(Http.json(response), i), holders.get(i));
            verified.items().get(MDL_NAMESPACE).forEach(item -> randoms.add(HexFormat.of().formatHex(item.random())));
        }
        assertEquals(3 * 12, randoms.size(), "no random value is shared between the credentials of a batch");
    }

    @Test
    void aDraft13WalletNamesTheMdocByFormatAndDoctype() {
        String token = MdocOffers.tokenForBoth("mdoc-draft13-" + UUID.randomUUID());
        ECKey holder = Wallet.holders(1).get(0);
        JsonObject request = Json.createObjectBuilder().add("format", "mso_mdoc").add("doctype", "org.iso.18013.5.1.mDL")
                .add("proof", Json.createObjectBuilder().add("proof_type", "jwt").add("jwt", Wallet.proof(holder, Wallet.nonce())))
                .build();

        HttpResponse<String> response = Wallet.post(token, request);

        assertEquals(200, response.statusCode(), response.body());
        JsonObject body = Http.json(response);
        assertEquals("mso_mdoc", body.getString("format"));
        assertTrue(body.containsKey("c_nonce"));
        assertEquals(MDL, MdocVerifier.verify(body.getString("credential"), holder).docType());

        JsonObject withoutDoctype = Json.createObjectBuilder(request).remove("doctype").build();
        HttpResponse<String> refused = Wallet.post(token, withoutDoctype);
        assertEquals(400, refused.statusCode());
        assertEquals("invalid_credential_request", Http.json(refused).getString("error"));
    }

    @Test
    void anEncryptedRequestGetsTheMdocEncryptedToTheWallet() throws Exception {
        String token = MdocOffers.tokenForBoth("mdoc-jwe-" + UUID.randomUUID());
        ECKey holder = Wallet.holders(1).get(0);
        JWK wallet = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "mdoc-wallet");
        JsonObject plain = Json.createObjectBuilder(request(PID, List.of(holder)))
                .add("credential_response_encryption", Json.createObjectBuilder()
                        .add("jwk", Json.createReader(new StringReader(wallet.toPublicJWK().toJSONString())).readObject())
                        .add("enc", "A256GCM"))
                .build();
        JWK issuerKey = JWKSet.parse(Http.json(Http.get("/.well-known/openid-credential-issuer"))
                .getJsonObject("credential_request_encryption").getJsonObject("jwks").toString()).getKeys().get(0);

        // OID4VCI 1.0 §10: the request as a JWE to the issuer's key, the answer as a JWE to the wallet's
        HttpResponse<String> response = Http.post("/oid4vci/credential",
                Jwe.encrypt(plain.toString(), issuerKey, EncryptionMethod.A128GCM, null),
                "Authorization", "Bearer " + token, "Content-Type", "application/jwt");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/jwt", response.headers().firstValue("Content-Type").orElse(""));
        JsonObject body = Json.createReader(new StringReader(Jwe.decrypt(response.body(), wallet).getPayload().toString()))
                .readObject();
        assertEquals(PID_DOCTYPE, MdocVerifier.verify(MdocOffers.credential(body, 0), holder).docType());
    }

    @Test
    void aDeferredMdlIsDeliveredOnceTheBackOfficeApprovedItsData() throws Exception {
        String subject = "mdoc-deferred-" + UUID.randomUUID();
        HttpResponse<String> created = Offers.post(("{'credential_configuration_ids': ['" + MDL + "'], 'subject': '" + subject
                + "', 'issuance': 'deferred', 'claims': {'" + MDL_NAMESPACE + "': {'family_name': 'Mustermann'}}}")
                .replace('\'', '"'));
        assertEquals(201, created.statusCode(), created.body());
        String token = Http.json(Offers.redeem(Offers.code(Http.json(created)), null)).getString("access_token");
        ECKey holder = Wallet.holders(1).get(0);

        HttpResponse<String> pending = Wallet.post(token, request(MDL, List.of(holder)));
        assertEquals(202, pending.statusCode(), pending.body());
        String transactionId = Http.json(pending).getString("transaction_id");
        String id = Deferred.idOf(subject);
        // the approval's data is checked like an offer's: a date that is no full-date is refused
        String wrong = "{'claims': {'" + MDL_NAMESPACE + "': " + MdocOffers.mdlClaims("birth_date", "'1964-13-01'") + "}}";
        assertEquals(400, Deferred.approve(id, wrong.replace('\'', '"')).statusCode());
        String approval = "{'claims': {'" + MDL_NAMESPACE + "': " + MdocOffers.mdlClaims(null, null) + "}}";
        HttpResponse<String> approved = Deferred.approve(id, approval.replace('\'', '"'));
        assertEquals(200, approved.statusCode(), approved.body());

        HttpResponse<String> delivered = Deferred.poll(token, transactionId);
        assertEquals(200, delivered.statusCode(), delivered.body());
        MdocVerifier.Verified verified = MdocVerifier.verify(MdocOffers.credential(Http.json(delivered), 0), holder);
        assertEquals(new MdocVerifier.Tagged(1004, "1964-08-12"), verified.elements().get(MDL_NAMESPACE).get("birth_date"));
        assertEquals(List.of("mso_mdoc org.iso.18013.5.1.mDL"), Deferred.column(subject, "SELECT format || ' ' || doctype"
                + " FROM issuance_event WHERE subject = ? AND event = 'credential_issued'"));
    }

    @Test
    void theBackOfficeCannotOfferDataTheDoctypeCannotCarry() {
        String subject = "mdoc-refused-" + UUID.randomUUID();
        assertOfferRefused(subject, "birth_date", "'12.08.1964'", "birth_date");
        assertOfferRefused(subject, "birth_date", "'1964-02-30'", "birth_date");
        assertOfferRefused(subject, "portrait", "'not base64!'", "portrait");
        assertOfferRefused(subject, "age_over_18", "'yes'", "age_over_18");
        assertOfferRefused(subject, "driving_privileges", "[{'issue_date': '2024-01-15'}]", "driving_privileges");
        assertOfferRefused(subject, "document_number", null, "document_number");
        assertOfferRefused(subject, "hair_colour", "'brown'", "hair_colour");
    }

    @Test
    void theMetadataNamesTheMdocsByDoctypeWithCoseAlgorithms() {
        JsonObject mdl = Http.json(Http.get("/.well-known/openid-credential-issuer"))
                .getJsonObject("credential_configurations_supported").getJsonObject(MDL);

        assertEquals("mso_mdoc", mdl.getString("format"));
        assertEquals("org.iso.18013.5.1.mDL", mdl.getString("doctype"));
        assertEquals(-7, mdl.getJsonArray("credential_signing_alg_values_supported").getInt(0));
        assertEquals("cose_key", mdl.getJsonArray("cryptographic_binding_methods_supported").getString(0));
        assertFalse(mdl.containsKey("vct"));
    }

    private static void assertOfferRefused(String subject, String element, String value, String named) {
        HttpResponse<String> response = Offers.post(MdocOffers.offer(subject, "'" + MDL + "'",
                "{'" + MDL_NAMESPACE + "': " + MdocOffers.mdlClaims(element, value) + "}"));
        assertEquals(400, response.statusCode(), element + " " + value + ": " + response.body());
        assertEquals("invalid_request", Http.json(response).getString("error"));
        assertTrue(Http.json(response).getString("error_description").contains(named), response.body());
    }

    private static JsonObject request(String configuration, List<ECKey> holders) {
        String nonce = Wallet.nonce();
        JsonArrayBuilder jwts = Json.createArrayBuilder();
        holders.forEach(h -> jwts.add(Wallet.proof(h, nonce)));
        return Json.createObjectBuilder().add("credential_configuration_id", configuration)
                .add("proofs", Json.createObjectBuilder().add("jwt", jwts)).build();
    }

    // ISO 18013-5 Annex B / HAIP §6.1.1: the chain ends below the trust anchor, which signs its last certificate
    private static void assertChainedTo(X509Certificate root, List<X509Certificate> chain) throws Exception {
        List<X509Certificate> path = new ArrayList<>(chain);
        for (int i = 0; i < path.size() - 1; i++) {
            path.get(i).verify(path.get(i + 1).getPublicKey());
        }
        X509Certificate last = path.get(path.size() - 1);
        assertFalse(last.getSubjectX500Principal().equals(last.getIssuerX500Principal()), "no self-signed root in x5chain");
        last.verify(root.getPublicKey());
        assertTrue(root.getBasicConstraints() >= 0, "the published root is a CA");
    }

    private static void assertStatusReference(MdocVerifier.Verified verified) {
        Map<String, Object> statusList = MdocVerifier.map(MdocVerifier.map(verified.mso().get("status")).get("status_list"));
        assertTrue(((String) statusList.get("uri")).startsWith(Http.base() + "/status-lists/"), statusList.toString());
        assertTrue(statusList.get("idx") instanceof Number);
    }

    private static void assertAuditRow(String subject, String configuration, String credential) throws Exception {
        try (Connection db = Database.connect();
                PreparedStatement sql = db.prepareStatement("SELECT format, doctype, vct, credential_digest, disclosed_claims"
                        + " FROM issuance_event WHERE subject = ? AND event = 'credential_issued'"
                        + " AND credential_configuration_id = ?")) {
            sql.setString(1, subject);
            sql.setString(2, configuration);
            try (ResultSet row = sql.executeQuery()) {
                assertTrue(row.next(), "a credential_issued row");
                assertEquals("mso_mdoc", row.getString("format"));
                assertEquals("org.iso.18013.5.1.mDL", row.getString("doctype"));
                assertNull(row.getString("vct"));
                byte[] sent = Base64.getUrlDecoder().decode(credential);
                assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sent)),
                        row.getString("credential_digest"));
                String disclosed = row.getString("disclosed_claims");
                assertTrue(disclosed.contains("org.iso.18013.5.1/family_name"), disclosed);
                assertFalse(disclosed.contains("Mustermann"), "names only, never values");
                assertFalse(row.next(), "one row for one credential");
            }
        }
    }
}
