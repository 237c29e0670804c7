package org.openissuer.dpop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.RawJws;
import org.openissuer.testsupport.TestKeys;

class DPoPVerifierTest {

    private static final String URI = "https://issuer.example.com/tenant/oid4vci/credential";
    private static final String TOKEN = "header.payload.signature";

    private final ECKey key = TestKeys.p256WithoutKid();
    private final DPoPVerifier verifier = new DPoPVerifier(Clock.systemUTC(),
            Set.of(JWSAlgorithm.ES256, JWSAlgorithm.RS256), Duration.ofSeconds(60));

    private DPoPJwt valid() {
        return DPoPJwt.signedBy(key).htu(URI).accessToken(TOKEN);
    }

    private static DPoPRules rules() {
        return new DPoPRules("POST", URI, Optional.of(TOKEN), Optional.empty());
    }

    private void assertInvalid(String proof, String hint) {
        assertInvalid(proof, rules(), hint);
    }

    private void assertInvalid(String proof, DPoPRules rules, String hint) {
        IssuerException e = assertThrows(IssuerException.class, () -> verifier.verify(proof, rules));
        assertEquals(IssuerError.INVALID_DPOP_PROOF, e.error());
        assertTrue(e.description().contains(hint), e.description());
    }

    @Test
    void acceptsValidProofAndReturnsItsThumbprint() throws JOSEException {
        DPoPProof proof = verifier.verify(valid().jti("j-1").build(), rules());
        assertEquals(key.computeThumbprint().toString(), proof.thumbprint());
        assertEquals("j-1", proof.jti());
    }

    @Test
    void acceptsHtuWithQueryDefaultPortAndCaseDifferences() {
        verifier.verify(valid().htu("HTTPS://Issuer.Example.COM:443/tenant/oid4vci/credential?x=1#f").build(), rules());
    }

    @Test
    void rejectsWrongTyp() {
        assertInvalid(valid().typ("jwt").build(), "typ");
        assertInvalid(valid().typ(null).build(), "typ");
    }

    @Test
    void rejectsAlgorithmNotConfigured() {
        assertInvalid(DPoPJwt.signedBy(TestKeys.p384("k")).alg(JWSAlgorithm.ES384).htu(URI).accessToken(TOKEN).build(), "alg");
    }

    @Test
    void rejectsMissingJwk() {
        assertInvalid(valid().headerJwk(null).build(), "jwk");
    }

    @Test
    void rejectsSignatureByAnotherKey() {
        assertInvalid(valid().headerJwk(TestKeys.p256WithoutKid().toPublicJWK()).build(), "");
    }

    @Test
    void rejectsWrongHtm() {
        assertInvalid(valid().htm("GET").build(), "htm");
    }

    @Test
    void rejectsWrongHtu() {
        assertInvalid(valid().htu("https://issuer.example.com/tenant/oid4vci/token").build(), "htu");
        assertInvalid(valid().htu("https://other.example.com/tenant/oid4vci/credential").build(), "htu");
        assertInvalid(valid().htu("http://issuer.example.com/tenant/oid4vci/credential").build(), "htu");
    }

    @Test
    void rejectsIatOutsideTheWindow() {
        assertInvalid(valid().issuedAt(Instant.now().minusSeconds(120)).build(), "iat");
        assertInvalid(valid().issuedAt(Instant.now().plusSeconds(120)).build(), "iat");
        assertInvalid(valid().issuedAt(null).build(), "iat");
    }

    @Test
    void rejectsMissingJti() {
        assertInvalid(valid().jti(null).build(), "jti");
    }

    @Test
    void rejectsWrongOrMissingAth() {
        assertInvalid(valid().accessToken("another.token.value").build(), "ath");
        assertInvalid(valid().ath(null).build(), "ath");
    }

    @Test
    void needsNoAthAtTheTokenEndpoint() {
        verifier.verify(valid().ath(null).build(), new DPoPRules("POST", URI, Optional.empty(), Optional.empty()));
    }

    @Test
    void asksForTheNonceWhenMissingOrStale() {
        Predicate<String> current = "n-1"::equals;
        DPoPRules withNonce = new DPoPRules("POST", URI, Optional.of(TOKEN), Optional.of(current));
        verifier.verify(valid().nonce("n-1").build(), withNonce);
        for (String proof : new String[] {valid().build(), valid().nonce("n-0").build()}) {
            IssuerException e = assertThrows(IssuerException.class, () -> verifier.verify(proof, withNonce));
            assertEquals(IssuerError.USE_DPOP_NONCE, e.error());
        }
    }

    @Test
    void rejectsNullHeaderPayloadAndClaims() {
        String header = "{\"alg\":\"ES256\",\"typ\":\"dpop+jwt\",\"jwk\":" + RawJws.publicJwk(key) + "}";
        String claims = "\"jti\":\"j\",\"htm\":\"POST\",\"htu\":\"" + URI + "\",\"ath\":\"" + DPoPJwt.athOf(TOKEN) + "\"";
        assertInvalid(RawJws.es256(key, header, "{" + claims + ",\"iat\":null}"), "iat");
        assertInvalid(RawJws.es256(key, header, "{" + claims + ",\"iat\":\"now\"}"), "DPoP");
        assertInvalid("bnVsbA.bnVsbA.", "JSON");
        assertInvalid(RawJws.es256(key, header, "{" + claims + ",\"jti\":\"k\",\"iat\":1}"), "repeats");
    }

    @Test
    void rejectsGarbage() {
        assertInvalid("not-a-jwt", "not a signed JWT");
        assertInvalid("", "missing");
    }

    @Test
    void carriesHtcd() {
        assertEquals(Optional.of("sha-256=:abc=:"), verifier.verify(valid().htcd("sha-256=:abc=:").build(), rules()).contentDigest());
    }
}
