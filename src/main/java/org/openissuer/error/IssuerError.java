package org.openissuer.error;

/**
 * Every error the issuer puts on the wire, with its code and HTTP status.
 * {@link ErrorResponses} is the only place that turns one into a response.
 */
public enum IssuerError {
    // RFC 6749 §5.2 / generic request errors
    INVALID_REQUEST("invalid_request", 400),
    INVALID_GRANT("invalid_grant", 400),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type", 400),
    // OID4VCI 1.0 §8.3.1.2
    INVALID_CREDENTIAL_REQUEST("invalid_credential_request", 400),
    UNKNOWN_CREDENTIAL_CONFIGURATION("unknown_credential_configuration", 400),
    UNKNOWN_CREDENTIAL_IDENTIFIER("unknown_credential_identifier", 400),
    INVALID_PROOF("invalid_proof", 400),
    INVALID_NONCE("invalid_nonce", 400),
    INVALID_ENCRYPTION_PARAMETERS("invalid_encryption_parameters", 400),
    CREDENTIAL_REQUEST_DENIED("credential_request_denied", 400),
    // OID4VCI 1.0 §9.3; issuance_pending is drafts 13 to 15 §9.3 (1.0 answers a pending poll 202)
    INVALID_TRANSACTION_ID("invalid_transaction_id", 400),
    ISSUANCE_PENDING("issuance_pending", 400),
    // OID4VCI 1.0 §11.3
    INVALID_NOTIFICATION_ID("invalid_notification_id", 400),
    INVALID_NOTIFICATION_REQUEST("invalid_notification_request", 400),
    // OID4VCI draft 13 §7.3.1.2, for wallets that still speak it
    UNSUPPORTED_CREDENTIAL_TYPE("unsupported_credential_type", 400),
    UNSUPPORTED_CREDENTIAL_FORMAT("unsupported_credential_format", 400),
    // RFC 9449 §5, §7.1, §8: 400 at the token endpoint, 401 with a DPoP challenge at the credential endpoint
    INVALID_DPOP_PROOF("invalid_dpop_proof", 400),
    USE_DPOP_NONCE("use_dpop_nonce", 400),
    // RFC 6750 §3.1
    INVALID_TOKEN("invalid_token", 401),
    INSUFFICIENT_SCOPE("insufficient_scope", 403),
    // The product's own API contract
    ACCESS_DENIED("access_denied", 403),
    NOT_FOUND("not_found", 404),
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    NOT_ACCEPTABLE("not_acceptable", 406),
    // the back-office API: the request is well formed but the resource's state forbids it
    CONFLICT("conflict", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable", 429),
    // RFC 9110 §15.6.4: the database is unreachable; the same code as the rate limit, but the server's fault
    SERVICE_UNAVAILABLE("temporarily_unavailable", 503),
    SERVER_ERROR("server_error", 500);

    private final String code;
    private final int status;

    IssuerError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
