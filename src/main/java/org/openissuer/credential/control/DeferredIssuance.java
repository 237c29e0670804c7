package org.openissuer.credential.control;

import org.openissuer.credential.entity.DeferredTicket;
import org.openissuer.credential.entity.PendingCredential;

/**
 * Where a deferred request waits for the back office (OID4VCI 1.0 §8.3, §9). An interface here so
 * that the credential endpoint does not depend on the feature that stores and delivers them.
 */
public interface DeferredIssuance {

    /** Stores the request inside the issuance transaction, which commits it with the spent nonces and its audit rows. */
    DeferredTicket defer(PendingCredential pending);
}
