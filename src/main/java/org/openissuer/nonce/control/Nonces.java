package org.openissuer.nonce.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.keys.control.IssuerKeys;
import org.openissuer.nonce.entity.CNonce;
import org.openissuer.platform.IssuerSettings;

/**
 * Issues c_nonce values without writing anything and consumes each at most once
 * (OID4VCI 1.0 §7, Appendix F.4): a nonce is sealed ({@link NonceSeal}), checked without a
 * database read, and only its consumption becomes a row, in the credential request's transaction.
 */
@ApplicationScoped
public class Nonces {

    // instances' clocks may differ this much: a row outlives its nonce by it, so no instance still accepts a purged one
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final Clock clock;
    private final IssuerSettings settings;
    private final IssuerKeys keys;

    private NonceSeal seal;

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    public Nonces(Clock clock, IssuerSettings settings, IssuerKeys keys) {
        this.clock = clock;
        this.settings = settings;
        this.keys = keys;
    }

    protected Nonces() {
        this(null, null, null);
    }

    /**
     * Called once at deployment, after the keys are loaded: the secret comes from the authorization
     * server's private key, which every instance loads, so a nonce from one is valid at all.
     */
    public void prepare() {
        seal = new NonceSeal(NonceSeal.secretFrom(keys.authorizationServerKeys().active().getD().decode()));
    }

    public CNonce issue() {
        // whole seconds, rounded up: the nonce lives at least the c_nonce_expires_in a response announces
        Instant exact = clock.instant().plus(settings.nonceLifetime());
        Instant whole = exact.truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = whole.isBefore(exact) ? whole.plusSeconds(1) : whole;
        return new CNonce(seal.seal(expiresAt), expiresAt);
    }

    /**
     * Of any number of concurrent callers with the same nonce, on any instance, exactly one sees
     * {@code true}; a forged, expired, malformed or already used value gives {@code false}. The seal
     * is checked first, in memory; then one atomic statement joins the caller's transaction, so
     * the consumption commits or rolls back with its audit rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consume(String value) {
        Optional<NonceSeal.Opened> opened = seal.open(value, clock.instant());
        if (opened.isEmpty()) {
            return false;
        }
        // the primary key decides: a concurrent insert of the same key waits for this transaction, then does nothing
        return em.createNativeQuery("INSERT INTO consumed_nonce (nonce_hash, expires_at) VALUES (?1, to_timestamp(?2))"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, opened.get().consumptionKey())
                .setParameter(2, opened.get().expiresAt().getEpochSecond())
                .executeUpdate() == 1;
    }

    /** Deletes the records of consumed nonces that no instance accepts any more; returns how many. */
    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM consumed_nonce WHERE expires_at < to_timestamp(?1)")
                .setParameter(1, clock.instant().minus(CLOCK_SKEW).getEpochSecond())
                .executeUpdate();
    }
}
