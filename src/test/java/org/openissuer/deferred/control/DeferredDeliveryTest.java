package org.openissuer.deferred.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.nimbusds.jose.jwk.ECKey;

import org.junit.jupiter.api.Test;

import org.openissuer.audit.control.Refusals;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.control.RequestBody;
import org.openissuer.credential.entity.BoundKey;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.deferred.entity.DeferredState;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.encryption.control.MessageEncryption;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.notification.control.NotificationIds;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.Jsonp;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.testsupport.AccessTokenJwt;
import org.openissuer.testsupport.CredentialConfigurationBuilder;
import org.openissuer.testsupport.DPoPJwt;
import org.openissuer.testsupport.SpentLedger;
import org.openissuer.testsupport.TestDPoPChecks;
import org.openissuer.testsupport.TestKeys;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BuiltInAccessTokens;
import org.openissuer.token.entity.AccessToken;

/** OID4VCI 1.0 §9: what a poll gets for each state of its transaction, and who may poll at all. */
class DeferredDeliveryTest {

    private static final String ISSUER = "https://issuer.example.com";

    private final ECKey authorizationServerKey = TestKeys.p256("as-1");
    private final SpentLedger spent = new SpentLedger(Clock.systemUTC());
    private final AccessTokens tokens = BuiltInAccessTokens.of(ISSUER, authorizationServerKey);
    private final CredentialConfiguration configuration = CredentialConfigurationBuilder.sdJwtConfiguration("Identity").build();
    private final List<Limited> admitted = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();
    private final RequestAudit requestAudit = new RequestAudit(new Refusals(spent.audit));
    private final String token = AccessTokenJwt.forSubject("erika").issuer(ISSUER).audience(ISSUER)
            .signedBy(authorizationServerKey).build();
    private DeferredTransaction stored;
    private final DeferredDelivery delivery;

    DeferredDeliveryTest() {
        DPoPChecks dpop = TestDPoPChecks.prepared(ISSUER, authorizationServerKey, spent.replay, false, false);
        requestAudit.begin(AuditContext.of("req-1", "deferred_credential", "192.0.2.1"), true, true);
        DeferredStore store = new DeferredStore() {
            @Override
            public Optional<DeferredTransaction> byTransactionId(String transactionId) {
                return "t-1".equals(transactionId) ? Optional.ofNullable(stored) : Optional.empty();
            }
        };
        DeliveryTransaction transaction = new DeliveryTransaction() {
            @Override
            public Delivered deliver(Optional<DPoPProof> proof, DeferredTransaction t, CredentialConfiguration c,
                    Dialect dialect, AuditContext context, AccessToken token) {
                delivered.add(t.id() + " " + dialect.label());
                return new Delivered(Jsonp.PROVIDER.createObjectBuilder().add("notification_id", "n").build(),
                        Optional.empty());
            }
        };
        CredentialConfigurations configurations = new CredentialConfigurations() {
            @Override
            public Map<String, CredentialConfiguration> all() {
                return Map.of("Identity", configuration);
            }

            @Override
            public Optional<CredentialConfiguration> byId(String id) {
                return Optional.ofNullable(all().get(id));
            }
        };
        delivery = new DeferredDelivery(tokens, dpop, new PlainMessages(), new RateLimits() {
            @Override
            public void admit(Limited limited, String value) {
                admitted.add(limited);
            }
        }, requestAudit, spent.audit, store, transaction, configurations, new DeferredSettings(3, 3600, 60, 16_384));
    }

    private void store(DeferredState state, Dialect dialect, String forToken) {
        AccessToken owner = BuiltInAccessTokens.firstSight(tokens, forToken);
        stored = new DeferredTransaction("d-1", NotificationIds.tokenKey(owner), owner.tokenId(), owner.subject(),
                Optional.empty(), Optional.of("offer-1"), "Identity", Optional.of(configuration.vct()), "dc+sd-jwt", dialect,
                List.of(new BoundKey(TestKeys.p256WithoutKid().toPublicJWK(), "thumb")), JsonValue.EMPTY_JSON_OBJECT, state,
                OffsetDateTime.now(), OffsetDateTime.now().plusHours(1), Optional.empty());
    }

    private IssuanceAnswer poll(String json) {
        return delivery.poll("Bearer " + token, null,
                () -> new RequestBody.Received(json.getBytes(StandardCharsets.UTF_8), false));
    }

    private IssuerException refused(String json) {
        return assertThrows(IssuerException.class, () -> poll(json));
    }

    private static JsonObject json(IssuanceAnswer answer) {
        return Jsonp.PROVIDER.createReader(new StringReader(answer.body().content())).readObject();
    }

    @Test
    void aPendingTransactionIsAnswered202WithTheSameTransactionIdAndNotRecorded() {
        store(DeferredState.PENDING, Dialect.V1, token);

        IssuanceAnswer answer = poll("{\"transaction_id\":\"t-1\"}");

        assertEquals(202, answer.status());
        assertEquals("{\"transaction_id\":\"t-1\",\"interval\":3}", json(answer).toString());
        assertEquals(List.of(Limited.DEFERRED_PER_ADDRESS), admitted);
        assertTrue(spent.audit.alone.isEmpty() && spent.audit.committed.isEmpty(), "a pending poll changes nothing");
    }

