package org.openissuer.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.credential.control.IssuanceFixture.CONFIGURATION_ID;
import static org.openissuer.credential.control.IssuanceFixture.v1Request;

import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import org.openissuer.error.Challenge;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.Endpoints;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.ProofJwt;
import org.openissuer.testsupport.TestKeys;

/** The credential endpoint's use case (OID4VCI 1.0 §8): the order of its checks and what a request spends. */
class CredentialIssuanceTest {

    private final IssuanceFixture fixture = new IssuanceFixture();

    private IssuerException refused(String authorization, List<String> dpop, String body) {
        return assertThrows(IssuerException.class, () -> fixture.issue(authorization, dpop, body));
    }

    private static Optional<String> scheme(IssuerException e) {
        return e.challenge().map(Challenge::scheme);
    }

    // --- the order of the checks

    @Test
    void anInvalidTokenIsRefusedBeforeTheBodyIsRead() {
        IssuerException e = refused("Bearer not-a-token", null, "{ this is not JSON");

        assertEquals(IssuerError.INVALID_TOKEN, e.error());
        assertFalse(fixture.bodyRead, "the body of an unauthenticated request is not read: a 401 beats a 400");
    }

    @Test
    void aMissingTokenIsRefusedBeforeTheBodyIsRead() {
        IssuerException e = refused(null, null, "{ this is not JSON");

        assertEquals(IssuerError.INVALID_TOKEN, e.error());
        assertFalse(fixture.bodyRead);
    }

    @Test
    void aMalformedBodyWithAValidTokenIsAnInvalidCredentialRequest() {
        IssuerException e = refused("Bearer " + fixture.bearerToken(), null, "{ this is not JSON");

        assertEquals(IssuerError.INVALID_CREDENTIAL_REQUEST, e.error());
        assertTrue(fixture.bodyRead);
    }

    @Test
    void aDPoPProofKeyOtherThanTheTokensIsRefusedBeforeTheBodyIsRead() {
        String token = fixture.dpopBoundToken();
        String foreign = DPoPJwt.signedBy(TestKeys.p256WithoutKid())
                .htu(IssuanceFixture.ISSUER + Endpoints.CREDENTIAL).accessToken(token).jti("j-x").build();

        IssuerException e = refused("DPoP " + token, List.of(foreign), "{ this is not JSON");

        assertEquals(IssuerError.INVALID_DPOP_PROOF, e.error());
        assertFalse(fixture.bodyRead);
        assertTrue(fixture.spent.entries.isEmpty(), "a foreign proof does not burn the owner's jti: " + fixture.spent.entries);
    }

    @Test
    void aReplayedDPoPJtiIsRefusedBeforeTheNonceIsConsumed() {
        String token = fixture.dpopBoundToken();
        String dpop = fixture.dpopProof(token).jti("j-1").build();
        fixture.issue("DPoP " + token, List.of(dpop), v1Request(CONFIGURATION_ID, fixture.proof(fixture.spent.nonces.issue().value())));
        String nonce = fixture.spent.nonces.issue().value();
        fixture.spent.entries.clear();

        IssuerException e = refused("DPoP " + token, List.of(dpop), v1Request(CONFIGURATION_ID, fixture.proof(nonce)));

        assertEquals(IssuerError.INVALID_DPOP_PROOF, e.error());
        assertEquals(List.of("jti-within j-1", "audit request_started,request_failed"), fixture.spent.entries);
        assertTrue(fixture.spent.nonces.live(nonce), "a replayed request must not consume the nonce of its original");
    }

    // --- what a request spends

    @Test
    void anIssuedCredentialSpendsTheJtiThenTheNonceAndCommitsItsAuditRows() {
        String token = fixture.dpopBoundToken();
        String nonce = fixture.spent.nonces.issue().value();

        fixture.issue("DPoP " + token, List.of(fixture.dpopProof(token).jti("j-1").build()),
                v1Request(CONFIGURATION_ID, fixture.proof(nonce)));

        String credentialId = fixture.spent.audit.committed.get(1).columnValues()[16].toString();
        // OID4VCI 1.0 §11: the response's notification_id, stored last in the same transaction
        assertEquals(List.of("jti-within j-1", "nonce " + nonce, "audit request_started,credential_issued",
                "notification " + credentialId), fixture.spent.entries);
        assertFalse(fixture.spent.nonces.live(nonce));
        assertTrue(fixture.spent.audit.alone.isEmpty(), "the rows of an issued credential commit with its nonce");
    }

    @Test
    void aRequestRefusedBeforeItsTransactionStillSpendsItsDPoPJti() {
        String token = fixture.dpopBoundToken();
        String nonce = fixture.spent.nonces.issue().value();

        IssuerException e = refused("DPoP " + token, List.of(fixture.dpopProof(token).jti("j-1").build()),
                v1Request("NoSuchConfiguration", fixture.proof(nonce)));

        assertEquals(IssuerError.UNKNOWN_CREDENTIAL_CONFIGURATION, e.error());
        // RFC 9449 §11.1: a proof that reached us is used, whatever became of its request
        assertEquals(List.of("jti-alone j-1"), fixture.spent.entries);
        assertTrue(fixture.spent.replay.used(fixture.thumbprintOfDPoPKey(), "j-1"));
        assertTrue(fixture.spent.nonces.live(nonce), "the nonce of a request refused before its transaction stays usable");
        assertTrue(fixture.spent.audit.committed.isEmpty());
    }

