package org.openissuer.credential.control;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.openissuer.audit.control.IssuanceAudit;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.nonce.control.Nonces;
import org.openissuer.nonce.entity.CNonce;

/**
 * The one transaction of a credential request: consume the proofs' nonces, append the audit
 * rows. It always commits: a refused nonce leaves the others consumed and the refusal on record.
 */
@ApplicationScoped
public class IssuanceTransaction {

    @Inject
    Nonces nonces;

    @Inject
    IssuanceAudit audit;

    /** What committed: whether every nonce was live, and a fresh nonce when one was asked for. */
    public record Outcome(boolean accepted, Optional<CNonce> freshNonce) {
    }

    @Transactional
    public Outcome commit(List<String> proofNonces, List<IssuanceEvent> onSuccess, List<IssuanceEvent> onRefusal,
            boolean wantFreshNonce) {
        // OID4VCI 1.0 Appendix F.4 / SD notes: each c_nonce is single-use; several proofs of one batch may share one
        boolean accepted = true;
        for (String nonce : new LinkedHashSet<>(proofNonces)) {
            accepted &= nonces.consume(nonce);
        }
        List<IssuanceEvent> rows = new ArrayList<>(accepted ? onSuccess : onRefusal);
        audit.append(rows);
        return new Outcome(accepted, wantFreshNonce ? Optional.of(nonces.issue()) : Optional.empty());
    }
}
