package org.openissuer.credential.entity;

/**
 * A stored deferred transaction as the wallet and the audit trail know it.
 *
 * @param id            the public handle (back office, audit trail)
 * @param transactionId the wallet's secret (OID4VCI 1.0 §8.3 transaction_id); only its hash is stored
 * @param interval      seconds the wallet should wait before it polls (§8.3 interval)
 */
public record DeferredTicket(String id, String transactionId, long interval) {
}
