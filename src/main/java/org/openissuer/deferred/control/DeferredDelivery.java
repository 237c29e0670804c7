package org.openissuer.deferred.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.control.RequestBody;
import org.openissuer.credential.entity.DeferralResponse;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.deferred.entity.DeferredCredentialRequest;
import org.openissuer.deferred.entity.DeferredState;
import org.openissuer.deferred.entity.DeferredTransaction;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.encryption.control.MessageEncryption;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.notification.control.NotificationIds;
import org.openissuer.platform.Jsonp;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BearerTokens;
import org.openissuer.token.entity.AccessToken;

/**
 * The deferred credential endpoint's use case (OID4VCI 1.0 §9): the access token that created the
 * transaction polls with its transaction_id and gets 202 while it is pending, the credentials once
 * approved (exactly once), credential_request_denied after a rejection, invalid_transaction_id
 * otherwise. Refusals and deliveries are on record; a pending poll changes nothing and is not.
 */
@ApplicationScoped
public class DeferredDelivery {

    static final String UNKNOWN = "the transaction_id is unknown, expired, already used or not issued to this access token";
    private static final Logger LOG = Logger.getLogger(DeferredDelivery.class.getName());

    private final AccessTokens tokens;
    private final DPoPChecks dpop;
    private final MessageEncryption encryption;
    private final RateLimits limits;
    private final RequestAudit requestAudit;
    private final IssuanceAudit audit;
    private final DeferredStore store;
    private final DeliveryTransaction delivery;
    private final CredentialConfigurations configurations;
    private final DeferredSettings settings;

    @Inject
    public DeferredDelivery(AccessTokens tokens, DPoPChecks dpop, MessageEncryption encryption, RateLimits limits,
            RequestAudit requestAudit, IssuanceAudit audit, DeferredStore store, DeliveryTransaction delivery,
            CredentialConfigurations configurations, DeferredSettings settings) {
        this.tokens = tokens;
        this.dpop = dpop;
        this.encryption = encryption;
        this.limits = limits;
        this.requestAudit = requestAudit;
        this.audit = audit;
        this.store = store;
        this.delivery = delivery;
        this.configurations = configurations;
        this.settings = settings;
    }

    protected DeferredDelivery() {
        this(null, null, null, null, null, null, null, null, null, null);
    }

    /** An answer to send, or a refusal that is on record already (it committed with the jti). */
    private record Outcome(IssuanceAnswer answer, Optional<IssuerException> committedRefusal) {
    }