    @Test
    void aDraftWalletGetsIssuancePendingWithTheIntervalAndNothingOnRecord() {
        store(DeferredState.PENDING, Dialect.DRAFT_13, token);

        IssuerException pending = refused("{\"transaction_id\":\"t-1\"}");

        assertEquals(IssuerError.ISSUANCE_PENDING, pending.error());
        assertEquals(3, pending.extraMembers().getInt("interval"));
        requestAudit.refused(pending);
        assertTrue(spent.audit.alone.isEmpty(), "the mapper records nothing for issuance_pending");
    }

    @Test
    void anApprovedTransactionIsDeliveredInItsDialect() {
        store(DeferredState.APPROVED, Dialect.DRAFT_15, token);

        IssuanceAnswer answer = poll("{\"transaction_id\":\"t-1\"}");

        assertEquals(200, answer.status());
        assertEquals(List.of("d-1 draft-15"), delivered);
    }

    @Test
    void aRejectedTransactionIsCredentialRequestDenied() {
        store(DeferredState.REJECTED, Dialect.V1, token);

        assertEquals(IssuerError.CREDENTIAL_REQUEST_DENIED, refused("{\"transaction_id\":\"t-1\"}").error());
    }

    @Test
    void anotherTokenOfTheSameSubjectGetsInvalidTransactionIdLikeAnUnknownId() {
        store(DeferredState.APPROVED, Dialect.V1, AccessTokenJwt.forSubject("erika").issuer(ISSUER).audience(ISSUER)
                .signedBy(authorizationServerKey).build());

        IssuerException foreign = refused("{\"transaction_id\":\"t-1\"}");
        IssuerException unknown = refused("{\"transaction_id\":\"t-2\"}");

        assertEquals(IssuerError.INVALID_TRANSACTION_ID, foreign.error());
        assertEquals(unknown.error(), foreign.error());
        assertEquals(unknown.description(), foreign.description());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void expiredAndDeliveredTransactionsAreUnknownButTheirRefusalNamesThem() {
        for (DeferredState state : List.of(DeferredState.EXPIRED, DeferredState.DELIVERED)) {
            store(state, Dialect.V1, token);

            assertEquals(IssuerError.INVALID_TRANSACTION_ID, refused("{\"transaction_id\":\"t-1\"}").error());
            assertEquals(Optional.of("d-1"), requestAudit.context().deferredId());
        }
        assertTrue(delivered.isEmpty());
    }

    @Test
    void aTransactionPastItsTimeIsUnknownBeforeTheSweepMarksIt() {
        store(DeferredState.APPROVED, Dialect.V1, token);
        stored = new DeferredTransaction(stored.id(), stored.tokenKey(), stored.tokenId(), stored.subject(),
                stored.clientId(), stored.offerId(), stored.configurationId(), stored.vct(), stored.format(),
                stored.dialect(), stored.holders(), stored.claims(), stored.state(), stored.createdAt(),
                OffsetDateTime.now().minusSeconds(1), Optional.empty());

        assertEquals(IssuerError.INVALID_TRANSACTION_ID, refused("{\"transaction_id\":\"t-1\"}").error());
        assertTrue(delivered.isEmpty());
    }

    @Test
    void aPendingPollSpendsItsDPoPProofSoAReplayIsRefused() throws Exception {
        ECKey dpopKey = TestKeys.p256WithoutKid();
        String bound = AccessTokenJwt.forSubject("erika").issuer(ISSUER).audience(ISSUER).signedBy(authorizationServerKey)
                .claim("cnf", Map.of("jkt", dpopKey.computeThumbprint().toString())).build();
        store(DeferredState.PENDING, Dialect.V1, bound);
        List<String> proof = List.of(DPoPJwt.signedBy(dpopKey).htu(ISSUER + Endpoints.DEFERRED_CREDENTIAL)
                .accessToken(bound).build());
        RequestBody body = () -> new RequestBody.Received("{\"transaction_id\":\"t-1\"}".getBytes(StandardCharsets.UTF_8),
                false);

        assertEquals(202, delivery.poll("DPoP " + bound, proof, body).status());
        IssuerException replay = assertThrows(IssuerException.class, () -> delivery.poll("DPoP " + bound, proof, body));

        assertEquals(IssuerError.INVALID_DPOP_PROOF, replay.error());
        assertTrue(replay.challenge().isPresent(), "RFC 9449 §7.1: a DPoP challenge");
    }

    @Test
    void theTokenComesBeforeTheBody() {
        IssuerException e = assertThrows(IssuerException.class, () -> delivery.poll("Bearer nope", null, () -> {
            throw new AssertionError("body read before the token was checked");
        }));
        assertEquals(IssuerError.INVALID_TOKEN, e.error());
    }

    /** Neither request nor response encryption: the body is the JSON request. */
    static final class PlainMessages extends MessageEncryption {
        @Override
        public byte[] open(byte[] body, boolean encrypted, int maxBytes) {
            return body;
        }

        @Override
        public void checkResponse(boolean encryptedRequest, Dialect dialect, Optional<ResponseEncryptionParameters> response) {
            // no encryption policy
        }
    }
}
