package org.openissuer.dpop.entity;

import java.time.Instant;
import java.util.Optional;

/**
 * A DPoP proof whose signature, type, key and claims have been checked (RFC 9449 §4.3).
 *
 * @param thumbprint   RFC 7638 SHA-256 thumbprint of the proof's jwk: the token's cnf.jkt (§6.1)
 * @param jti          the proof's unique identifier, accepted once (§11.1)
 * @param issuedAt     iat
 * @param contentDigest the MATTR-style htcd claim, when the proof has one
 */
public record DPoPProof(String thumbprint, String jti, Instant issuedAt, Optional<String> contentDigest) {
}
