package org.openissuer.dpop.control;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.dpop.entity.DPoPProof;
import org.openissuer.error.Challenge;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.platform.Endpoints;
import org.openissuer.platform.IssuerSettings;

/**
 * DPoP at this issuer's endpoints (RFC 9449): the token endpoint binds tokens to the proof
 * key (§5), the credential and notification endpoints check the proof against the token (§7).
 * Every accepted proof has passed {@link DPoPVerifier} and then the shared jti store (§11.1).
 */
@ApplicationScoped
public class DPoPChecks {

    /**
     * The description of a refused replay (RFC 9449 §11.1): the audit trail tells a replay from the
     * other invalid_dpop_proof refusals by it, and so do the metrics that count the trail.
     */
    public static final String REPLAYED = "the DPoP proof was already used (jti replay)";

    static final String POST = "POST";
    // server nonces live one to two slots: long enough for a retry, short enough to bound pre-generated proofs
    static final long NONCE_SLOT_SECONDS = 120;

    private final DPoPSettings settings;
    private final DPoPReplay replay;
    private final IssuerKeys keys;
    private final IssuerSettings issuer;
    private final Clock clock;

    private DPoPVerifier verifier;
    private DPoPNonces nonces;
    private Challenge challenge;

    @Inject
    public DPoPChecks(DPoPSettings settings, DPoPReplay replay, IssuerKeys keys, IssuerSettings issuer, Clock clock) {
        this.settings = settings;
        this.replay = replay;
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    protected DPoPChecks() {
        this(null, null, null, null, null);
    }

    /** Called once at deployment, after the keys are loaded. */
    public void prepare() {
        verifier = new DPoPVerifier(clock, settings.algorithms(), settings.iatWindow());
        byte[] shared = keys.authorizationServerKeys().active().getD().decode();
        nonces = new DPoPNonces(DPoPNonces.secretFrom(shared), NONCE_SLOT_SECONDS, clock);
        challenge = Challenge.dpop(String.join(" ", settings.algorithmNames()));
    }

    public boolean required() {
        return settings.required();
    }

    /** The WWW-Authenticate scheme of the credential endpoint when DPoP is in play (§7.1). */
    public Challenge challenge() {
        return challenge;
    }

    public List<String> algorithms() {
        return settings.algorithmNames();
    }

    /** A DPoP-Nonce value for successful responses and the nonce endpoint, when nonces are required (§8, §9). */
    public Optional<String> freshNonce() {
        return settings.nonceRequired() ? Optional.of(nonces.current()) : Optional.empty();
    }

    /** §5: a proof binds the token to its key; without one the token is Bearer, unless DPoP is required. */
    public Optional<DPoPProof> atTokenEndpoint(List<String> headers) {
        if (headers == null || headers.isEmpty()) {
            if (settings.required()) {
                throw DPoPVerifier.invalid("this authorization server issues DPoP-bound tokens only: a DPoP proof is required");
            }
            return Optional.empty();
        }
        return Optional.of(check(headers, new DPoPRules(POST, issuer.identifier().endpoint(Endpoints.TOKEN),
                Optional.empty(), nonceRule()), Optional.empty()));
    }

    /**
     * §7.1: the proof covers this request and this token, and its key is the one the token is bound to.
     * Its jti is not spent yet: the caller spends it with {@link #spendWithin} in the request's one
     * transaction, or with {@link #spendAlone} when the request fails before that.
     */
    public DPoPProof atCredentialEndpoint(List<String> headers, String accessToken, String boundThumbprint) {
        if (headers == null || headers.isEmpty()) {
            throw DPoPVerifier.invalid("a DPoP proof is required with a DPoP-bound access token");
        }
        return verify(headers, new DPoPRules(POST, issuer.identifier().endpoint(Endpoints.CREDENTIAL),
                Optional.of(accessToken), nonceRule()), Optional.of(boundThumbprint));
    }

    /** §7.1 at the deferred credential endpoint (OID4VCI 1.0 §9): as at the credential endpoint, jti not spent yet. */
    public DPoPProof atDeferredCredentialEndpoint(List<String> headers, String accessToken, String boundThumbprint) {
        if (headers == null || headers.isEmpty()) {
            throw DPoPVerifier.invalid("a DPoP proof is required with a DPoP-bound access token");
        }
        return verify(headers, new DPoPRules(POST, issuer.identifier().endpoint(Endpoints.DEFERRED_CREDENTIAL),
                Optional.of(accessToken), nonceRule()), Optional.of(boundThumbprint));
    }

    /**
     * §7.1 at the notification endpoint (OID4VCI 1.0 §11): as at the credential endpoint, but the
     * request changes nothing the jti could commit with, so the jti is spent here and now.
     */
    public DPoPProof atNotificationEndpoint(List<String> headers, String accessToken, String boundThumbprint) {
        if (headers == null || headers.isEmpty()) {
            throw DPoPVerifier.invalid("a DPoP proof is required with a DPoP-bound access token");
        }
        return check(headers, new DPoPRules(POST, issuer.identifier().endpoint(Endpoints.NOTIFICATION),
                Optional.of(accessToken), nonceRule()), Optional.of(boundThumbprint));
    }

    /**
     * RFC 9449 §7.1 at a protected resource: the key a DPoP proof must be signed with when the token
     * came with the DPoP scheme, empty for a Bearer token; every other pairing is invalid_token.
     */
    public Optional<String> boundKey(boolean dpopScheme, Optional<String> tokenThumbprint) {
        if (dpopScheme) {
            // the DPoP scheme is for DPoP-bound tokens only
            return Optional.of(tokenThumbprint.orElseThrow(() -> new IssuerException(IssuerError.INVALID_TOKEN,
                    "the access token is not DPoP-bound")));
        }
        if (tokenThumbprint.isPresent()) {
            // a DPoP-bound token is not a bearer token
            throw new IssuerException(IssuerError.INVALID_TOKEN, "sender-constrained token presented as Bearer");
        }
        if (required()) {
            throw new IssuerException(IssuerError.INVALID_TOKEN, "this issuer accepts DPoP-bound access tokens only");
        }
        return Optional.empty();
    }

    /** §11.1 in the caller's transaction: empty when the jti was fresh, the refusal when it was already used. */
    public Optional<IssuerException> spendWithin(DPoPProof proof) {
        return replay.firstUseWithin(proof.thumbprint(), proof.jti(), keepSeconds()) ? Optional.empty()
                : Optional.of(replayed());
    }

    /** §11.1 for a request that changes nothing the jti could commit with: spent now, a replay refused. */
    public void spendNow(DPoPProof proof) {
        if (!replay.firstUse(proof.thumbprint(), proof.jti(), keepSeconds())) {
            throw replayed();
        }
    }

    /** §11.1 for a request refused before its transaction: the proof reached us, so it is used all the same. */
    public void spendAlone(DPoPProof proof) {
        replay.firstUse(proof.thumbprint(), proof.jti(), keepSeconds());
    }

    /** The htcd claim, when present, is the digest of the body the request carried. */
    public void checkContentDigest(DPoPProof proof, byte[] body) {
        if (proof.contentDigest().isPresent() && !ContentDigest.matches(proof.contentDigest().get(), body)) {
            throw DPoPVerifier.invalid("DPoP proof htcd does not match the request body");
        }
    }

    private DPoPProof check(List<String> headers, DPoPRules rules, Optional<String> boundThumbprint) {
        DPoPProof proof = verify(headers, rules, boundThumbprint);
        if (!replay.firstUse(proof.thumbprint(), proof.jti(), keepSeconds())) {
            throw replayed();
        }
        return proof;
    }

    private DPoPProof verify(List<String> headers, DPoPRules rules, Optional<String> boundThumbprint) {
        // §4.3 item 1: exactly one DPoP header
        if (headers.size() != 1) {
            throw DPoPVerifier.invalid("exactly one DPoP header is allowed");
        }
        DPoPProof proof;
        try {
            proof = verifier.verify(headers.get(0), rules);
        } catch (IssuerException e) {
            throw e.error() == IssuerError.USE_DPOP_NONCE ? e.withDPoPNonce(nonces.current()) : e;
        }
        // §4.3 item 12: checked before the jti is spent, so a foreign proof does not burn the owner's jti
        if (boundThumbprint.isPresent() && !boundThumbprint.get().equals(proof.thumbprint())) {
            throw DPoPVerifier.invalid("the DPoP proof key is not the key the access token is bound to");
        }
        return proof;
    }

    // §11.1: the row outlives every instant at which this proof's iat is still inside the window
    private long keepSeconds() {
        return 2 * settings.iatWindow().toSeconds() + 5;
    }

    private static IssuerException replayed() {
        return DPoPVerifier.invalid(REPLAYED);
    }

    private Optional<Predicate<String>> nonceRule() {
        return settings.nonceRequired() ? Optional.of(nonces::isValid) : Optional.empty();
    }
}
