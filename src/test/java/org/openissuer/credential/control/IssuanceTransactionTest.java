package org.openissuer.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.notification.entity.IssuedNotification;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.IssuerError;
import org.openissuer.testsupport.SpentLedger;
import org.openissuer.testsupport.TestDPoPSettings;

/**
 * The one transaction of a credential request, with the database statements replaced by a ledger:
 * what is spent, in which order, and which audit rows go with it. That the statements join one
 * JTA transaction (TxType.MANDATORY) is the container's part: NonceConsumptionIT and CredentialErrorsIT.
 */
class IssuanceTransactionTest {

    private static final AuditContext CONTEXT = AuditContext.of("req-1", "credential", "192.0.2.1");
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-23T12:00:00Z");
    private static final List<IssuanceEvent> ISSUED = List.of(IssuanceEvent.requestStarted(CONTEXT, NOW),
            IssuanceEvent.credentialIssued(CONTEXT, new IssuanceEvent.IssuedCredential("c-1", "digest", "jkt", List.of()), NOW));

    private static final IssuedNotification NOTIFICATION = new IssuedNotification("note-1", "token-key", "erika",
            Optional.empty(), List.of("c-1"));

    private final SpentLedger spent = new SpentLedger(Clock.systemUTC());
    private final IssuanceTransaction transaction = new IssuanceTransaction(spent.nonces, spent.audit,
            new DPoPChecks(new TestDPoPSettings(false, false), spent.replay, null, null, Clock.systemUTC()),
            spent.notifications);

    private static Optional<DPoPProof> proof(String jti) {
        return Optional.of(new DPoPProof("thumbprint", jti, Instant.now(), Optional.empty()));
    }

    private IssuanceTransaction.Outcome commit(Optional<DPoPProof> dpop, List<String> nonces, boolean wantFreshNonce) {
        return transaction.commit(dpop, nonces, () -> ISSUED, refusal -> List.of(IssuanceEvent.requestStarted(CONTEXT, NOW),
                IssuanceEvent.requestFailed(CONTEXT, refusal.error().code(), refusal.description(), NOW)), wantFreshNonce,
                Optional.of(NOTIFICATION));
    }

    @Test
    void spendsTheJtiBeforeTheNoncesAndWritesTheRowsLast() {
        String a = spent.nonces.issue().value();
        String b = spent.nonces.issue().value();

        IssuanceTransaction.Outcome outcome = commit(proof("j-1"), List.of(a, b), false);

        assertEquals(Optional.empty(), outcome.refusal());
        assertEquals(List.of("jti-within j-1", "nonce " + a, "nonce " + b, "audit request_started,credential_issued",
                "notification c-1"),
                spent.entries);
    }

    @Test
    void aReplayedJtiConsumesNoNonceAndCommitsTheRefusal() {
        commit(proof("j-1"), List.of(spent.nonces.issue().value()), false);
        String nonce = spent.nonces.issue().value();
        spent.entries.clear();

        IssuanceTransaction.Outcome outcome = commit(proof("j-1"), List.of(nonce), false);

        assertEquals(IssuerError.INVALID_DPOP_PROOF, outcome.refusal().orElseThrow().error());
        assertTrue(spent.nonces.live(nonce), "RFC 9449 §11.1: a replay must not consume the nonces its original did");
        // a refused request hands out no notification_id: nothing of it is stored
        assertEquals(List.of("jti-within j-1", "audit request_started,request_failed"), spent.entries);
    }

    @Test
    void aStaleNonceIsInvalidNonceAndCommitsTheRefusalRowsInsteadOfTheCredentials() {
        String live = spent.nonces.issue().value();

        IssuanceTransaction.Outcome outcome = commit(Optional.empty(), List.of("stale", live), false);

        assertEquals(IssuerError.INVALID_NONCE, outcome.refusal().orElseThrow().error());
        assertEquals(List.of("request_started", "request_failed"), spent.audit.committedEvents());
        assertEquals(IssuerError.INVALID_NONCE.code(), spent.audit.committed.get(1).errorCode());
    }

    @Test
    void aNonceSharedByTheProofsOfABatchIsConsumedOnce() {
        String shared = spent.nonces.issue().value();

        IssuanceTransaction.Outcome outcome = commit(Optional.empty(), List.of(shared, shared), false);

        assertEquals(Optional.empty(), outcome.refusal());
        assertEquals(List.of("nonce " + shared, "audit request_started,credential_issued", "notification c-1"),
                spent.entries);
    }

    @Test
    void aFreshNonceOnlyWhenTheDialectCarriesOne() {
        assertFalse(commit(Optional.empty(), List.of(spent.nonces.issue().value()), false).freshNonce().isPresent());

        IssuanceTransaction.Outcome outcome = commit(Optional.empty(), List.of("stale"), true);

        assertTrue(outcome.refusal().isPresent());
        assertTrue(spent.nonces.live(outcome.freshNonce().orElseThrow().value()), "a refused draft-13 request gets a fresh nonce too");
    }

    @Test
    void aRefusedRequestBuildsNoCredentialSoTakesNoStatusEntry() {
        java.util.concurrent.atomic.AtomicInteger built = new java.util.concurrent.atomic.AtomicInteger();

        IssuanceTransaction.Outcome outcome = transaction.commit(Optional.empty(), List.of("stale"), () -> {
            built.incrementAndGet();
            return ISSUED;
        }, refusal -> List.of(IssuanceEvent.requestFailed(CONTEXT, refusal.error().code(), refusal.description(), NOW)), false,
                Optional.of(NOTIFICATION));

        assertTrue(outcome.refusal().isPresent());
        assertEquals(0, built.get(), "credentials (and their status list entries) are built only once the nonces are spent");
    }
}
