package org.openissuer.audit.control;

import java.util.function.UnaryOperator;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;
import org.openissuer.error.RefusalRecorder;

/**
 * The audit context of the current request, opened by the request audit filter and enriched by the
 * code that learns more (the token's subject, the offer, the credential asked for). The error
 * mappers record a refusal from it: once per request, and not where the outcome is already on
 * record (a refusal that committed with the nonce and jti it consumed, or an issued credential).
 */
@RequestScoped
public class RequestAudit implements RefusalRecorder {

    private final Refusals refusals;
    private AuditContext context;
    private boolean startsRequest;
    private boolean faults;
    private boolean closed;

    /** For the CDI proxy only. */
    protected RequestAudit() {
        this.refusals = null;
    }

    @Inject
    public RequestAudit(Refusals refusals) {
        this.refusals = refusals;
    }

    /**
     * @param startsRequest whether a refusal is on record as request_started and request_failed
     * @param faults whether a fault that is not a protocol error is on record too
     */
    public void begin(AuditContext start, boolean startsRequest, boolean faults) {
        this.context = start;
        this.startsRequest = startsRequest;
        this.faults = faults;
        this.closed = false;
    }

    /** The context as far as the request has revealed itself. */
    public AuditContext context() {
        if (context == null) {
            throw new IllegalStateException("this request's resource is not @Audited");
        }
        return context;
    }

    /** Adds what the caller learnt, for every later row of the request; returns the new context. */
    public AuditContext enrich(UnaryOperator<AuditContext> more) {
        context = more.apply(context());
        return context;
    }

    /**
     * Nothing that fails from here on goes on record: the outcome committed with the work it
     * describes, or the rest of the request (a read) changes nothing.
     */
    public void close() {
        closed = true;
    }

    @Override
    public void refused(IssuerException refusal) {
        if (!open()) {
            return;
        }
        closed = true;
        // a rate-limited request is on record as started and refused at every endpoint that limits
        if (startsRequest || refusal.error() == IssuerError.TEMPORARILY_UNAVAILABLE) {
            refusals.recordRequest(context, refusal);
        } else {
            refusals.record(context, refusal);
        }
    }

    @Override
    public void failed(Throwable fault) {
        if (!open() || !faults) {
            return;
        }
        closed = true;
        String code = IssuerError.SERVER_ERROR.code();
        String description = "internal error: " + fault.getClass().getSimpleName();
        if (startsRequest) {
            refusals.recordRequest(context, code, description);
        } else {
            refusals.record(context, code, description);
        }
    }

    private boolean open() {
        return context != null && !closed;
    }
}
