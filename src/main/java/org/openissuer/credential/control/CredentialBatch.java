package org.openissuer.credential.control;

import java.util.ArrayList;
import java.util.List;

import org.openissuer.notification.entity.IssuedNotification;

/**
 * The credentials of one response: their ids and the notification_id standing for them all are
 * fixed before the transaction (OID4VCI 1.0 §8.3, §11), the signed credentials added inside it.
 */
public final class CredentialBatch {

    private final List<String> credentialIds;
    private final IssuedNotification notification;
    private final List<String> credentials = new ArrayList<>();

    CredentialBatch(List<String> credentialIds, IssuedNotification notification) {
        this.credentialIds = List.copyOf(credentialIds);
        this.notification = notification;
    }

    public List<String> credentialIds() {
        return credentialIds;
    }

    public IssuedNotification notification() {
        return notification;
    }

    /** The serialized credentials, in the order of the holder keys. */
    public List<String> credentials() {
        return List.copyOf(credentials);
    }

    void add(String credential) {
        credentials.add(credential);
    }
}
