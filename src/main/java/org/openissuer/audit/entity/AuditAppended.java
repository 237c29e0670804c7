package org.openissuer.audit.entity;

import java.util.List;

/**
 * The rows one append wrote, and the ids the trail gave them (in the same order): a CDI event,
 * fired inside the transaction they commit with. Observers that count act once that transaction
 * has committed ({@code during = AFTER_SUCCESS}); observers that must write with the rows (the
 * webhook outbox) act at once, in the transaction ({@code IN_PROGRESS}, the default).
 */
public record AuditAppended(List<IssuanceEvent> rows, List<Long> ids) {

    public AuditAppended {
        rows = List.copyOf(rows);
        ids = List.copyOf(ids);
        if (rows.size() != ids.size()) {
            throw new IllegalArgumentException(rows.size() + " rows with " + ids.size() + " ids");
        }
    }
}
