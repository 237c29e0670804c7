package org.openissuer.dpop.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * RFC 9449 §11.1: each jti is accepted once while its proof could still be accepted, across every
 * instance that shares the database. One atomic statement per proof; the row count decides.
 */
@ApplicationScoped
public class DPoPReplay {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /**
     * Commits at once, in its own transaction: a proof that is used stays used, whatever the request does next.
     *
     * @param keepSeconds how long the row must outlive now: long enough that the proof's iat has left the window
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstUse(String thumbprint, String jti, long keepSeconds) {
        return insert(thumbprint, jti, keepSeconds);
    }

    /**
     * Joins the caller's transaction, so the credential endpoint spends the jti in the same commit as
     * its nonces and audit rows (one transaction per request). A concurrent insert of the
     * same key waits for this transaction and then finds the row: still exactly one winner.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstUseWithin(String thumbprint, String jti, long keepSeconds) {
        return insert(thumbprint, jti, keepSeconds);
    }

    private boolean insert(String thumbprint, String jti, long keepSeconds) {
        return em.createNativeQuery("INSERT INTO dpop_jti (jti_hash, expires_at) VALUES (?1, now() + ?2 * interval '1 second')"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, key(thumbprint, jti))
                .setParameter(2, (int) keepSeconds)
                .executeUpdate() == 1;
    }

    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("DELETE FROM dpop_jti WHERE expires_at < now()").executeUpdate();
    }

    // bounded size whatever the client sends; the key scopes the jti, so two clients cannot collide on purpose
    static String key(String thumbprint, String jti) {
        byte[] digest = ContentDigest.sha256((thumbprint + " " + jti).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
