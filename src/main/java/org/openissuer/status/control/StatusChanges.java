package org.openissuer.status.control;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.audit.entity.IssuanceEvent.Kind;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.status.entity.CredentialStatus;
import org.openissuer.status.entity.StatusChangeRequest;
import org.openissuer.status.entity.StatusChangeRequest.Selector;
import org.openissuer.status.entity.StatusChangeResult;

/**
 * The back office revokes, suspends and reinstates credentials: the entries, the lists' versions
 * and one audit row per changed credential commit together, in one short transaction.
 */
@ApplicationScoped
public class StatusChanges {

    private final CredentialStatuses statuses;
    private final IssuanceAudit audit;

    protected StatusChanges() {
        this(null, null);
    }

    @Inject
    public StatusChanges(CredentialStatuses statuses, IssuanceAudit audit) {
        this.statuses = statuses;
        this.audit = audit;
    }

    /**
     * @throws IssuerException NOT_FOUND for an unknown credential_id, CONFLICT when that one
     *         credential is revoked and asked to become anything else
     */
    @Transactional
    public StatusChangeResult change(StatusChangeRequest request, AuditContext context) {
        List<CredentialStatus> changed = statuses.change(request.selector(), request.value(), request.status());
        List<String> unchanged = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        if (changed.isEmpty() || request.selector() != Selector.CREDENTIAL_ID) {
            Set<String> changedIds = new TreeSet<>(changed.stream().map(CredentialStatus::credentialId).toList());
            List<CredentialStatus> selected = statuses.select(request.selector(), request.value());
            if (selected.isEmpty() && request.selector() == Selector.CREDENTIAL_ID) {
                throw new IssuerException(IssuerError.NOT_FOUND, "no credential with a status entry has this credential_id");
            }
            for (CredentialStatus s : selected) {
                if (changedIds.contains(s.credentialId())) {
                    continue;
                }
                (s.status() == request.status() ? unchanged : refused).add(s.credentialId());
            }
            if (!refused.isEmpty() && request.selector() == Selector.CREDENTIAL_ID) {
                throw new IssuerException(IssuerError.CONFLICT, "the credential is revoked: revocation is final");
            }
        }
        statuses.touch(new TreeSet<>(changed.stream().map(CredentialStatus::listId).toList()));
        Kind kind = switch (request.status()) {
            case INVALID -> Kind.CREDENTIAL_REVOKED;
            case SUSPENDED -> Kind.CREDENTIAL_SUSPENDED;
            case VALID -> Kind.CREDENTIAL_REINSTATED;
        };
        OffsetDateTime now = audit.now();
        audit.append(changed.stream().map(s -> IssuanceEvent.statusChanged(kind,
                context.withOffer(s.offerId().orElse(null), s.subject().orElse(null))
                        .withRequest(null, s.credentialConfigurationId(), null, null),
                s.credentialId(), request.reason(), now)).toList());
        return new StatusChangeResult(request.status(), changed.stream().map(CredentialStatus::credentialId).toList(),
                unchanged, refused);
    }

    public Optional<CredentialStatus> status(String credentialId) {
        return statuses.byCredentialId(credentialId);
    }
}
