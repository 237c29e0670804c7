package org.openissuer.status.control;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.status.entity.NewEntry;
import org.openissuer.status.entity.StatusList;

/**
 * The status tables (db/migrations/V008) behind native statements, one round trip each. Values
 * go in as strings or numbers and absent ones as NULL literals or NULLIF, as in the audit writer:
 * the two JPA providers bind a null or an OffsetDateTime differently.
 */
@ApplicationScoped
public class StatusListStore {

    /** The sequence's INCREMENT BY: one nextval reserves this many allocation numbers. */
    public static final int BLOCK = 64;

    public static final String INSERT_ENTRY = "INSERT INTO credential_status (list_id, idx, credential_id, subject,"
            + " offer_id, credential_configuration_id, allocated_at, expires_at)"
            + " VALUES (?1, ?2, ?3, NULLIF(?4, ''), NULLIF(?5, ''), ?6, now(), CAST(?7 AS timestamptz))";

    public static final String NEXT_BLOCK = "SELECT nextval('credential_status_seq')";

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /** The first of {@link #BLOCK} allocation numbers no one else gets; outside any rollback. */
    public long nextBlock() {
        return ((Number) em.createNativeQuery(NEXT_BLOCK).getSingleResult()).longValue();
    }

    /** The sequence's position without taking a number: the first number the next block may start at. */
    public long sequencePosition() {
        Object[] row = (Object[]) em.createNativeQuery("SELECT last_value, is_called FROM credential_status_seq")
                .getSingleResult();
        long last = ((Number) row[0]).longValue();
        return Boolean.TRUE.equals(row[1]) ? last + BLOCK : last;
    }

    public List<StatusList> lists() {
        List<?> rows = em.createNativeQuery("SELECT id, size, first_number, permutation_key FROM status_list ORDER BY id")
                .getResultList();
        List<StatusList> lists = new ArrayList<>();
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            lists.add(new StatusList(((Number) c[0]).intValue(), ((Number) c[1]).intValue(), ((Number) c[2]).longValue(),
                    Base64.getUrlDecoder().decode((String) c[3])));
        }
        return lists;
    }

    /**
     * Commits on its own, so every instance sees the same key for a list before any entry of it
     * exists; of two instances creating the same list, the first wins and the other reads its row.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void createList(int id, int size, long firstNumber, byte[] key) {
        em.createNativeQuery("INSERT INTO status_list (id, size, first_number, permutation_key) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, size).setParameter(3, firstNumber)
                .setParameter(4, Base64.getUrlEncoder().withoutPadding().encodeToString(key))
                .executeUpdate();
    }

    /** The one statement allocation adds to the issuance transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertEntry(int listId, int idx, NewEntry entry) {
        em.createNativeQuery(INSERT_ENTRY)
                .setParameter(1, listId).setParameter(2, idx).setParameter(3, entry.credentialId())
                .setParameter(4, entry.subject().orElse("")).setParameter(5, entry.offerId().orElse(""))
                .setParameter(6, entry.credentialConfigurationId())
                .setParameter(7, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(entry.expiresAt()))
                .executeUpdate();
    }

    /** A list's version and size; empty for an unknown list. */
    public Optional<long[]> versionAndSize(int listId) {
        List<?> rows = em.createNativeQuery("SELECT version, size FROM status_list WHERE id = ?1")
                .setParameter(1, listId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] c = (Object[]) rows.get(0);
        return Optional.of(new long[] {((Number) c[0]).longValue(), ((Number) c[1]).longValue()});
    }

    /** The entries that are not VALID, as (idx, status) pairs: all a list needs to be rebuilt. */
    public List<int[]> setEntries(int listId) {
        List<?> rows = em.createNativeQuery("SELECT idx, status FROM credential_status WHERE list_id = ?1 AND status <> 0")
                .setParameter(1, listId).getResultList();
        List<int[]> entries = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] c = (Object[]) row;
            entries.add(new int[] {((Number) c[0]).intValue(), ((Number) c[1]).intValue()});
        }
        return entries;
    }
}
