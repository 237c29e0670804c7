package org.openissuer.notification.entity;

import java.util.Arrays;
import java.util.Optional;

import org.openissuer.audit.entity.IssuanceEvent;

/** OID4VCI 1.0 §11.1: what the wallet reports about the credentials of one response. */
public enum NotificationEvent {
    CREDENTIAL_ACCEPTED("credential_accepted", IssuanceEvent.Kind.CREDENTIAL_ACCEPTED),
    CREDENTIAL_FAILURE("credential_failure", IssuanceEvent.Kind.CREDENTIAL_FAILURE),
    CREDENTIAL_DELETED("credential_deleted", IssuanceEvent.Kind.CREDENTIAL_DELETED);

    private final String wire;
    private final IssuanceEvent.Kind auditKind;

    NotificationEvent(String wire, IssuanceEvent.Kind auditKind) {
        this.wire = wire;
        this.auditKind = auditKind;
    }

    public static Optional<NotificationEvent> of(String wire) {
        return Arrays.stream(values()).filter(e -> e.wire.equals(wire)).findFirst();
    }

    public String wire() {
        return wire;
    }

    /** The audit trail's event of the same name. */
    public IssuanceEvent.Kind auditKind() {
        return auditKind;
    }
}