    @Test
    void aStaleNonceSpendsTheJtiAndCommitsTheRefusalInsteadOfTheCredential() {
        String token = fixture.dpopBoundToken();

        IssuerException e = refused("DPoP " + token, List.of(fixture.dpopProof(token).jti("j-1").build()),
                v1Request(CONFIGURATION_ID, fixture.proof("never-issued")));

        assertEquals(IssuerError.INVALID_NONCE, e.error());
        assertEquals(List.of("jti-within j-1", "nonce never-issued", "audit request_started,request_failed"),
                fixture.spent.entries);
        assertEquals(IssuerError.INVALID_NONCE.code(), fixture.spent.audit.committed.get(1).errorCode());
    }

    @Test
    void anInvalidTokenSpendsNothing() {
        String dpop = fixture.dpopProof("not-a-token").jti("j-1").build();

        refused("DPoP not-a-token", List.of(dpop), v1Request(CONFIGURATION_ID, fixture.proof("n")));

        assertTrue(fixture.spent.entries.isEmpty(), fixture.spent.entries.toString());
    }

    // --- the challenge

    @Test
    void aRefusalOfADPoPRequestChallengesWithDPoP() {
        String token = fixture.dpopBoundToken();

        IssuerException e = refused("DPoP " + token, List.of(fixture.dpopProof(token).build()),
                v1Request("NoSuchConfiguration", fixture.proof("n")));

        // RFC 9449 §7.1: the challenge names the scheme the request used
        assertEquals(Optional.of("DPoP"), scheme(e));
        assertEquals(Optional.of("ES256 RS256"), e.challenge().flatMap(Challenge::algs));
    }

    @Test
    void aDPoPBoundTokenPresentedAsBearerIsChallengedWithDPoP() {
        IssuerException e = refused("Bearer " + fixture.dpopBoundToken(), null, v1Request(CONFIGURATION_ID, fixture.proof("n")));

        assertEquals(IssuerError.INVALID_TOKEN, e.error());
        assertEquals(Optional.of("DPoP"), scheme(e));
    }

    @Test
    void aRefusalOfABearerRequestKeepsTheBearerChallenge() {
        IssuerException e = refused("Bearer " + fixture.bearerToken(), null, v1Request("NoSuchConfiguration", fixture.proof("n")));

        assertEquals(IssuerError.UNKNOWN_CREDENTIAL_CONFIGURATION, e.error());
        // empty: the error's default, Bearer for a 401 (error/ErrorResponses)
        assertEquals(Optional.empty(), scheme(e));
    }

    @Test
    void anInvalidTokenIsChallengedWithDPoPWhenTheIssuerRequiresDPoP() {
        IssuanceFixture required = new IssuanceFixture(true);

        IssuerException e = assertThrows(IssuerException.class,
                () -> required.issue("Bearer not-a-token", null, v1Request(CONFIGURATION_ID, "p")));

        assertEquals(IssuerError.INVALID_TOKEN, e.error());
        assertEquals(Optional.of("DPoP"), scheme(e));
    }

    // --- draft 13's extras

    @Test
    void draft13InvalidNonceCarriesTheFreshNonceOfItsTransaction() {
        IssuerException e = refused("Bearer " + fixture.bearerToken(), null, fixture.draft13Request(fixture.proof("never-issued")));

        assertEquals(IssuerError.INVALID_NONCE, e.error());
        JsonObject extras = e.extraMembers();
        String fresh = extras.getString("c_nonce");
        assertTrue(fixture.spent.nonces.live(fresh), "c_nonce is a nonce the issuer issued: " + fresh);
        assertEquals(IssuanceFixture.NONCE_LIFETIME.toSeconds(), extras.getJsonNumber("c_nonce_expires_in").longValue());
    }

    @Test
    void draft13InvalidProofCarriesAFreshNonce() {
        String wrongTyp = ProofJwt.signedBy(fixture.holderKey).audience(IssuanceFixture.ISSUER)
                .nonce("n").typ("JWT").build();

        IssuerException e = refused("Bearer " + fixture.bearerToken(), null, fixture.draft13Request(wrongTyp));

        assertEquals(IssuerError.INVALID_PROOF, e.error());
        assertTrue(fixture.spent.nonces.live(e.extraMembers().getString("c_nonce")));
        assertEquals(IssuanceFixture.NONCE_LIFETIME.toSeconds(), e.extraMembers().getJsonNumber("c_nonce_expires_in").longValue());
    }

    @Test
    void draft13OtherRefusalsCarryNoNonce() {
        String request = fixture.draft13Request(fixture.proof("n")).replace(fixture.configuration.vct(), "urn:unknown");

        IssuerException e = refused("Bearer " + fixture.bearerToken(), null, request);

        assertEquals(IssuerError.UNSUPPORTED_CREDENTIAL_TYPE, e.error());
        assertTrue(e.extraMembers().isEmpty(), e.extraMembers().toString());
    }

    @Test
    void version1InvalidNonceCarriesNoNonce() {
        IssuerException e = refused("Bearer " + fixture.bearerToken(), null, v1Request(CONFIGURATION_ID, fixture.proof("never-issued")));

        assertEquals(IssuerError.INVALID_NONCE, e.error());
        // OID4VCI 1.0 §8.3.1.2 dropped c_nonce from the error: a wallet asks the nonce endpoint
        assertFalse(e.extraMembers().containsKey("c_nonce"));
    }

    @Test
    void draft13SuccessCarriesTheNextNonce() {
        String nonce = fixture.spent.nonces.issue().value();

        String body = fixture.issue("Bearer " + fixture.bearerToken(), null, fixture.draft13Request(fixture.proof(nonce))).content();

        assertTrue(body.contains("\"c_nonce\":\"n-2\""), body);
    }
}
