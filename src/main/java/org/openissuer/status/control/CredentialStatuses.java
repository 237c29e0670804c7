package org.openissuer.status.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import org.openissuer.platform.SqlTimestamps;
import org.openissuer.status.entity.CredentialStatus;
import org.openissuer.status.entity.StatusChangeRequest.Selector;
import org.openissuer.status.entity.StatusValue;

/** The credentials' status entries as the back office reads and changes them. */
@ApplicationScoped
public class CredentialStatuses {

    private static final String COLUMNS = "credential_id, status, list_id, idx, subject, offer_id,"
            + " credential_configuration_id, allocated_at, expires_at, changed_at";

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    public Optional<CredentialStatus> byCredentialId(String credentialId) {
        return select(Selector.CREDENTIAL_ID, credentialId).stream().findFirst();
    }

    public List<CredentialStatus> select(Selector selector, String value) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM credential_status WHERE " + column(selector)
                + " = ?1 ORDER BY allocated_at, credential_id").setParameter(1, value).getResultList();
        List<CredentialStatus> result = new ArrayList<>(rows.size());
        for (Object row : rows) {
            result.add(status((Object[]) row));
        }
        return result;
    }

    /**
     * Sets the status of the selected entries whose status may change to it, in one statement,
     * and returns those it changed. Revoked entries never change (the database refuses it too).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CredentialStatus> change(Selector selector, String value, StatusValue to) {
        String from = switch (to) {
            case INVALID -> "status <> 1";
            case SUSPENDED -> "status = 0";
            case VALID -> "status = 2";
        };
        List<?> rows = em.createNativeQuery("WITH changed AS (UPDATE credential_status SET status = ?1, changed_at = now()"
                        + " WHERE " + column(selector) + " = ?2 AND " + from + " RETURNING " + COLUMNS + ")"
                        + " SELECT " + COLUMNS + " FROM changed")
                .setParameter(1, to.code()).setParameter(2, value).getResultList();
        List<CredentialStatus> result = new ArrayList<>(rows.size());
        for (Object row : rows) {
            result.add(status((Object[]) row));
        }
        return result;
    }

    /** Every instance rebuilds these lists at its next check. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(Collection<Integer> listIds) {
        for (Integer id : listIds) {
            em.createNativeQuery("UPDATE status_list SET version = version + 1 WHERE id = ?1").setParameter(1, id)
                    .executeUpdate();
        }
    }

    private static String column(Selector selector) {
        return switch (selector) {
            case CREDENTIAL_ID -> "credential_id";
            case SUBJECT -> "subject";
            case OFFER_ID -> "offer_id";
        };
    }

    private static CredentialStatus status(Object[] c) {
        return new CredentialStatus((String) c[0], StatusValue.ofCode(((Number) c[1]).intValue()), ((Number) c[2]).intValue(),
                ((Number) c[3]).intValue(), Optional.ofNullable((String) c[4]), Optional.ofNullable((String) c[5]),
                (String) c[6], SqlTimestamps.utc(c[7]), SqlTimestamps.utc(c[8]), Optional.ofNullable(c[9]).map(SqlTimestamps::utc));
    }
}
