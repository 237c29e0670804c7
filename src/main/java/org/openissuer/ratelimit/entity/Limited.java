package org.openissuer.ratelimit.entity;

/** What is limited: an endpoint and the kind of key it counts by, each with its own setting. */
public enum Limited {
    CREDENTIAL_PER_PRINCIPAL("credential", "per-principal"),
    CREDENTIAL_PER_ADDRESS("credential", "per-address"),
    DEFERRED_PER_ADDRESS("deferred", "per-address"),
    NONCE_PER_ADDRESS("nonce", "per-address"),
    NOTIFICATION_PER_ADDRESS("notification", "per-address"),
    TOKEN_PER_ADDRESS("token", "per-address");

    private final String endpoint;
    private final String kind;

    Limited(String endpoint, String kind) {
        this.endpoint = endpoint;
        this.kind = kind;
    }

    public String endpoint() {
        return endpoint;
    }

    /** issuer.rate-limit.&lt;endpoint&gt;.&lt;kind&gt;: requests per window (default in microprofile-config.properties). */
    public String property() {
        return "issuer.rate-limit." + endpoint + "." + kind;
    }

    public String describe() {
        return endpoint + " requests " + ("per-principal".equals(kind) ? "for this principal" : "from this address");
    }

    /** The bucket key's prefix; the value itself is hashed (see SharedWindowLimiter). */
    public String prefix() {
        return endpoint + ":" + kind + ":";
    }
}
