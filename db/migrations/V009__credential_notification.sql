-- OID4VCI 1.0 §11: every credential response carries a notification_id, with which the wallet later
-- reports what became of the credentials of that response (accepted, failure, deleted). The id is a
-- bearer secret of the wallet's: only its SHA-256 is stored. A report is accepted only with the access
-- token the credentials were issued to (token_key), so one wallet cannot report on another's.
CREATE TABLE credential_notification (
    notification_hash varchar(43)  PRIMARY KEY,
    token_key         varchar(43)  NOT NULL,
    subject           varchar(255) NOT NULL,
    client_id         varchar(255),
    credential_ids    text         NOT NULL,
    issued_at         timestamptz  NOT NULL,
    CONSTRAINT credential_notification_ids_json CHECK (json_typeof(credential_ids::json) = 'array')
);

CREATE INDEX credential_notification_issued_at_idx ON credential_notification (issued_at);

COMMENT ON TABLE credential_notification IS 'notification_id of each credential response (OID4VCI 1.0 §11), written with its credential_issued rows';
COMMENT ON COLUMN credential_notification.notification_hash IS 'base64url SHA-256 of the notification_id sent to the wallet';
COMMENT ON COLUMN credential_notification.token_key IS 'base64url SHA-256 of the access token''s issuer and jti (or of the token itself when it has no jti)';
COMMENT ON COLUMN credential_notification.credential_ids IS 'JSON array of the credential_id values of the response (issuance_event.credential_id)';

-- The wallet's reports go on the audit trail, one row per credential of the response.
ALTER TABLE issuance_event ADD COLUMN event_description varchar(1024);
ALTER TABLE issuance_event DROP CONSTRAINT issuance_event_event_known;
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_event_known CHECK (event IN (
    'request_started', 'credential_issued', 'request_failed',
    'offer_created', 'offer_revoked', 'offer_redeemed', 'token_issued',
    'credential_revoked', 'credential_suspended', 'credential_reinstated',
    'credential_accepted', 'credential_failure', 'credential_deleted'));
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_notification_names_credential CHECK (
    event NOT IN ('credential_accepted', 'credential_failure', 'credential_deleted') OR credential_id IS NOT NULL);

-- A credential is reported on many times: issuance_event_credential_id_idx is unique among
-- credential_issued rows only since V008
CREATE INDEX issuance_event_credential_report_idx ON issuance_event (credential_id, occurred_at)
    WHERE event IN ('credential_accepted', 'credential_failure', 'credential_deleted');

COMMENT ON COLUMN issuance_event.event IS 'request_started | credential_issued (one row per credential) | request_failed | offer_created | offer_revoked | offer_redeemed | token_issued | credential_revoked | credential_suspended | credential_reinstated | credential_accepted | credential_failure | credential_deleted (the wallet''s notifications, one row per credential)';
COMMENT ON COLUMN issuance_event.event_description IS 'event_description of a wallet notification (OID4VCI 1.0 §11.1), as sent';

DO $$
BEGIN
    GRANT SELECT ON credential_notification TO issuer_auditor;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    RAISE WARNING 'issuer_auditor cannot be granted SELECT on credential_notification: grant it by hand';
END;
$$;
