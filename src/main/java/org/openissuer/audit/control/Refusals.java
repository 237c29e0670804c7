package org.openissuer.audit.control;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;
import org.openissuer.error.DatabaseOutage;
import org.openissuer.error.IssuerException;

/** Puts a refused request on record, in its own transaction: the refusal itself changed nothing. */
@ApplicationScoped
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    private final IssuanceAudit audit;

    @Inject
    public Refusals(IssuanceAudit audit) {
        this.audit = audit;
    }

    protected Refusals() {
        this(null);
    }

    public void record(AuditContext context, IssuerException refusal) {
        record(context, refusal.error().code(), refusal.description());
    }

    /** A refusal that is not a protocol error (an internal fault): its code and a safe description. */
    public void record(AuditContext context, String errorCode, String description) {
        write(context, errorCode, List.of(IssuanceEvent.requestFailed(context, errorCode, description, audit.now())));
    }

    /** A request refused before anything else recorded it, e.g. over a rate limit: started and failed. */
    public void recordRequest(AuditContext context, IssuerException refusal) {
        recordRequest(context, refusal.error().code(), refusal.description());
    }

    /** The same for a failure that is not a protocol error (an internal fault): its code and a safe description. */
    public void recordRequest(AuditContext context, String errorCode, String description) {
        write(context, errorCode, List.of(IssuanceEvent.requestStarted(context, audit.now()),
                IssuanceEvent.requestFailed(context, errorCode, description, audit.now())));
    }

    private void write(AuditContext context, String errorCode, List<IssuanceEvent> events) {
        try {
            audit.appendAlone(events);
        } catch (RuntimeException e) {
            if (DatabaseOutage.in(e)) {
                LOG.warning(() -> "Database unreachable: cannot record refused request " + context.requestId() + " ("
                        + errorCode + ") in the audit trail");
                return;
            }
            // the client still gets its answer; the log keeps what the trail could not (a gap auditors must hear of)
            LOG.log(Level.SEVERE, "Cannot record refused request " + context.requestId() + " (" + errorCode
                    + ") in the audit trail", e);
        }
    }
}
