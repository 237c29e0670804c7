-- Token Status List (draft-ietf-oauth-status-list-21): every credential that carries a status
-- claim owns one entry (list_id, idx) of a list the issuer serves at /status-lists/{list_id}.
-- Allocation: credential_status_seq hands out allocation numbers, never twice, to any number of
-- instances (each takes a block of 64 per nextval); number n belongs to the list whose
-- [first_number, first_number + size) holds it, and its index is a keyed pseudorandom
-- permutation of n - first_number under that list's permutation_key. A permutation is a
-- bijection, so indices never repeat within a list; the secret key makes the next index
-- unpredictable (HAIP 1.0 §6.1). The issuance transaction then costs one
--   INSERT INTO credential_status (list_id, idx, credential_id, ...) VALUES (...)
-- and the primary key refuses any entry twice, whatever happens above it.
CREATE SEQUENCE credential_status_seq AS bigint START WITH 0 MINVALUE 0 INCREMENT BY 64;

CREATE TABLE status_list (
    id              integer     PRIMARY KEY,
    size            integer     NOT NULL,
    bits            smallint    NOT NULL DEFAULT 2,
    first_number    bigint      NOT NULL,
    permutation_key varchar(64) NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0,
    CONSTRAINT status_list_id_positive CHECK (id > 0),
    CONSTRAINT status_list_size_whole_bytes CHECK (size >= 16 AND size % 4 = 0),
    CONSTRAINT status_list_two_bits CHECK (bits = 2),
    CONSTRAINT status_list_first_number_unique UNIQUE (first_number)
);

CREATE TABLE credential_status (
    -- no foreign key to status_list: its check would take a KEY SHARE lock on the list's one row in
    -- every issuance transaction (a MultiXact under concurrency); lists are created, committed, before any entry
    list_id                     integer      NOT NULL,
    idx                         integer      NOT NULL,
    status                      smallint     NOT NULL DEFAULT 0,
    credential_id               varchar(64)  NOT NULL,
    subject                     varchar(255),
    offer_id                    varchar(64),
    credential_configuration_id varchar(255) NOT NULL,
    allocated_at                timestamptz  NOT NULL,
    expires_at                  timestamptz  NOT NULL,
    changed_at                  timestamptz,
    CONSTRAINT credential_status_pk PRIMARY KEY (list_id, idx),
    CONSTRAINT credential_status_credential_unique UNIQUE (credential_id),
    CONSTRAINT credential_status_idx_positive CHECK (idx >= 0),
    CONSTRAINT credential_status_known CHECK (status IN (0, 1, 2))
) WITH (fillfactor = 90); -- room on each page so a status change stays a HOT update

-- a list is rebuilt from its non-zero entries only
CREATE INDEX credential_status_set_idx ON credential_status (list_id, idx) WHERE status <> 0;
CREATE INDEX credential_status_subject_idx ON credential_status (subject, expires_at);
CREATE INDEX credential_status_offer_idx ON credential_status (offer_id) WHERE offer_id IS NOT NULL;

COMMENT ON TABLE status_list IS 'Token Status Lists served at /status-lists/{id}; version grows with every status change';
COMMENT ON COLUMN status_list.first_number IS 'First allocation number (credential_status_seq) of this list';
COMMENT ON COLUMN status_list.permutation_key IS 'base64url secret key of the permutation from allocation number to index';
COMMENT ON TABLE credential_status IS 'The status list entry of each credential that carries one; an entry is never reused';
COMMENT ON COLUMN credential_status.status IS '0 VALID, 1 INVALID (revoked, final), 2 SUSPENDED';
COMMENT ON COLUMN credential_status.credential_id IS 'issuance_event.credential_id of the credential';
COMMENT ON COLUMN credential_status.expires_at IS 'exp of the credential';

-- Revocation is final, whatever the application does
CREATE FUNCTION credential_status_refuse_unrevoke() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'credential % is revoked: revocation is final', OLD.credential_id
        USING ERRCODE = 'check_violation';
END;
$$;

CREATE TRIGGER credential_status_revocation_final
    BEFORE UPDATE ON credential_status
    FOR EACH ROW WHEN (OLD.status = 1 AND NEW.status <> 1)
    EXECUTE FUNCTION credential_status_refuse_unrevoke();

-- Back-office status changes are audit rows, with the reason the back office gave
ALTER TABLE issuance_event ADD COLUMN reason varchar(1024);
COMMENT ON COLUMN issuance_event.reason IS 'Reason the back office gave for a status change';
ALTER TABLE issuance_event DROP CONSTRAINT issuance_event_event_known;
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_event_known CHECK (event IN (
    'request_started', 'credential_issued', 'request_failed',
    'offer_created', 'offer_revoked', 'offer_redeemed', 'token_issued',
    'credential_revoked', 'credential_suspended', 'credential_reinstated'));
COMMENT ON COLUMN issuance_event.event IS 'request_started | credential_issued (one row per credential) | request_failed | offer_created | offer_revoked | offer_redeemed | token_issued | credential_revoked | credential_suspended | credential_reinstated';
-- a credential is issued once, its status may change many times
DROP INDEX issuance_event_credential_id_idx;
CREATE UNIQUE INDEX issuance_event_credential_id_idx ON issuance_event (credential_id)
    WHERE credential_id IS NOT NULL AND event = 'credential_issued';
CREATE INDEX issuance_event_status_change_idx ON issuance_event (credential_id, occurred_at)
    WHERE event IN ('credential_revoked', 'credential_suspended', 'credential_reinstated');

DO $$
BEGIN
    GRANT SELECT ON credential_status TO issuer_auditor;
    GRANT SELECT (id, size, bits, first_number, created_at, version) ON status_list TO issuer_auditor;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    RAISE WARNING 'issuer_auditor not granted SELECT on the status tables: GRANT it by hand';
END;
$$;
