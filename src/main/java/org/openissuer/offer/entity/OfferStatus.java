package org.openissuer.offer.entity;

import java.util.Locale;

/** Where an offer stands, as the back-office API reports it. */
public enum OfferStatus {
    PENDING, REDEEMED, EXPIRED, REVOKED,
    /** Too many wrong transaction codes (OID4VCI 1.0 §13.6.3): the code can no longer be redeemed. */
    INVALIDATED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
