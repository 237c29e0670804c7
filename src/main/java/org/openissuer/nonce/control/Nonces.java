package org.openissuer.nonce.control;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.nonce.entity.CNonce;
import org.openissuer.platform.IssuerSettings;

/** Issues c_nonce values and consumes each at most once (OID4VCI 1.0 §7, Appendix F.4). */
@ApplicationScoped
public class Nonces {

    // 256 bits: comfortably above the 128 bits an unpredictable nonce needs
    static final int NONCE_BYTES = 32;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final IssuerSettings settings;

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    @Inject
    public Nonces(Clock clock, IssuerSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    protected Nonces() {
        this(null, null);
    }

    @Transactional
    public CNonce issue() {
        CNonce nonce = CNonce.issued(newValue(), now(), settings.nonceLifetime());
        em.persist(nonce);
        return nonce;
    }

    /**
     * One atomic statement: of any number of concurrent callers with the same value, exactly
     * one sees {@code true}; an unknown, expired or already used value gives {@code false}.
     * Joins the caller's transaction, so the consumption commits or rolls back with its audit rows.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean consume(String value) {
        OffsetDateTime now = now();
        return em.createQuery("UPDATE CNonce n SET n.consumedAt = :now"
                        + " WHERE n.value = :value AND n.consumedAt IS NULL AND n.expiresAt > :now")
                .setParameter("now", now)
                .setParameter("value", value)
                .executeUpdate() == 1;
    }

    /** Deletes nonces that expired before now; returns how many. */
    @Transactional
    public int purgeExpired() {
        return em.createQuery("DELETE FROM CNonce n WHERE n.expiresAt < :now")
                .setParameter("now", now())
                .executeUpdate();
    }

    String newValue() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
