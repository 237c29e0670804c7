package org.openissuer.credential.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JWEAlgorithm;

import org.junit.jupiter.api.Test;
import org.openissuer.configuration.Dialect;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.testsupport.Jwe;

class CredentialRequestTest {

    private static CredentialRequest parse(String json) {
        return CredentialRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRejected(String json, IssuerError error) {
        IssuerException e = assertThrows(IssuerException.class, () -> parse(json));
        assertEquals(error, e.error(), e.getMessage());
    }

    @Test
    void parsesA10RequestWithSeveralProofsAndIgnoresUnknownParameters() {
        CredentialRequest request = parse("""
                {"credential_configuration_id":"Id","proofs":{"jwt":["a","b"]},"future_parameter":{"x":1}}""");
        assertEquals(Dialect.V1, request.dialect());
        assertEquals(Optional.of("Id"), request.credentialConfigurationId());
        assertEquals(List.of("a", "b"), request.jwtProofs());
    }

    @Test
    void parsesA10RequestByCredentialIdentifier() {
        CredentialRequest request = parse("{\"credential_identifier\":\"c-1\",\"proofs\":{\"jwt\":[\"a\"]}}");
        assertEquals(Optional.of("c-1"), request.credentialIdentifier());
        assertEquals(Dialect.V1, request.dialect());
    }

    @Test
    void recognisesTheDraft13DialectByFormat() {
        CredentialRequest request = parse("""
                {"format":"vc+sd-jwt","vct":"https://t","proof":{"proof_type":"jwt","jwt":"a"}}""");
        assertEquals(Dialect.DRAFT_13, request.dialect());
        assertEquals(Optional.of("vc+sd-jwt"), request.format());
        assertEquals(Optional.of("https://t"), request.vct());
        assertEquals(List.of("a"), request.jwtProofs());
        // credential_identifier + proof is as valid in draft 15 as in draft 13: see DialectTest
        assertEquals(Dialect.DRAFT_13_OR_15, parse("{\"credential_identifier\":\"c\",\"proof\":{\"proof_type\":\"jwt\",\"jwt\":\"a\"}}").dialect());
    }

    @Test
    void rejectsProofTogetherWithProofs() {
        assertRejected("{\"credential_configuration_id\":\"Id\",\"proof\":{\"proof_type\":\"jwt\",\"jwt\":\"a\"},"
                + "\"proofs\":{\"jwt\":[\"a\"]}}", IssuerError.INVALID_CREDENTIAL_REQUEST);
    }

    @Test
    void rejectsIdentifierTogetherWithConfigurationIdOrFormat() {
        assertRejected("{\"credential_identifier\":\"c\",\"credential_configuration_id\":\"Id\"}",
                IssuerError.INVALID_CREDENTIAL_REQUEST);
        assertRejected("{\"credential_identifier\":\"c\",\"format\":\"dc+sd-jwt\",\"vct\":\"v\"}",
                IssuerError.INVALID_CREDENTIAL_REQUEST);
    }

    @Test
    void requiresSomethingThatNamesTheCredential() {
        assertRejected("{\"proofs\":{\"jwt\":[\"a\"]}}", IssuerError.INVALID_CREDENTIAL_REQUEST);
    }

    @Test
    void rejectsMalformedProofs() {
        for (String proofs : List.of("[]", "{}", "{\"jwt\":[]}", "{\"jwt\":\"a\"}", "{\"jwt\":[1]}",
                "{\"jwt\":[\"a\"],\"attestation\":[\"b\"]}")) {
            assertRejected("{\"credential_configuration_id\":\"Id\",\"proofs\":" + proofs + "}",
                    IssuerError.INVALID_CREDENTIAL_REQUEST);
        }
    }

    @Test
    void rejectsUnsupportedProofTypesAsInvalidProof() {
        assertRejected("{\"credential_configuration_id\":\"Id\",\"proofs\":{\"di_vp\":[{}]}}", IssuerError.INVALID_PROOF);
        assertRejected("{\"format\":\"dc+sd-jwt\",\"vct\":\"v\",\"proof\":{\"proof_type\":\"cwt\",\"cwt\":\"a\"}}",
                IssuerError.INVALID_PROOF);
    }

    @Test
    void rejectsBodiesThatAreNotOneJsonObject() {
        for (String body : List.of("", "null", "[]", "\"x\"", "{", "{} {}", "{\"a\":1} x")) {
            assertRejected(body, IssuerError.INVALID_CREDENTIAL_REQUEST);
        }
    }

    @Test
    void rejectsWronglyTypedIdentifiers() {
        assertRejected("{\"credential_configuration_id\":42}", IssuerError.INVALID_CREDENTIAL_REQUEST);
        assertRejected("{\"credential_configuration_id\":\"\"}", IssuerError.INVALID_CREDENTIAL_REQUEST);
    }

    @Test
    void parsesTheResponseEncryptionParameters() {
        String jwk = Jwe.walletKey(JWEAlgorithm.ECDH_ES, "w").toPublicJWK().toJSONString();
        assertTrue(parse("{\"credential_configuration_id\":\"Id\",\"credential_response_encryption\":{\"jwk\":" + jwk
                + ",\"enc\":\"A256GCM\"}}").responseEncryption().isPresent());
        assertRejected("{\"credential_configuration_id\":\"Id\",\"credential_response_encryption\":{}}",
                IssuerError.INVALID_ENCRYPTION_PARAMETERS);
        assertRejected("{\"credential_configuration_id\":\"Id\",\"credential_response_encryption\":1}",
                IssuerError.INVALID_ENCRYPTION_PARAMETERS);
    }
}
