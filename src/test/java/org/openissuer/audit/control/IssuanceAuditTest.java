package org.openissuer.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.openissuer.audit.entity.AuditContext;
import org.openissuer.audit.entity.IssuanceEvent;

class IssuanceAuditTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 123_456_000, ZoneOffset.UTC);
    private static final AuditContext CONTEXT = AuditContext.of("req-1", "credential", "127.0.0.1");

    @Test
    void writesAllRowsOfAnAppendInOneStatementInListOrder() {
        IssuanceAudit.Statement statement = IssuanceAudit.statement(List.of(IssuanceEvent.requestStarted(CONTEXT, AT),
                IssuanceEvent.requestFailed(CONTEXT, "invalid_nonce", "stale", AT)));

        assertTrue(statement.sql().startsWith("WITH appended AS (INSERT INTO issuance_event (occurred_at, event, request_id,"));
        // the ids come back, ascending: the rows' in list order, for observers that need them (webhooks)
        assertTrue(statement.sql().endsWith(" RETURNING id) SELECT id FROM appended ORDER BY id"));
        assertEquals(2, statement.sql().split("\\), \\(").length, "two VALUES tuples in one statement");
        // the database assigns identity ids in VALUES order: started before failed
        assertTrue(statement.parameters().indexOf("request_started") < statement.parameters().lastIndexOf("request_failed"));
        assertEquals("2026-11-23T10:00:00.123456Z", statement.parameters().get(0));
        assertTrue(statement.sql().contains("CAST(?1 AS timestamptz)"));
    }

    @Test
    void aRowHoldsItsTimeToTheMicrosecondAsTheDatabaseKeepsIt() {
        OffsetDateTime withNanos = AT.plusNanos(789);

        IssuanceAudit.Statement statement = IssuanceAudit.statement(List.of(IssuanceEvent.requestStarted(CONTEXT, withNanos)));

        // cut, not rounded by the database: observers (webhooks) see the time the events API reads back
        assertEquals("2026-11-23T10:00:00.123456Z", statement.parameters().get(0));
    }

    @Test
    void absentValuesAreNullLiteralsAndPresentOnesAreNumberedParameters() {
        IssuanceAudit.Statement statement = IssuanceAudit.statement(List.of(IssuanceEvent.requestStarted(CONTEXT, AT)));

        // occurred_at, event, request_id, endpoint, client_address: the rest of a bare request_started is NULL
        assertEquals(List.of("2026-11-23T10:00:00.123456Z", "request_started", "req-1", "credential", "127.0.0.1"),
                statement.parameters());
        assertEquals(IssuanceEvent.COLUMNS.size() - 5, statement.sql().split("NULL", -1).length - 1);
        assertTrue(statement.sql().contains("?5"));
        assertFalse(statement.sql().contains("?6"));
    }

    @Test
    void valuesNeverBecomeSqlText() {
        String hostile = "x'); DROP TABLE issuance_event; --";
        IssuanceAudit.Statement statement = IssuanceAudit.statement(List.of(IssuanceEvent.requestFailed(
                AuditContext.of(hostile, "credential", hostile), "invalid_request", hostile, AT)));

        assertFalse(statement.sql().contains("DROP"));
        assertEquals(3, statement.parameters().stream().filter(hostile::equals).count());
    }

    @Test
    void writesTheTimeAtTheDatabasesPrecisionCutNotRounded() {
        OffsetDateTime fine = AT.withNano(589_790_999);
        IssuanceAudit.Statement statement = IssuanceAudit.statement(List.of(IssuanceEvent.requestStarted(CONTEXT, fine)));
        assertEquals("2026-11-23T10:00:00.58979Z", statement.parameters().get(0));
    }

    @Test
    void everyColumnHasAValueSlot() {
        assertEquals(IssuanceEvent.COLUMNS.size(), IssuanceEvent.requestStarted(CONTEXT, AT).columnValues().length);
    }
}
