-- Deferred issuance (OID4VCI 1.0 §8.3, §9): an offer may ask for the back office's approval before
-- its credentials are issued. The credential endpoint then checks the request as for immediate
-- issuance (token, proofs, nonces consumed, encryption) and answers 202 with a transaction_id; the
-- wallet polls the deferred credential endpoint with it and the same access token.
--
-- The transaction_id is a bearer secret of the wallet's: only its SHA-256 is stored. The public
-- handle (id) names the transaction in the back-office API and on the audit trail. A transaction
-- is delivered once, by the one atomic
--   UPDATE deferred_credential SET state = 'delivered', delivered_at = ? WHERE id = ?
--     AND state = 'approved' AND delivered_at IS NULL AND expires_at > ?
-- whose row count decides which of any number of concurrent polls builds and sends the credentials.
-- No signed credential is ever stored: they are built at that poll, from holder_keys and claims.

ALTER TABLE credential_offer
    ADD COLUMN issuance            varchar(16) NOT NULL DEFAULT 'immediate',
    ADD COLUMN deferred_expires_in integer,
    ADD CONSTRAINT credential_offer_issuance_known CHECK (issuance IN ('immediate', 'deferred')),
    ADD CONSTRAINT credential_offer_deferred_expiry CHECK (
        deferred_expires_in IS NULL OR (issuance = 'deferred' AND deferred_expires_in > 0));

COMMENT ON COLUMN credential_offer.issuance IS 'immediate: credentials at the credential request; deferred: 202 and a transaction_id, credentials once the back office approves';
COMMENT ON COLUMN credential_offer.deferred_expires_in IS 'Seconds a deferred transaction of this offer stays pending (NULL: issuer.deferred.lifetime-seconds)';

CREATE TABLE deferred_credential (
    id                          varchar(43)   PRIMARY KEY,
    transaction_hash            varchar(43)   NOT NULL,
    token_key                   varchar(43)   NOT NULL,
    token_id                    varchar(255),
    subject                     varchar(255)  NOT NULL,
    client_id                   varchar(255),
    offer_id                    varchar(64),
    credential_configuration_id varchar(255)  NOT NULL,
    vct                         varchar(1024),
    format                      varchar(32)   NOT NULL,
    dialect                     varchar(16)   NOT NULL,
    holder_keys                 text          NOT NULL,
    claims                      text          NOT NULL,
    state                       varchar(16)   NOT NULL DEFAULT 'pending',
    created_at                  timestamptz   NOT NULL,
    expires_at                  timestamptz   NOT NULL,
    approved_by                 varchar(255),
    approved_at                 timestamptz,
    rejected_by                 varchar(255),
    rejected_at                 timestamptz,
    rejection_reason            varchar(1024),
    expired_at                  timestamptz,
    delivered_at                timestamptz,
    CONSTRAINT deferred_credential_transaction_unique UNIQUE (transaction_hash),
    CONSTRAINT deferred_credential_state_known CHECK (state IN ('pending', 'approved', 'rejected', 'expired', 'delivered')),
    CONSTRAINT deferred_credential_dialect_known CHECK (dialect IN ('1.0', 'draft-15', 'draft-13', 'draft-13/15')),
    CONSTRAINT deferred_credential_expires_after_creation CHECK (expires_at > created_at),
    CONSTRAINT deferred_credential_holder_keys_json CHECK (json_typeof(holder_keys::json) = 'array'),
    CONSTRAINT deferred_credential_claims_json CHECK (json_typeof(claims::json) = 'object'),
    CONSTRAINT deferred_credential_approved CHECK ((approved_at IS NULL) = (approved_by IS NULL)),
    CONSTRAINT deferred_credential_rejected CHECK (
        (rejected_at IS NULL) = (rejected_by IS NULL) AND (rejected_at IS NULL) = (rejection_reason IS NULL)),
    CONSTRAINT deferred_credential_approved_or_rejected CHECK (approved_at IS NULL OR rejected_at IS NULL),
    CONSTRAINT deferred_credential_delivered_once CHECK ((state = 'delivered') = (delivered_at IS NOT NULL)),
    CONSTRAINT deferred_credential_delivered_approved CHECK (delivered_at IS NULL OR approved_at IS NOT NULL),
    CONSTRAINT deferred_credential_expired CHECK ((state = 'expired') = (expired_at IS NOT NULL))
);

