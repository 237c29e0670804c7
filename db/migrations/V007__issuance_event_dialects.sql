-- Pre-1.0 wallets beyond draft 13: draft 15 requests, and requests valid in draft 13 and 15 alike
-- (credential_identifier with a single proof), are recorded as what was recognised.
ALTER TABLE issuance_event DROP CONSTRAINT issuance_event_dialect_known;
ALTER TABLE issuance_event ADD CONSTRAINT issuance_event_dialect_known CHECK (
    dialect IN ('1.0', 'draft-15', 'draft-13', 'draft-13/15'));
COMMENT ON COLUMN issuance_event.dialect IS 'Protocol dialect recognised in the credential request: 1.0, draft-15 (drafts 14/15 by configuration id or alg beside the jwk), draft-13 (drafts 13/14 by format) or draft-13/15 (credential_identifier with a single proof, valid in both)';
