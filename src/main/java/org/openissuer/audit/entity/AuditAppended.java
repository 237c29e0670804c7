package org.openissuer.audit.entity;

import java.util.List;

/**
 * The rows one append wrote: a CDI event, fired inside the transaction they commit with, for
 * observers that act once that transaction has committed ({@code during = AFTER_SUCCESS}).
 */
public record AuditAppended(List<IssuanceEvent> rows) {
}
