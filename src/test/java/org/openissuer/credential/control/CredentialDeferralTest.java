package org.openissuer.credential.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openissuer.credential.control.IssuanceFixture.CONFIGURATION_ID;
import static org.openissuer.credential.control.IssuanceFixture.v1Request;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.credential.entity.PendingCredential;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.platform.Jsonp;

/** OID4VCI 1.0 §8.3: a deferred offer's request is checked as for immediate issuance, then answered 202. */
class CredentialDeferralTest {

    private final IssuanceFixture fixture = new IssuanceFixture();

    CredentialDeferralTest() {
        fixture.claims.mode = IssuanceMode.deferred(Optional.of(Duration.ofSeconds(30)));
    }

    private static JsonObject json(IssuanceAnswer answer) {
        return Jsonp.PROVIDER.createReader(new StringReader(answer.body().content())).readObject();
    }

    @Test
    void answers202WithTransactionIdAndIntervalAndStoresNoCredential() {
        String nonce = fixture.spent.nonces.issue().value();
        IssuanceAnswer answer = fixture.answer("Bearer " + fixture.bearerToken(), null,
                v1Request(CONFIGURATION_ID, fixture.proof(nonce)));

        assertEquals(202, answer.status());
        JsonObject body = json(answer);
        assertEquals("secret-1", body.getString("transaction_id"));
        assertEquals(5, body.getInt("interval"));
        assertFalse(body.containsKey("credentials"), body.toString());
        assertFalse(body.containsKey("notification_id"), "§8.3: no notification_id without credentials");
        // the nonce is consumed now, the key bound now
        assertFalse(fixture.spent.nonces.live(nonce));
        PendingCredential pending = fixture.deferrals.deferred.get(0);
        assertEquals(1, pending.holders().size());
        assertEquals(fixture.holderKey.toPublicJWK(), pending.holders().get(0).key());
        assertEquals("erika", pending.subject());
        assertEquals(Dialect.V1, pending.dialect());
        assertEquals(Optional.of(Duration.ofSeconds(30)), pending.lifetime());
        assertEquals(List.of("request_started", "credential_deferred"), fixture.spent.audit.committedEvents());
        assertTrue(fixture.spent.notifications.stored.isEmpty(), "no notification_id before there are credentials");
    }

    @Test
    void theDraft13DeferralCarriesTheNextNonce() {
        String nonce = fixture.spent.nonces.issue().value();
        JsonObject body = json(fixture.answer("Bearer " + fixture.bearerToken(), null,
                fixture.draft13Request(fixture.proof(nonce))));

        assertTrue(body.containsKey("transaction_id"));
        assertTrue(body.containsKey("c_nonce"), "draft 13 §7.3: the 202 carries the next c_nonce");
        assertEquals(Dialect.DRAFT_13, fixture.deferrals.deferred.get(0).dialect());
    }

    @Test
    void aDeferredRequestIsCheckedLikeAnImmediateOne() {
        IssuerException e = assertThrows(IssuerException.class, () -> fixture.answer("Bearer " + fixture.bearerToken(),
                null, v1Request(CONFIGURATION_ID, fixture.proof("never-issued"))));

        assertEquals(IssuerError.INVALID_NONCE, e.error());
        assertTrue(fixture.deferrals.deferred.isEmpty(), "nothing deferred for a stale nonce");
    }

    @Test
    void aReplayedNonceDefersNothingTheSecondTime() {
        String nonce = fixture.spent.nonces.issue().value();
        String request = v1Request(CONFIGURATION_ID, fixture.proof(nonce));
        fixture.answer("Bearer " + fixture.bearerToken(), null, request);

        assertThrows(IssuerException.class, () -> fixture.answer("Bearer " + fixture.bearerToken(), null, request));
        assertEquals(1, fixture.deferrals.deferred.size());
    }
}
