package org.openissuer.notification.control;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.openissuer.notification.entity.IssuedNotification;
import org.openissuer.notification.entity.NotificationGrant;
import org.openissuer.platform.Jsonp;

/** The credential_notification table (db/migrations/V009): one row per credential response. */
@ApplicationScoped
public class NotificationLedger {

    @PersistenceContext(unitName = "issuer")
    EntityManager em;

    /**
     * One statement in the issuance's transaction: the id exists exactly when its credentials do.
     * Parameters are strings and a missing client id the literal NULL, as in the audit writer: both
     * JPA providers bind them alike.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(IssuedNotification notification, OffsetDateTime at) {
        JsonArrayBuilder ids = Jsonp.PROVIDER.createArrayBuilder();
        notification.credentialIds().forEach(ids::add);
        Query insert = em.createNativeQuery("INSERT INTO credential_notification (notification_hash, token_key, subject,"
                + " credential_ids, issued_at, client_id) VALUES (?1, ?2, ?3, ?4, CAST(?5 AS timestamptz), "
                + (notification.clientId().isPresent() ? "?6" : "NULL") + ")");
        insert.setParameter(1, NotificationIds.sha256(notification.id()));
        insert.setParameter(2, notification.tokenKey());
        insert.setParameter(3, notification.subject());
        insert.setParameter(4, ids.build().toString());
        insert.setParameter(5, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at));
        notification.clientId().ifPresent(c -> insert.setParameter(6, c));
        insert.executeUpdate();
    }

    public Optional<NotificationGrant> find(String notificationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT token_key, subject, credential_ids FROM credential_notification"
                + " WHERE notification_hash = ?1").setParameter(1, NotificationIds.sha256(notificationId)).getResultList();
        return rows.stream().findFirst().map(r -> new NotificationGrant((String) r[0], (String) r[1], ids((String) r[2])));
    }

    private static List<String> ids(String json) {
        try (JsonReader reader = Jsonp.PROVIDER.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
