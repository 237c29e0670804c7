package org.openissuer.platform;

/**
 * Every path the issuer serves, relative to its identifier: written once, used in the resources'
 * {@code @Path} and in the metadata that announces them (OpenID4VCI 1.0 §12.2.4, RFC 8414 §2).
 */
public final class Endpoints {

    public static final String CREDENTIAL = "/oid4vci/credential";
    public static final String NONCE = "/oid4vci/nonce";
    /** OID4VCI 1.0 §11: the wallet reports what became of the credentials of one response. */
    public static final String NOTIFICATION = "/oid4vci/notification";
    /** OID4VCI 1.0 §9: the wallet collects deferred credentials with the transaction_id of a 202. */
    public static final String DEFERRED_CREDENTIAL = "/oid4vci/deferred_credential";
    public static final String TOKEN = "/oid4vci/token";
    public static final String JWKS = "/oid4vci/jwks";
    /** Offers by reference (§4.1.3): {@code credential_offer_uri} points below this path. */
    public static final String CREDENTIAL_OFFERS = "/oid4vci/credential-offers";
    public static final String ADMIN_CREDENTIAL_OFFERS = "/admin/credential-offers";
    /** Token Status Lists (draft-ietf-oauth-status-list-21): {@code status.status_list.uri} points below this path. */
    public static final String STATUS_LISTS = "/status-lists";
    /** The trust anchor (IACA root) of the credential signing key's certificates, as {@code iaca.pem} below it. */
    public static final String CERTIFICATES = "/certificates";
    public static final String ADMIN_CREDENTIAL_STATUS = "/admin/credential-status";
    public static final String ADMIN_DEFERRED_CREDENTIALS = "/admin/deferred-credentials";
    public static final String ADMIN_EVENTS = "/admin/events";
    public static final String ADMIN_WEBHOOK_DELIVERIES = "/admin/webhook-deliveries";

    /**
     * Prometheus metrics of the issuer (docs/metrics.md): for the operator's scraper, not for the
     * internet. Not below /metrics, which Liberty's MicroProfile Metrics serves on the same port.
     */
    public static final String METRICS = "/internal/metrics";

    private Endpoints() {
    }
}
