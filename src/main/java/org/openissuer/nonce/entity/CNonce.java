package org.openissuer.nonce.entity;

import java.time.Instant;

/** A c_nonce handed to a wallet (OID4VCI 1.0 §7): the sealed value and when it stops being accepted. */
public record CNonce(String value, Instant expiresAt) {
}
