-- What auditors need to know about each issued credential and each step of the
-- pre-authorized code flow. Values of claims are never stored: only their names.
ALTER TABLE issuance_event
    ADD COLUMN token_id                    varchar(255),
    ADD COLUMN credential_configuration_id varchar(255),
    ADD COLUMN vct                         varchar(1024),
    ADD COLUMN format                      varchar(32),
    ADD COLUMN dialect                     varchar(16),
    ADD COLUMN holder_key_thumbprint       varchar(64),
    ADD COLUMN credential_id               varchar(64),
    ADD COLUMN credential_digest           varchar(64),
    ADD COLUMN disclosed_claims            text,
    ADD COLUMN offer_id                    varchar(64);

ALTER TABLE issuance_event DROP CONSTRAINT issuance_event_event_known;
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_event_known CHECK (event IN (
    'request_started', 'credential_issued', 'request_failed',
    'offer_created', 'offer_revoked', 'offer_redeemed', 'token_issued'));

-- A credential row carries everything needed to find the credential again
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_credential_complete CHECK (
    event <> 'credential_issued' OR (credential_id IS NOT NULL AND credential_digest IS NOT NULL
        AND holder_key_thumbprint IS NOT NULL AND credential_configuration_id IS NOT NULL));
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_dialect_known CHECK (dialect IN ('1.0', 'draft-13'));
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_disclosed_claims_json CHECK (
    disclosed_claims IS NULL OR json_typeof(disclosed_claims::json) = 'array');

CREATE INDEX issuance_event_holder_key_idx ON issuance_event (holder_key_thumbprint, occurred_at)
    WHERE holder_key_thumbprint IS NOT NULL;
CREATE INDEX issuance_event_configuration_idx ON issuance_event (credential_configuration_id, occurred_at)
    WHERE credential_configuration_id IS NOT NULL;
CREATE INDEX issuance_event_offer_idx ON issuance_event (offer_id, occurred_at) WHERE offer_id IS NOT NULL;
CREATE UNIQUE INDEX issuance_event_credential_id_idx ON issuance_event (credential_id) WHERE credential_id IS NOT NULL;

COMMENT ON COLUMN issuance_event.event IS 'request_started | credential_issued (one row per credential) | request_failed | offer_created | offer_revoked | offer_redeemed | token_issued';
COMMENT ON COLUMN issuance_event.token_id IS 'jti of the access token the request presented (or the token endpoint issued)';
COMMENT ON COLUMN issuance_event.credential_configuration_id IS 'Credential configuration requested or issued';
COMMENT ON COLUMN issuance_event.vct IS 'SD-JWT VC type of the issued credential';
COMMENT ON COLUMN issuance_event.format IS 'Credential format: dc+sd-jwt, or vc+sd-jwt for draft-13 wallets that ask for it';
COMMENT ON COLUMN issuance_event.dialect IS 'Protocol dialect of the credential request: 1.0 or draft-13';
COMMENT ON COLUMN issuance_event.holder_key_thumbprint IS 'RFC 7638 SHA-256 thumbprint (base64url) of the key the credential is bound to (cnf.jwk)';
COMMENT ON COLUMN issuance_event.credential_id IS 'The issuer''s identifier of the issued credential';
COMMENT ON COLUMN issuance_event.credential_digest IS 'Hex SHA-256 of the issued SD-JWT as sent (issuer JWT and every disclosure)';
COMMENT ON COLUMN issuance_event.disclosed_claims IS 'JSON array of the claim paths put in the credential (names only, never values)';
COMMENT ON COLUMN issuance_event.offer_id IS 'Credential offer of the pre-authorized code flow this row belongs to';
