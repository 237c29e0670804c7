package org.openissuer.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openissuer.audit.entity.AuditContext;
import org.openissuer.error.IssuerError;
import org.openissuer.error.IssuerException;

class RequestAuditTest {

    private static final IssuerException BAD_GRANT = new IssuerException(IssuerError.INVALID_GRANT, "unknown code");

    /** What would have been written: "failed" (request_failed alone) or "started+failed", with the context. */
    private final List<String> written = new ArrayList<>();
    private final List<AuditContext> contexts = new ArrayList<>();

    private final Refusals refusals = new Refusals() {
        @Override
        public void record(AuditContext context, String errorCode, String description) {
            written.add("failed " + errorCode + ": " + description);
            contexts.add(context);
        }

        @Override
        public void recordRequest(AuditContext context, String errorCode, String description) {
            written.add("started+failed " + errorCode + ": " + description);
            contexts.add(context);
        }
    };

    private final RequestAudit audit = new RequestAudit(refusals);

    private static AuditContext start(String endpoint) {
        return AuditContext.of("req-1", endpoint, "203.0.113.7");
    }

    @Test
    void aRequestThatIsNotAuditedLeavesNoRow() {
        audit.refused(BAD_GRANT);
        audit.failed(new IllegalStateException());
        assertEquals(List.of(), written);
        assertThrows(IllegalStateException.class, audit::context);
    }

    @Test
    void aRefusalIsRecordedOnceWithWhatTheRequestRevealed() {
        audit.begin(start("token"), false, false);
        audit.enrich(c -> c.withOffer("offer-1", "alice"));
        audit.refused(BAD_GRANT);
        audit.refused(BAD_GRANT);
        assertEquals(List.of("failed invalid_grant: unknown code"), written);
        AuditContext recorded = contexts.get(0);
        assertEquals("token", recorded.endpoint());
        assertEquals(Optional.of("203.0.113.7"), recorded.clientAddress());
        assertEquals(Optional.of("offer-1"), recorded.offerId());
        assertEquals(Optional.of("alice"), recorded.subject());
    }

    @Test
    void anEndpointWhoseRequestsStartOnRecordRecordsTheRefusalAsStartedAndFailed() {
        audit.begin(start("credential"), true, false);
        audit.refused(new IssuerException(IssuerError.INVALID_TOKEN, "expired"));
        assertEquals(List.of("started+failed invalid_token: expired"), written);
    }

    @Test
    void aRateLimitedRequestIsStartedAndFailedAtEveryEndpoint() {
        audit.begin(start("token"), false, false);
        audit.refused(IssuerException.retryAfter(IssuerError.TEMPORARILY_UNAVAILABLE, "too many requests", 3));
        assertEquals(List.of("started+failed temporarily_unavailable: too many requests"), written);
    }

    @Test
    void nothingIsRecordedOnceTheOutcomeIsOnRecord() {
        audit.begin(start("credential"), true, true);
        audit.close();
        audit.refused(new IssuerException(IssuerError.INVALID_NONCE, "stale"));
        audit.failed(new IllegalStateException());
        assertEquals(List.of(), written);
    }

    @Test
    void aFaultIsRecordedOnlyWhereTheEndpointAsksForIt() {
        audit.begin(start("token"), false, false);
        audit.failed(new IllegalStateException("boom"));
        assertEquals(List.of(), written);

        audit.begin(start("credential"), true, true);
        audit.failed(new SQLTransientConnectionException("secret detail"));
        // the class name, never the message: it may carry internals
        assertEquals(List.of("started+failed server_error: internal error: SQLTransientConnectionException"), written);
    }
}
