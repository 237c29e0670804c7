package org.openissuer.notification.entity;

import java.util.List;

/** A stored notification_id, as looked up by its hash: whose it is and which credentials it covers. */
public record NotificationGrant(String tokenKey, String subject, List<String> credentialIds) {

    public NotificationGrant {
        credentialIds = List.copyOf(credentialIds);
    }
}
