-- OID4VCI 1.0 §7, Appendix F.4: c_nonce values are sealed (a random part and an expiry under an
-- HMAC every instance can check) and no longer stored when issued. Only their single use is: a
-- proof's nonce is accepted by
--   INSERT INTO consumed_nonce (nonce_hash, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING
-- in the credential request's transaction, when that statement inserted one row, so of any number
-- of concurrent requests on any instance exactly one wins. Rows are purged in the background once
-- no instance accepts the nonce any more (a minute after its expiry, for clock skew).
CREATE TABLE consumed_nonce (
    nonce_hash  varchar(43) PRIMARY KEY,
    expires_at  timestamptz NOT NULL,
    consumed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX consumed_nonce_expires_at_idx ON consumed_nonce (expires_at);

COMMENT ON TABLE consumed_nonce IS 'c_nonce values used by a credential request proof (OID4VCI 1.0 Appendix F.4), kept until the nonce has expired';
COMMENT ON COLUMN consumed_nonce.nonce_hash IS 'base64url SHA-256 of the random part of the sealed nonce, never the nonce itself';
COMMENT ON COLUMN consumed_nonce.expires_at IS 'The expiry sealed into the nonce';
COMMENT ON COLUMN consumed_nonce.consumed_at IS 'Start of the transaction that consumed it';

-- Nothing reads or writes the issued nonces any more. A nonce issued before this migration is not
-- sealed: it fails once with invalid_nonce and the wallet fetches a fresh one.
DROP TABLE c_nonce;
