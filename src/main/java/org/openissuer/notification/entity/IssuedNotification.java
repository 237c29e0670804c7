package org.openissuer.notification.entity;

import java.util.List;
import java.util.Optional;

/**
 * The notification_id of one credential response (OID4VCI 1.0 §8.3) and what it stands for: the
 * credentials of that response, issued to one access token.
 *
 * @param id            sent to the wallet; only its hash is stored
 * @param tokenKey      identifies the access token the credentials were issued to
 * @param credentialIds the audit trail's credential_id of each credential of the response
 */
public record IssuedNotification(String id, String tokenKey, String subject, Optional<String> clientId,
        List<String> credentialIds) {

    public IssuedNotification {
        credentialIds = List.copyOf(credentialIds);
    }
}
