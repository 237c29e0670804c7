-- OID4VCI 1.0 §4.1: credential offers created through the back-office API, redeemed once at the
-- token endpoint with their pre-authorized code (§6.1). Secrets are never stored:
--   reference_hash  SHA-256 of the secret in credential_offer_uri (the by-reference endpoint)
--   code_hash       SHA-256 of the pre-authorized code, which is derived from that reference
--   tx_code_hash    salted PBKDF2 of the transaction code
-- A code is redeemed by the one atomic
--   UPDATE credential_offer SET redeemed_at = ? WHERE id = ? AND redeemed_at IS NULL AND revoked_at IS NULL
--     AND invalidated_at IS NULL AND expires_at > ?
-- whose row count decides which of any number of concurrent token requests wins.
CREATE TABLE credential_offer (
    id                           varchar(43)  PRIMARY KEY,
    reference_hash               varchar(43)  NOT NULL,
    code_hash                    varchar(43)  NOT NULL,
    credential_configuration_ids text         NOT NULL,
    subject                      varchar(255) NOT NULL,
    claims                       text         NOT NULL,
    tx_code_hash                 varchar(160),
    tx_code_length               smallint,
    tx_code_description          varchar(300),
    tx_code_attempts             integer      NOT NULL DEFAULT 0,
    created_by                   varchar(255) NOT NULL,
    created_at                   timestamptz  NOT NULL,
    expires_at                   timestamptz  NOT NULL,
    redeemed_at                  timestamptz,
    redeemed_from                varchar(64),
    token_id                     varchar(64),
    revoked_at                   timestamptz,
    revoked_by                   varchar(255),
    invalidated_at               timestamptz,
    CONSTRAINT credential_offer_reference_unique UNIQUE (reference_hash),
    CONSTRAINT credential_offer_code_unique UNIQUE (code_hash),
    CONSTRAINT credential_offer_expires_after_creation CHECK (expires_at > created_at),
    CONSTRAINT credential_offer_configurations_json CHECK (json_typeof(credential_configuration_ids::json) = 'array'),
    CONSTRAINT credential_offer_claims_json CHECK (json_typeof(claims::json) = 'object'),
    CONSTRAINT credential_offer_tx_code_complete CHECK ((tx_code_hash IS NULL) = (tx_code_length IS NULL)),
    CONSTRAINT credential_offer_tx_code_length CHECK (tx_code_length BETWEEN 4 AND 12),
    CONSTRAINT credential_offer_attempts_positive CHECK (tx_code_attempts >= 0),
    CONSTRAINT credential_offer_redeemed_once CHECK ((redeemed_at IS NULL) = (token_id IS NULL)),
    CONSTRAINT credential_offer_redeemed_or_revoked CHECK (redeemed_at IS NULL OR revoked_at IS NULL)
);

CREATE INDEX credential_offer_subject_idx ON credential_offer (subject, created_at);
CREATE INDEX credential_offer_expires_at_idx ON credential_offer (expires_at);

COMMENT ON TABLE credential_offer IS 'OID4VCI credential offers of the pre-authorized code flow, created by POST /admin/credential-offers';
COMMENT ON COLUMN credential_offer.id IS 'Public handle of the offer (back-office API, audit trail offer_id, access token offer_id)';
COMMENT ON COLUMN credential_offer.reference_hash IS 'base64url SHA-256 of the secret reference in credential_offer_uri';
COMMENT ON COLUMN credential_offer.code_hash IS 'base64url SHA-256 of the pre-authorized code';
COMMENT ON COLUMN credential_offer.claims IS 'JSON object: the data the credentials attest, validated against the configurations';
COMMENT ON COLUMN credential_offer.tx_code_hash IS 'pbkdf2-sha256$iterations$salt$hash of the transaction code; NULL when none is required';
COMMENT ON COLUMN credential_offer.tx_code_attempts IS 'Transaction code checks made so far; the code is refused once the configured maximum is reached';
COMMENT ON COLUMN credential_offer.redeemed_from IS 'Network address of the client that redeemed the code';
COMMENT ON COLUMN credential_offer.token_id IS 'jti of the access token the code was exchanged for';
COMMENT ON COLUMN credential_offer.invalidated_at IS 'When too many wrong transaction codes invalidated the code';