-- the back office lists pending transactions oldest first; the sweep finds the ones past their time
CREATE INDEX deferred_credential_open_idx ON deferred_credential (state, created_at)
    WHERE state IN ('pending', 'approved');
CREATE INDEX deferred_credential_expiry_idx ON deferred_credential (expires_at)
    WHERE state IN ('pending', 'approved');
CREATE INDEX deferred_credential_subject_idx ON deferred_credential (subject, created_at);

COMMENT ON TABLE deferred_credential IS 'Deferred issuance transactions (OID4VCI 1.0 §9): the verified request, waiting for the back office';
COMMENT ON COLUMN deferred_credential.id IS 'Public handle: back-office API (/admin/deferred-credentials/{id}) and issuance_event.deferred_id';
COMMENT ON COLUMN deferred_credential.transaction_hash IS 'base64url SHA-256 of the transaction_id sent to the wallet';
COMMENT ON COLUMN deferred_credential.token_key IS 'base64url SHA-256 of the access token''s issuer and jti (as credential_notification.token_key): polls with another token are refused';
COMMENT ON COLUMN deferred_credential.holder_keys IS 'JSON array of {jwk, thumbprint}: the public keys the wallet proved possession of, one credential each';
COMMENT ON COLUMN deferred_credential.claims IS 'JSON object: the data to attest; the offer''s at the request, replaced by the back office''s at approval when it sends some';
COMMENT ON COLUMN deferred_credential.state IS 'pending | approved | rejected | expired | delivered';

-- The audit trail: the 202, the back office's decisions, the expiry; every row names its transaction.
ALTER TABLE issuance_event ADD COLUMN deferred_id varchar(43);
ALTER TABLE issuance_event DROP CONSTRAINT issuance_event_event_known;
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_event_known CHECK (event IN (
    'request_started', 'credential_issued', 'request_failed',
    'offer_created', 'offer_revoked', 'offer_redeemed', 'token_issued',
    'credential_revoked', 'credential_suspended', 'credential_reinstated',
    'credential_accepted', 'credential_failure', 'credential_deleted',
    'credential_deferred', 'deferred_approved', 'deferred_rejected', 'deferred_expired'));
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_deferred_names_transaction CHECK (
    event NOT IN ('credential_deferred', 'deferred_approved', 'deferred_rejected', 'deferred_expired')
    OR deferred_id IS NOT NULL);
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_rejection_has_reason CHECK (
    event <> 'deferred_rejected' OR reason IS NOT NULL);

CREATE INDEX issuance_event_deferred_idx ON issuance_event (deferred_id, occurred_at) WHERE deferred_id IS NOT NULL;

COMMENT ON COLUMN issuance_event.event IS 'request_started | credential_issued (one row per credential) | request_failed | offer_created | offer_revoked | offer_redeemed | token_issued | credential_revoked | credential_suspended | credential_reinstated | credential_accepted | credential_failure | credential_deleted (the wallet''s notifications, one row per credential) | credential_deferred (202 with a transaction_id) | deferred_approved | deferred_rejected | deferred_expired';
COMMENT ON COLUMN issuance_event.deferred_id IS 'deferred_credential.id of the deferred transaction the row belongs to (its 202, approval, rejection, expiry and delivery)';

DO $$
BEGIN
    GRANT SELECT (id, token_id, subject, client_id, offer_id, credential_configuration_id, vct, format, dialect, state,
        created_at, expires_at, approved_by, approved_at, rejected_by, rejected_at, rejection_reason, expired_at,
        delivered_at) ON deferred_credential TO issuer_auditor;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    RAISE WARNING 'issuer_auditor cannot be granted SELECT on deferred_credential: grant it by hand';
END;
$$;
