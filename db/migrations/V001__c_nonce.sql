-- OID4VCI 1.0 §7: c_nonce values handed out by the nonce endpoint.
-- A nonce is consumed by exactly one proof: the credential endpoint runs
--   UPDATE c_nonce SET consumed_at = ? WHERE nonce = ? AND consumed_at IS NULL AND expires_at > ?
-- and accepts the proof only when that statement touched one row.
-- Rows are purged in the background some time after they expire.
CREATE TABLE c_nonce (
    nonce       varchar(64) PRIMARY KEY,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz,
    CONSTRAINT c_nonce_expires_after_creation CHECK (expires_at > created_at),
    CONSTRAINT c_nonce_consumed_after_creation CHECK (consumed_at IS NULL OR consumed_at >= created_at)
) WITH (fillfactor = 80); -- leaves room on each page so setting consumed_at stays a HOT update

CREATE INDEX c_nonce_expires_at_idx ON c_nonce (expires_at);

COMMENT ON TABLE c_nonce IS 'OID4VCI c_nonce values: issued by POST /oid4vci/nonce, consumed once by a credential request proof';
COMMENT ON COLUMN c_nonce.nonce IS 'The nonce as sent to the wallet (base64url, 256 bits from a CSPRNG)';
COMMENT ON COLUMN c_nonce.consumed_at IS 'When a proof used it; NULL while unused. Set at most once.';
