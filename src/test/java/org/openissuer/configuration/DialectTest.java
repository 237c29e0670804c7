package org.openissuer.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Which request members identify which generation (docs/dialects.md). */
class DialectTest {

    private static final String PROOF = "\"proof\":{\"proof_type\":\"jwt\",\"jwt\":\"a\"}";
    private static final String PROOFS = "\"proofs\":{\"jwt\":[\"a\"]}";
    private static final String JWK = "\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"x\",\"y\":\"y\"}";

    private static Dialect plain(String members) {
        return Dialect.recognise(json("{" + members + "}"), false);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void formatIsDraft13Or14WithOneProofOrSeveral() {
        assertEquals(Dialect.DRAFT_13, plain("\"format\":\"dc+sd-jwt\",\"vct\":\"v\"," + PROOF));
        assertEquals(Dialect.DRAFT_13, plain("\"format\":\"dc+sd-jwt\",\"vct\":\"v\"," + PROOFS));
    }

    @Test
    void configurationIdWithASingleProofIsDraft15() {
        assertEquals(Dialect.DRAFT_15, plain("\"credential_configuration_id\":\"Id\"," + PROOF));
    }

    @Test
    void credentialIdentifierWithASingleProofIsDraft13Or15() {
        assertEquals(Dialect.DRAFT_13_OR_15, plain("\"credential_identifier\":\"c\"," + PROOF));
    }

    @Test
    void proofsWithAlgBesideTheJwkInAPlaintextRequestIsDraft15() {
        String encryption = ",\"credential_response_encryption\":{" + JWK + ",\"alg\":\"ECDH-ES\",\"enc\":\"A128GCM\"}";
        assertEquals(Dialect.DRAFT_15, plain("\"credential_configuration_id\":\"Id\"," + PROOFS + encryption));
        assertEquals(Dialect.DRAFT_15, plain("\"credential_identifier\":\"c\"," + PROOFS + encryption));
        // OID4VCI 1.0 §10: only 1.0 encrypts requests, so there the alg is an unknown member
        assertEquals(Dialect.V1, Dialect.recognise(json("{\"credential_configuration_id\":\"Id\"," + PROOFS + encryption
                + "}"), true));
    }

    @Test
    void proofsWithoutPreV1MembersIs10() {
        assertEquals(Dialect.V1, plain("\"credential_configuration_id\":\"Id\"," + PROOFS));
        assertEquals(Dialect.V1, plain("\"credential_identifier\":\"c\"," + PROOFS));
        assertEquals(Dialect.V1, plain("\"credential_configuration_id\":\"Id\"," + PROOFS
                + ",\"credential_response_encryption\":{" + JWK + ",\"enc\":\"A128GCM\"}"));
        assertEquals(Dialect.V1, plain("\"credential_configuration_id\":\"Id\",\"format\":null," + PROOFS));
    }

    @Test
    void onlyDialectsThatHadTheNonceInTheResponseGetIt() {
        assertTrue(Dialect.DRAFT_13.carriesNonce());
        assertTrue(Dialect.DRAFT_13_OR_15.carriesNonce());
        // draft 15 §8.3 and §8.3.1.2 dropped c_nonce: the wallet asks the nonce endpoint
        assertFalse(Dialect.DRAFT_15.carriesNonce());
        assertFalse(Dialect.V1.carriesNonce());
        assertFalse(Dialect.V1.preV1());
        assertTrue(Dialect.DRAFT_15.preV1() && Dialect.DRAFT_13.preV1() && Dialect.DRAFT_13_OR_15.preV1());
    }

    @Test
    void labelsMatchTheAuditTrailsCheckConstraint() {
        assertEquals("1.0 draft-15 draft-13 draft-13/15", String.join(" ", java.util.Arrays.stream(Dialect.values())
                .map(Dialect::label).toList()));
    }
}
