package org.openissuer.credential.control;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import com.nimbusds.jose.JWSAlgorithm;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.credential.entity.CredentialRequest;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.IssuanceResponse;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.encryption.control.MessageEncryption;
import org.openissuer.encryption.entity.EncodedBody;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.notification.control.NotificationIds;
import org.openissuer.notification.entity.IssuedNotification;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.Jsonp;
import org.openissuer.proof.control.JwtProofVerifier;
import org.openissuer.proof.control.ProofRules;
import org.openissuer.proof.entity.VerifiedProof;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.sdjwt.control.SdJwtVcIssuer;
import org.openissuer.sdjwt.entity.IssuedSdJwt;
import org.openissuer.sdjwt.entity.SdJwtVcRequest;
import org.openissuer.status.control.StatusAllocation;
import org.openissuer.status.entity.NewEntry;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BearerTokens;
import org.openissuer.token.entity.AccessToken;

/**
 * The credential endpoint's use case (OID4VCI 1.0 §8): authorize, verify the proofs, build
 * and sign the credentials, then consume the nonces and write the audit rows in one
 * transaction. Every request, refused or not, ends up in the audit trail.
 */
@ApplicationScoped
public class CredentialIssuance {

    private static final Logger LOG = Logger.getLogger(CredentialIssuance.class.getName());

    private final IssuerSettings settings;
    private final IssuanceSettings issuance;
    private final CredentialConfigurations configurations;
    private final IssuerKeys keys;
    private final AccessTokens tokens;
    private final Instance<SubjectClaimSource> sources;
    private final IssuanceTransaction transaction;
    private final IssuanceAudit audit;
    private final RequestAudit requestAudit;
    private final Nonces nonces;
    private final MessageEncryption encryption;
    private final RateLimits limits;
    private final DPoPChecks dpop;
    private final StatusAllocation statuses;
    private final Clock clock;

    private SdJwtVcIssuer sdJwt;
    private JwtProofVerifier proofs;

    @Inject
    public CredentialIssuance(IssuerSettings settings, IssuanceSettings issuance,
            CredentialConfigurations configurations, IssuerKeys keys, AccessTokens tokens,
            Instance<SubjectClaimSource> sources, IssuanceTransaction transaction, IssuanceAudit audit,
            RequestAudit requestAudit, Nonces nonces, MessageEncryption encryption, RateLimits limits, DPoPChecks dpop,
            StatusAllocation statuses, Clock clock) {
        this.settings = settings;
        this.issuance = issuance;
        this.configurations = configurations;
        this.keys = keys;
        this.tokens = tokens;
        this.sources = sources;
        this.transaction = transaction;
        this.audit = audit;
        this.requestAudit = requestAudit;
        this.nonces = nonces;
        this.encryption = encryption;
        this.limits = limits;
        this.dpop = dpop;
        this.statuses = statuses;
        this.clock = clock;
    }

