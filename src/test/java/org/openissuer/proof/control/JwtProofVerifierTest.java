package org.openissuer.proof.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.proof.entity.VerifiedProof;
import org.openissuer.testsupport.ProofJwt;
import org.openissuer.testsupport.RawJws;
import org.openissuer.testsupport.TestKeys;

class JwtProofVerifierTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final ProofRules RULES = new ProofRules(ISSUER, Set.of(JWSAlgorithm.ES256), Optional.empty(),
            Duration.ofSeconds(60));

    private final JwtProofVerifier verifier = new JwtProofVerifier(Clock.fixed(NOW, ZoneOffset.UTC));
    private final ECKey holder = TestKeys.p256WithoutKid();

    private ProofJwt proof() {
        return ProofJwt.signedBy(holder).audience(ISSUER).nonce("n-1").issuedAt(NOW);
    }

    @Test
    void acceptsWellFormedProofAndReturnsHolderKeyThumbprintAndNonce() throws Exception {
        VerifiedProof verified = verifier.verify(proof().build(), RULES);

        assertEquals(holder.toPublicJWK(), verified.holderKey());
        assertEquals(holder.computeThumbprint().toString(), verified.thumbprint());
        assertEquals("n-1", verified.nonce());
        assertTrue(!verified.holderKey().isPrivate());
    }

    @Test
    void rejectsWrongTyp() {
        assertRejected(proof().typ("JWT").build());
        assertRejected(proof().typ(null).build());
    }

    @Test
    void rejectsAlgorithmNotAdvertised() {
        ProofRules rsaOnly = new ProofRules(ISSUER, Set.of(JWSAlgorithm.RS256), Optional.empty(), Duration.ofSeconds(60));
        assertRejected(proof().build(), rsaOnly);
    }

    @Test
    void rejectsUnsecuredJwt() {
        String[] parts = proof().build().split("\\.");
        String none = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"openid4vci-proof+jwt\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertRejected(none + "." + parts[1] + ".");
    }

    @Test
    void rejectsHmacAlgorithmEvenWhenListed() {
        String[] parts = proof().build().split("\\.");
        String hs = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"HS256\",\"typ\":\"openid4vci-proof+jwt\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ProofRules withHmac = new ProofRules(ISSUER, Set.of(JWSAlgorithm.ES256, JWSAlgorithm.HS256), Optional.empty(),
                Duration.ofSeconds(60));
        assertRejected(hs + "." + parts[1] + "." + parts[2], withHmac);
    }

    @Test
    void rejectsSignatureByAnotherKeyThanTheHeaderJwk() {
        assertRejected(proof().headerJwk(TestKeys.p256WithoutKid().toPublicJWK()).build());
    }

    @Test
    void rejectsTamperedPayload() {
        String[] parts = proof().build().split("\\.");
        String other = ProofJwt.signedBy(holder).audience(ISSUER).nonce("n-2").issuedAt(NOW).build().split("\\.")[1];
        assertRejected(parts[0] + "." + other + "." + parts[2]);
    }

    @Test
    void rejectsHeaderWithoutKeyOrWithSeveralKeyReferences() {
        assertRejected(proof().headerJwk(null).build());
        assertRejected(proof().kid("did:example:123#key-1").build());
        assertRejected(proof().headerJwk(null).kid("did:example:123#key-1").build());
        assertRejected(proof().withX5c().build());
    }

    @Test
    void rejectsPrivateKeyInJwkHeader() {
        assertRejected(proof().buildWithPrivateJwkInHeader());
    }

    @Test
    void rejectsWrongOrMissingOrExtraAudience() {
        assertRejected(proof().audience("https://other.example.com").build());
        assertRejected(proof().audience(null).build());
        assertRejected(proof().audiences(List.of(ISSUER, "https://other.example.com")).build());
    }

    @Test
    void rejectsIssuedAtOutsideTheWindowOrMissing() {
        assertRejected(proof().issuedAt(NOW.minusSeconds(61)).build());
        assertRejected(proof().issuedAt(NOW.plusSeconds(61)).build());
        assertRejected(proof().issuedAt(null).build());
        verifier.verify(proof().issuedAt(NOW.minusSeconds(59)).build(), RULES);
    }

    @Test
    void rejectsMissingNonce() {
        assertRejected(proof().nonce(null).build());
    }

    @Test
    void requiresIssWhenPresentToNameTheKnownClient() {
        ProofRules knownClient = new ProofRules(ISSUER, Set.of(JWSAlgorithm.ES256), Optional.of("wallet-1"),
                Duration.ofSeconds(60));
        verifier.verify(proof().issuer("wallet-1").build(), knownClient);
        verifier.verify(proof().build(), knownClient);
        assertRejected(proof().issuer("wallet-2").build(), knownClient);
    }

    @Test
    void acceptsRsaProofWhenAdvertised() {
        ProofRules rsa = new ProofRules(ISSUER, Set.of(JWSAlgorithm.RS256), Optional.empty(), Duration.ofSeconds(60));
        verifier.verify(ProofJwt.signedBy(TestKeys.rsa(null)).audience(ISSUER).nonce("n").issuedAt(NOW).build(), rsa);
    }

    @Test
    void rejectsGarbageAndOversizedInput() {
        assertRejected("not-a-jwt");
        assertRejected("");
        assertRejected("a".repeat(20_000));
    }

    @Test
    void rejectsNullHeaderPayloadAndClaims() {
        String header = "{\"alg\":\"ES256\",\"typ\":\"openid4vci-proof+jwt\",\"jwk\":" + RawJws.publicJwk(holder) + "}";
        assertRejected(RawJws.es256(holder, header, "{\"aud\":\"" + ISSUER + "\",\"nonce\":\"n\",\"iat\":null}"));
        assertRejected(RawJws.es256(holder, header, "{\"aud\":\"" + ISSUER + "\",\"nonce\":\"n\",\"iat\":\"soon\"}"));
        assertRejected(RawJws.es256(holder, header, "{\"aud\":null,\"nonce\":null,\"iat\":" + NOW.getEpochSecond() + "}"));
        assertRejected("bnVsbA.bnVsbA.");
        assertRejected(RawJws.es256(holder, header, "{\"aud\":\"" + ISSUER + "\",\"nonce\":\"x\",\"nonce\":\"n\",\"iat\":"
                + NOW.getEpochSecond() + "}"));
    }

    private void assertRejected(String proof) {
        assertRejected(proof, RULES);
    }

    private void assertRejected(String proof, ProofRules rules) {
        IssuerException e = assertThrows(IssuerException.class, () -> verifier.verify(proof, rules));
        assertEquals(IssuerError.INVALID_PROOF, e.error());
    }
}
