package org.openissuer.credential.control;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.nimbusds.jose.JWSAlgorithm;

import org.openissuer.audit.control.RequestAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.configuration.CredentialConfiguration;
import org.openissuer.configuration.CredentialConfigurations;
import org.openissuer.configuration.Dialect;
import org.openissuer.credential.entity.CredentialRequest;
import org.openissuer.credential.entity.IssuanceAnswer;
import org.openissuer.credential.entity.IssuanceMode;
import org.openissuer.dpop.control.DPoPChecks;
import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.encryption.control.MessageEncryption;
import org.openissuer.encryption.entity.ResponseEncryptionParameters;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.platform.IssuerSettings;
import org.openissuer.platform.Jsonp;
import org.openissuer.proof.control.JwtProofVerifier;
import org.openissuer.proof.control.ProofRules;
import org.openissuer.proof.entity.VerifiedProof;
import org.openissuer.ratelimit.control.RateLimits;
import org.openissuer.ratelimit.entity.Limited;
import org.openissuer.token.control.AccessTokens;
import org.openissuer.token.control.BearerTokens;
import org.openissuer.token.entity.AccessToken;

/**
 * The credential endpoint's use case (OID4VCI 1.0 §8): authorize, verify the proofs, then let
 * {@link IssuanceCommit} build and sign the credentials (or store the request for the back office's
 * approval), consume the nonces and write the audit rows in one transaction. Every request,
 * refused or not, ends up in the audit trail.
 */
@ApplicationScoped
public class CredentialIssuance {

    private static final Logger LOG = Logger.getLogger(CredentialIssuance.class.getName());

    private final IssuerSettings settings;
    private final IssuanceSettings issuance;
    private final CredentialConfigurations configurations;
    private final AccessTokens tokens;
    private final Instance<SubjectClaimSource> sources;
    private final IssuanceCommit commit;
    private final RequestAudit requestAudit;
    private final Nonces nonces;
    private final MessageEncryption encryption;
    private final RateLimits limits;
    private final DPoPChecks dpop;
    private final Clock clock;

    private JwtProofVerifier proofs;

    @Inject
    public CredentialIssuance(IssuerSettings settings, IssuanceSettings issuance,
            CredentialConfigurations configurations, AccessTokens tokens, Instance<SubjectClaimSource> sources,
            IssuanceCommit commit, RequestAudit requestAudit, Nonces nonces, MessageEncryption encryption,
            RateLimits limits, DPoPChecks dpop, Clock clock) {
        this.settings = settings;
        this.issuance = issuance;
        this.configurations = configurations;
        this.tokens = tokens;
        this.sources = sources;
        this.commit = commit;
        this.requestAudit = requestAudit;
        this.nonces = nonces;
        this.encryption = encryption;
        this.limits = limits;
        this.dpop = dpop;
        this.clock = clock;
    }

    protected CredentialIssuance() {
        this(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Called once at deployment, after the keys are loaded. */
    public void prepare() {
        commit.prepare();
        proofs = new JwtProofVerifier(clock);
    }

    /** @param dpopHeaders the request's DPoP headers (RFC 9449 §4.1), null or empty when none */
    public IssuanceAnswer issue(String authorization, List<String> dpopHeaders, RequestBody body) {
        AuditContext context = requestAudit.context();
        boolean dpopInPlay = dpop.required();
        Dialect dialect = Dialect.V1;
        Optional<ResponseEncryptionParameters> responseEncryption;
        Optional<DPoPProof> proof = Optional.empty();
        IssuanceCommit.Committed committed;
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
                    c -> c.withRequest(dialectLabel, configuration.id(), configuration.credentialType(), target.format()));
            responseEncryption = request.responseEncryption();
            encryption.checkResponse(received.encrypted(), dialect, responseEncryption);
            List<VerifiedProof> verified = verifyProofs(request, configuration, token);
            SubjectClaimSource source = source(token);
            IssuanceCommit.Checked checked = new IssuanceCommit.Checked(configuration, target.format(), dialect,
                    verified, source.claims(token, configuration));
            // OID4VCI 1.0 §8.3: the same checks either way; a deferred offer's credentials wait for the back office
            IssuanceMode mode = source.mode(token, configuration);
            committed = mode.deferred() ? commit.defer(proof, checked, context, token, mode)
                    : commit.issue(proof, checked, context, token);
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
        // OID4VCI 1.0 §8.3, §10: the 200 or 202 answer is a JWE when the wallet asked for one (errors never are)
        return new IssuanceAnswer(encryption.encode(committed.body(), responseEncryption), committed.deferred());
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

    private SubjectClaimSource source(AccessToken token) {
        for (SubjectClaimSource source : sources) {
            if (source.supports(token)) {
                return source;
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