    protected CredentialIssuance() {
        this(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Called once at deployment, after the keys are loaded. */
    public void prepare() {
        sdJwt = new SdJwtVcIssuer(keys.signingKeys().active(), clock, issuance.decoys());
        proofs = new JwtProofVerifier(clock);
    }

    /** @param dpopHeaders the request's DPoP headers (RFC 9449 §4.1), null or empty when none */
    public EncodedBody issue(String authorization, List<String> dpopHeaders, RequestBody body) {
        AuditContext context = requestAudit.context();
        boolean dpopInPlay = dpop.required();
        Dialect dialect = Dialect.V1;
        Optional<ResponseEncryptionParameters> responseEncryption;
        Optional<DPoPProof> proof = Optional.empty();
        Committed committed;
        try {
            // the cheap per-address count comes before any token work
            limits.admit(Limited.CREDENTIAL_PER_ADDRESS, context.clientAddress().orElse(null));
            BearerTokens.Presented presented = BearerTokens.parse(authorization);
            dpopInPlay |= presented.dpop();
            AccessToken token = tokens.verify(presented.token());
            dpopInPlay |= token.confirmationThumbprint().isPresent();
            context = requestAudit.enrich(
                    c -> c.withToken(token.subject(), token.subject(), token.clientId(), token.tokenId(), token.offerId()));
            proof = dpop.boundKey(presented.dpop(), token.confirmationThumbprint())
                    .map(bound -> dpop.atCredentialEndpoint(dpopHeaders, presented.token(), bound));
            admit(token);
            // decrypted here, after the token: a 401 beats a 400, and every failure is on record
            RequestBody.Received received = body.read();
            proof.ifPresent(p -> dpop.checkContentDigest(p, received.bytes()));
            CredentialRequest request = CredentialRequest.parse(
                    encryption.open(received.bytes(), received.encrypted(), issuance.maxRequestBytes()), received.encrypted());
            dialect = request.dialect();
            RequestTarget target = RequestTarget.resolve(request, token, configurations);
            CredentialConfiguration configuration = target.configuration();
            String dialectLabel = dialect.label();
            context = requestAudit.enrich(
                    c -> c.withRequest(dialectLabel, configuration.id(), configuration.vct(), target.format()));
            responseEncryption = request.responseEncryption();
            encryption.checkResponse(received.encrypted(), dialect, responseEncryption);
            List<VerifiedProof> verified = verifyProofs(request, configuration, token);
            JsonObject data = subjectData(token, configuration);
            committed = issueAndCommit(proof, verified, configuration, target.format(), data, dialect, context, token);
            // the outcome, issued or refused, committed with its audit rows: nothing later goes on record
            requestAudit.close();
        } catch (IssuerException e) {
            // the error mapper puts the refusal on record, from the request's audit context
            spendAlone(proof);
            // RFC 9449 §7.1: the challenge names the scheme the request used or the token needs
            throw draft13Extras(dialect, dpopInPlay ? e.withChallenge(dpop.challenge()) : e, Optional.empty());
        } catch (RuntimeException e) {
            // the error mapper puts the fault on record, as server_error
            spendAlone(proof);
            throw e;
        }
        if (committed.refusal().isPresent()) {
            // the refusal is on record already: it committed with the jti and the nonce consumption
            IssuerException refusal = committed.refusal().get();
            throw draft13Extras(dialect, dpopInPlay ? refusal.withChallenge(dpop.challenge()) : refusal,
                    committed.freshNonce());
        }
        // OID4VCI 1.0 §8.3, §10: the 200 answer is a JWE when the wallet asked for one (errors never are)
        return encryption.encode(committed.response().toJson(), responseEncryption);
    }

    /** The transaction's result: credentials to send, or a refusal to throw once committed. */
    private record Committed(IssuanceResponse response, Optional<IssuerException> refusal, Optional<CNonce> freshNonce) {
    }


    private void admit(AccessToken token) {
        if (issuance.deniedSubjects().contains(token.subject())) {
            throw new IssuerException(IssuerError.ACCESS_DENIED, "the issuer's policy refuses credentials to this principal");
        }
        limits.admit(Limited.CREDENTIAL_PER_PRINCIPAL, token.issuer() + " " + token.subject());
    }

    private List<VerifiedProof> verifyProofs(CredentialRequest request, CredentialConfiguration configuration,
            AccessToken token) {
        if (request.jwtProofs().isEmpty()) {
            // OID4VCI 1.0 §8.3.1.2: proofs missing where the configuration requires key binding
            throw new IssuerException(IssuerError.INVALID_PROOF, "proofs are required for " + configuration.id());
        }
        if (request.jwtProofs().size() > settings.batchSize()) {
            // OID4VCI 1.0 §12.2.4 batch_size: never silently issue fewer than asked
            throw new IssuerException(IssuerError.INVALID_CREDENTIAL_REQUEST, "at most " + settings.batchSize()
                    + " proofs per request, got " + request.jwtProofs().size());
        }
        ProofRules rules = new ProofRules(settings.identifier().value(),
                configuration.proofSigningAlgorithms().stream().map(JWSAlgorithm::parse).collect(Collectors.toSet()),
                token.clientId(), issuance.iatWindow());
        return request.jwtProofs().stream().map(p -> proofs.verify(p, rules)).toList();
    }

    private JsonObject subjectData(AccessToken token, CredentialConfiguration configuration) {
        for (SubjectClaimSource source : sources) {
            if (source.supports(token)) {
                return source.claims(token, configuration);
            }
        }
        throw new IssuerException(IssuerError.CREDENTIAL_REQUEST_DENIED, "no data about this subject is available");
    }

    // RFC 9449 §11.1: a proof that reached us is used, whatever became of its request
    private void spendAlone(Optional<DPoPProof> proof) {
        try {
            proof.ifPresent(dpop::spendAlone);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot record a refused request's DPoP jti as used", e);
        }
    }

    private Committed issueAndCommit(Optional<DPoPProof> dpopProof, List<VerifiedProof> verified,
            CredentialConfiguration configuration, String format, JsonObject data, Dialect dialect, AuditContext context,
            AccessToken token) {
        List<String> credentials = new ArrayList<>();
        // the ids are known before the credentials are built: the notification_id stands for them all
        List<String> credentialIds = verified.stream().map(v -> UUID.randomUUID().toString()).toList();
        Supplier<List<IssuanceEvent>> success = () -> {
            List<IssuanceEvent> rows = new ArrayList<>();
            rows.add(IssuanceEvent.requestStarted(context, audit.now()));
            for (int i = 0; i < verified.size(); i++) {
                VerifiedProof proof = verified.get(i);
                String credentialId = credentialIds.get(i);
                // draft-ietf-oauth-status-list-21: an entry of its own, allocated in the issuance transaction
                JsonObject status = configuration.statusList() ? statuses.allocate(new NewEntry(credentialId,
                        context.subject(), context.offerId(), configuration.id(),
                        audit.now().plus(configuration.validity()))).claim() : null;
                IssuedSdJwt issued = sdJwt.issue(new SdJwtVcRequest(settings.identifier().value(), configuration.vct(),
                        format, configuration.validity(), proof.holderKey(), configuration.claims(), data, status));
                credentials.add(issued.serialized());
                rows.add(IssuanceEvent.credentialIssued(context, new IssuanceEvent.IssuedCredential(
                        credentialId, issued.digestHex(), proof.thumbprint(), issued.disclosedClaims()), audit.now()));
            }
            return rows;
        };
        IssuedNotification notification = NotificationIds.issue(token, credentialIds);
        IssuanceTransaction.Outcome outcome = transaction.commit(dpopProof,
                verified.stream().map(VerifiedProof::nonce).toList(), success,
                refusal -> List.of(IssuanceEvent.requestStarted(context, audit.now()),
                        IssuanceEvent.requestFailed(context, refusal.error().code(), refusal.description(), audit.now())),
                dialect.carriesNonce(), Optional.of(notification));
        if (outcome.refusal().isPresent()) {
            // RFC 9449 §11.1 (a replayed proof) or Appendix F.4 (a replayed or stale nonce)
            return new Committed(null, outcome.refusal(), outcome.freshNonce());
        }
        return new Committed(new IssuanceResponse(dialect, format, configuration.profile(), credentials,
                outcome.freshNonce().map(CNonce::value), settings.nonceLifetime().toSeconds(),
                Optional.of(notification.id())),
                Optional.empty(), outcome.freshNonce());
    }

    // draft 13 §7.3.1.2: invalid_proof and invalid_nonce carry a fresh c_nonce (draft 15 §8.3.1.2 dropped it)
    private IssuerException draft13Extras(Dialect dialect, IssuerException e, Optional<CNonce> fresh) {
        if (!dialect.carriesNonce()
                || e.error() != IssuerError.INVALID_PROOF && e.error() != IssuerError.INVALID_NONCE) {
            return e;
        }
        String nonce = fresh.orElseGet(nonces::issue).value();
        return e.withMembers(Jsonp.PROVIDER.createObjectBuilder().add("c_nonce", nonce)
                .add("c_nonce_expires_in", settings.nonceLifetime().toSeconds()).build());
    }
}
