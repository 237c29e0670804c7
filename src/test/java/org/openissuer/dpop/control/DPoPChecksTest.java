package org.openissuer.dpop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;

import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.Endpoints;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.SpentLedger;
import org.openissuer.testsupport.TestDPoPChecks;
import org.openissuer.testsupport.TestKeys;

/** DPoP at the token endpoint (RFC 9449 §5) and the credential endpoint (§7): when a jti is spent, and by whom. */
class DPoPChecksTest {

    private static final String ISSUER = "https://issuer.example.com";
    private static final String TOKEN = "header.payload.signature";
    private static final ECKey AS_KEY = TestKeys.p256("as-1");

    private final ECKey key = TestKeys.p256WithoutKid();
    private final SpentLedger spent = new SpentLedger(Clock.systemUTC());

    private DPoPChecks checks(boolean required, boolean nonceRequired) {
        return TestDPoPChecks.prepared(ISSUER, AS_KEY, spent.replay, required, nonceRequired);
    }

    private DPoPJwt atToken() {
        return DPoPJwt.signedBy(key).htu(ISSUER + Endpoints.TOKEN);
    }

    private DPoPJwt atCredential() {
        return DPoPJwt.signedBy(key).htu(ISSUER + Endpoints.CREDENTIAL).accessToken(TOKEN);
    }

    private String thumbprint() {
        try {
            return key.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IssuerError refusal(Runnable check) {
        return assertThrows(IssuerException.class, check::run).error();
    }

    @Test
    void withoutAProofTheTokenEndpointIssuesBearerUnlessDPoPIsRequired() {
        assertEquals(Optional.empty(), checks(false, false).atTokenEndpoint(List.of()));
        assertEquals(IssuerError.INVALID_DPOP_PROOF, refusal(() -> checks(true, false).atTokenEndpoint(null)));
    }

    @Test
    void theTokenEndpointSpendsTheJtiAtOnce() {
        DPoPChecks checks = checks(false, false);
        String proof = atToken().jti("j-1").build();

        assertEquals(thumbprint(), checks.atTokenEndpoint(List.of(proof)).orElseThrow().thumbprint());

        assertEquals(List.of("jti-alone j-1"), spent.entries);
        assertEquals(IssuerError.INVALID_DPOP_PROOF, refusal(() -> checks.atTokenEndpoint(List.of(proof))));
    }

    @Test
    void theCredentialEndpointLeavesTheJtiToTheRequestsTransaction() {
        DPoPChecks checks = checks(false, false);
        DPoPProof proof = checks.atCredentialEndpoint(List.of(atCredential().jti("j-1").build()), TOKEN, thumbprint());

        assertTrue(spent.entries.isEmpty(), "verified, not spent: " + spent.entries);
        assertEquals(Optional.empty(), checks.spendWithin(proof));
        assertEquals(IssuerError.INVALID_DPOP_PROOF, checks.spendWithin(proof).orElseThrow().error());
    }

    @Test
    void aProofSpentAloneCannotBeSpentAgainWithin() {
        DPoPChecks checks = checks(false, false);
        DPoPProof proof = checks.atCredentialEndpoint(List.of(atCredential().jti("j-1").build()), TOKEN, thumbprint());

        checks.spendAlone(proof);

        assertTrue(checks.spendWithin(proof).isPresent());
    }

    @Test
    void aProofByAnotherKeyThanTheTokensIsRefusedWithoutSpendingItsJti() {
        String proof = atCredential().jti("j-1").build();

        IssuerError error = refusal(() -> checks(false, false).atCredentialEndpoint(List.of(proof), TOKEN, "other-thumbprint"));

        assertEquals(IssuerError.INVALID_DPOP_PROOF, error);
        // §4.3 item 12: a foreign proof does not burn the owner's jti
        assertFalse(spent.replay.used(thumbprint(), "j-1"));
        assertTrue(spent.entries.isEmpty());
    }

    @Test
    void aDPoPBoundTokenNeedsExactlyOneProof() {
        DPoPChecks checks = checks(false, false);

        assertEquals(IssuerError.INVALID_DPOP_PROOF, refusal(() -> checks.atCredentialEndpoint(List.of(), TOKEN, thumbprint())));
        assertEquals(IssuerError.INVALID_DPOP_PROOF, refusal(() -> checks.atCredentialEndpoint(
                List.of(atCredential().build(), atCredential().build()), TOKEN, thumbprint())));
    }

    @Test
    void aProofForTheTokenEndpointIsRefusedAtTheCredentialEndpoint() {
        assertEquals(IssuerError.INVALID_DPOP_PROOF, refusal(() -> checks(false, false).atCredentialEndpoint(
                List.of(atToken().accessToken(TOKEN).build()), TOKEN, thumbprint())));
    }

    @Test
    void whenNoncesAreRequiredAProofWithoutOneGetsUseDPoPNonceAndTheNonceToUse() {
        DPoPChecks checks = checks(false, true);

        IssuerException e = assertThrows(IssuerException.class, () -> checks.atTokenEndpoint(List.of(atToken().build())));

        assertEquals(IssuerError.USE_DPOP_NONCE, e.error());
        assertEquals(checks.freshNonce(), e.dpopNonce());
        assertTrue(spent.entries.isEmpty(), "a proof refused for its nonce is not spent");
        assertTrue(checks.atTokenEndpoint(List.of(atToken().nonce(e.dpopNonce().orElseThrow()).build())).isPresent());
    }

    @Test
    void noNonceIsHandedOutWhenNoncesAreNotRequired() {
        assertEquals(Optional.empty(), checks(false, false).freshNonce());
    }

    @Test
    void theContentDigestMustMatchTheBody() {
        DPoPChecks checks = checks(false, false);
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        DPoPProof proof = new DPoPProof(thumbprint(), "j-1", Instant.now(), Optional.of("sha-256=:AAAA:"));

        assertEquals(IssuerError.INVALID_DPOP_PROOF, refusal(() -> checks.checkContentDigest(proof, body)));
        checks.checkContentDigest(new DPoPProof(thumbprint(), "j-2", Instant.now(), Optional.empty()), body);
    }

    @Test
    void theChallengeNamesTheAcceptedAlgorithms() {
        assertEquals(Optional.of("ES256 RS256"), checks(false, false).challenge().algs());
    }

    @Test
    void theDPoPSchemeNeedsADPoPBoundTokenAndNamesItsKey() {
        assertEquals(Optional.of("jkt"), checks(false, false).boundKey(true, Optional.of("jkt")));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(() -> checks(false, false).boundKey(true, Optional.empty())));
    }

    @Test
    void aDPoPBoundTokenIsNeverABearerToken() {
        assertEquals(IssuerError.INVALID_TOKEN, refusal(() -> checks(false, false).boundKey(false, Optional.of("jkt"))));
    }

    @Test
    void aBearerTokenPassesUnlessDPoPIsRequired() {
        assertEquals(Optional.empty(), checks(false, false).boundKey(false, Optional.empty()));
        assertEquals(IssuerError.INVALID_TOKEN, refusal(() -> checks(true, false).boundKey(false, Optional.empty())));
    }
}
