package org.openissuer.ratelimit.entity;

/** What is limited: an endpoint and the kind of key it counts by, each with its own setting. */
public enum Limited {
    CREDENTIAL_PER_PRINCIPAL("credential", "per-principal", 600),
    CREDENTIAL_PER_ADDRESS("credential", "per-address", 6_000),
    NONCE_PER_ADDRESS("nonce", "per-address", 6_000),
    TOKEN_PER_ADDRESS("token", "per-address", 600);

    private final String endpoint;
    private final String kind;
    private final int defaultLimit;

    Limited(String endpoint, String kind, int defaultLimit) {
        this.endpoint = endpoint;
        this.kind = kind;
        this.defaultLimit = defaultLimit;
    }

    public String endpoint() {
        return endpoint;
    }

    /** issuer.rate-limit.&lt;endpoint&gt;.&lt;kind&gt;: requests per window. */
    public String property() {
        return "issuer.rate-limit." + endpoint + "." + kind;
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public String describe() {
        return endpoint + " requests " + ("per-principal".equals(kind) ? "for this principal" : "from this address");
    }

    /** The bucket key's prefix; the value itself is hashed (see SharedWindowLimiter). */
    public String prefix() {
        return endpoint + ":" + kind + ":";
    }
}