    /** @param dpopHeaders the request's DPoP headers (RFC 9449 §4.1), null or empty when none */
    public IssuanceAnswer poll(String authorization, List<String> dpopHeaders, RequestBody body) {
        boolean dpopInPlay = dpop.required();
        Optional<DPoPProof> proof = Optional.empty();
        Outcome outcome;
        try {
            // the cheap per-address count comes before any token work
            limits.admit(Limited.DEFERRED_PER_ADDRESS, requestAudit.context().clientAddress().orElse(null));
            BearerTokens.Presented presented = BearerTokens.parse(authorization);
            dpopInPlay |= presented.dpop();
            AccessToken token = tokens.verify(presented.token());
            dpopInPlay |= token.confirmationThumbprint().isPresent();
            requestAudit.enrich(
                    c -> c.withToken(token.subject(), token.subject(), token.clientId(), token.tokenId(), token.offerId()));
            proof = dpop.boundKey(presented.dpop(), token.confirmationThumbprint())
                    .map(bound -> dpop.atDeferredCredentialEndpoint(dpopHeaders, presented.token(), bound));
            // read after the token: a 401 beats a 400
            RequestBody.Received received = body.read();
            proof.ifPresent(p -> dpop.checkContentDigest(p, received.bytes()));
            DeferredCredentialRequest request = DeferredCredentialRequest.parse(
                    encryption.open(received.bytes(), received.encrypted(), settings.maxRequestBytes()), !received.encrypted());
            Optional<DeferredTransaction> found = store.byTransactionId(request.transactionId());
            // a known id's refusals name its transaction, a replay or another token's attempt included
            found.ifPresent(t -> requestAudit.enrich(c -> c.withDeferred(t.id())));
            // §9.3: unknown, expired, delivered and foreign ids get the same answer
            DeferredTransaction transaction = found.filter(t -> t.open(audit.now()) && belongsTo(t, token))
                    .orElseThrow(() -> new IssuerException(IssuerError.INVALID_TRANSACTION_ID, UNKNOWN));
            // answered in the dialect of the credential request; only 1.0 encrypts requests (§10)
            Dialect dialect = received.encrypted() ? Dialect.V1 : transaction.dialect();
            AuditContext context = requestAudit.enrich(c -> c.withOffer(transaction.offerId().orElse(null),
                    transaction.subject()).withRequest(dialect.label(), transaction.configurationId(),
                    transaction.vct().orElse(null), transaction.format()).withDeferred(transaction.id()));
            encryption.checkResponse(received.encrypted(), dialect, request.responseEncryption());
            if (transaction.state() != DeferredState.APPROVED) {
                // RFC 9449 §11.1: nothing to commit the jti with, so it is spent now and a replay refused
                Optional<DPoPProof> spent = proof;
                proof = Optional.empty();
                spent.ifPresent(dpop::spendNow);
            }
            if (transaction.state() == DeferredState.REJECTED) {
                // §9.3: the issuer can no longer issue; the wallet should stop polling
                throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, "the issuer declined this credential request");
            }
            if (transaction.state() == DeferredState.PENDING) {
                // a pending poll changes nothing: not on record, in whichever shape it is answered
                requestAudit.close();
                outcome = new Outcome(pending(request, dialect), Optional.empty());
            } else {
                outcome = deliver(proof, transaction, dialect, context, token, request.responseEncryption());
                proof = Optional.empty();
            }
            // a pending poll changes nothing; a delivery or its refusal committed with its rows
            requestAudit.close();
        } catch (IssuerException e) {
            // the error mapper puts the refusal on record, from the request's audit context
            spendAlone(proof);
            throw challenged(e, dpopInPlay);
        } catch (RuntimeException e) {
            spendAlone(proof);
            throw e;
        }
        if (outcome.committedRefusal().isPresent()) {
            throw challenged(outcome.committedRefusal().get(), dpopInPlay);
        }
        return outcome.answer();
    }

    // §9.2: 1.0 answers 202 with the same transaction_id; drafts 13 to 15 §9.3 answered issuance_pending
    private IssuanceAnswer pending(DeferredCredentialRequest request, Dialect dialect) {
        long interval = settings.interval().toSeconds();
        if (dialect != Dialect.V1) {
            throw new IssuerException(IssuerError.ISSUANCE_PENDING, "the credential is not ready yet")
                    .withMembers(Jsonp.PROVIDER.createObjectBuilder().add("interval", interval).build());
        }
        return new IssuanceAnswer(encryption.encode(DeferralResponse.pending(request.transactionId(), interval).toJson(),
                request.responseEncryption()), true);
    }

    private Outcome deliver(Optional<DPoPProof> proof, DeferredTransaction transaction, Dialect dialect,
            AuditContext context, AccessToken token, Optional<ResponseEncryptionParameters> responseEncryption) {
        CredentialConfiguration configuration = configurations.byId(transaction.configurationId())
                .orElseThrow(() -> new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED,
                        "the credential configuration is no longer offered"));
        DeliveryTransaction.Delivered delivered = delivery.deliver(proof, transaction, configuration, dialect, context, token);
        if (delivered.refusal().isPresent()) {
            return new Outcome(null, delivered.refusal());
        }
        // §9.2, §10: encrypted with the parameters of this request, whatever the first one had
        return new Outcome(new IssuanceAnswer(encryption.encode(delivered.body(), responseEncryption), false), Optional.empty());
    }

    // §9: the access token that made the credential request, and no other
    private static boolean belongsTo(DeferredTransaction transaction, AccessToken token) {
        return MessageDigest.isEqual(transaction.tokenKey().getBytes(StandardCharsets.US_ASCII),
                NotificationIds.tokenKey(token).getBytes(StandardCharsets.US_ASCII))
                && transaction.subject().equals(token.subject());
    }

    private IssuerException challenged(IssuerException e, boolean dpopInPlay) {
        // RFC 9449 §7.1: the challenge names the scheme the request used or the token needs
        return dpopInPlay ? e.withChallenge(dpop.challenge()) : e;
    }

    // RFC 9449 §11.1: a proof that reached us is used, whatever became of its request
    private void spendAlone(Optional<DPoPProof> proof) {
        try {
            proof.ifPresent(dpop::spendAlone);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot record a refused request's DPoP jti as used", e);
        }
    }
}
