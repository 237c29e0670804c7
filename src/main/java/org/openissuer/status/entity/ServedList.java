package org.openissuer.status.entity;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed Status List Token as served, with what HTTP caching needs: its gzip form and strong
 * ETags for both (RFC 9110 §8.8.3: a validator per representation), the list version it shows,
 * when it was last checked against the database and when it must be renewed.
 */
public record ServedList(int listId, long version, String jwt, byte[] gzipped, String etag, Instant expiresAt,
        Instant renewAt, Instant checkedAt) {

    public ServedList checked(Instant at) {
        return new ServedList(listId, version, jwt, gzipped, etag, expiresAt, renewAt, at);
    }

    public String gzipEtag() {
        return etag.substring(0, etag.length() - 1) + "-gzip\"";
    }

    /** Cache-Control max-age: the ttl, but never past the token's exp. */
    public long maxAgeSeconds(Duration ttl, Instant now) {
        return Math.max(0, Math.min(ttl.toSeconds(), Duration.between(now, expiresAt).toSeconds()));
    }
}
