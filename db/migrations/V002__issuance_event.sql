-- The issuance audit trail: one row per event, never updated, never deleted.
-- Auditors query it directly (see README, "Audit trail"). Columns that belong to a
-- single kind of event (credential digest, holder key, ...) are added by the
-- migrations of the features that write them.
CREATE TABLE issuance_event (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at       timestamptz  NOT NULL DEFAULT now(),
    event             varchar(32)  NOT NULL,
    request_id        varchar(64)  NOT NULL,
    endpoint          varchar(64)  NOT NULL,
    client_address    varchar(64),
    client_id         varchar(255),
    principal         varchar(255),
    subject           varchar(255),
    error_code        varchar(64),
    error_description varchar(1024),
    CONSTRAINT issuance_event_event_known CHECK (event IN ('request_started', 'credential_issued', 'request_failed')),
    CONSTRAINT issuance_event_failure_has_code CHECK ((event = 'request_failed') = (error_code IS NOT NULL))
);

CREATE INDEX issuance_event_occurred_at_idx ON issuance_event (occurred_at);
CREATE INDEX issuance_event_subject_idx ON issuance_event (subject, occurred_at);
CREATE INDEX issuance_event_principal_idx ON issuance_event (principal, occurred_at);
CREATE INDEX issuance_event_request_id_idx ON issuance_event (request_id);
CREATE INDEX issuance_event_failed_idx ON issuance_event (error_code, occurred_at) WHERE error_code IS NOT NULL;

COMMENT ON TABLE issuance_event IS 'Append-only issuance audit trail (updates, deletes and truncation are refused)';
COMMENT ON COLUMN issuance_event.event IS 'request_started | credential_issued (one row per credential) | request_failed';
COMMENT ON COLUMN issuance_event.request_id IS 'Correlates the rows of one HTTP request; also in the server log and the X-Request-Id response header';
COMMENT ON COLUMN issuance_event.endpoint IS 'Protocol endpoint that handled the request, e.g. credential';
COMMENT ON COLUMN issuance_event.client_address IS 'Network address the request came from (after trusted proxy handling)';
COMMENT ON COLUMN issuance_event.principal IS 'Who the access token was issued to';
COMMENT ON COLUMN issuance_event.subject IS 'Whose data the credential attests';
COMMENT ON COLUMN issuance_event.error_code IS 'Protocol error code of a failed request (OID4VCI §8.3.1 or the product''s own codes)';

-- Append-only at the database level, whatever the application does.
CREATE FUNCTION issuance_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'issuance_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER issuance_event_no_update_delete
    BEFORE UPDATE OR DELETE ON issuance_event
    FOR EACH ROW EXECUTE FUNCTION issuance_event_refuse_change();

CREATE TRIGGER issuance_event_no_truncate
    BEFORE TRUNCATE ON issuance_event
    FOR EACH STATEMENT EXECUTE FUNCTION issuance_event_refuse_change();

-- A read-only role for auditors: grant it to their login roles
-- (GRANT issuer_auditor TO alice;). Roles are cluster-wide, so it may exist already;
-- a database user without CREATEROLE gets a warning and a DBA creates it by hand.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'issuer_auditor') THEN
        CREATE ROLE issuer_auditor NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO issuer_auditor', current_schema());
    GRANT SELECT ON issuance_event TO issuer_auditor;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'issuer_auditor role not created (no CREATEROLE privilege): create it and GRANT SELECT ON issuance_event to it';
END;
$$;
