-- RFC 9449 §11.1: the jti of every accepted DPoP proof, so that a proof is accepted once, also
-- when it is replayed at another instance sharing this database. A proof is accepted by
--   INSERT INTO dpop_jti (jti_hash, expires_at) VALUES (?, now() + ?) ON CONFLICT DO NOTHING
-- when that statement inserted one row. Rows are purged in the background once the proof's iat
-- has left the accepted window.
CREATE TABLE dpop_jti (
    jti_hash   varchar(43) PRIMARY KEY,
    expires_at timestamptz NOT NULL
);

CREATE INDEX dpop_jti_expires_at_idx ON dpop_jti (expires_at);

COMMENT ON TABLE dpop_jti IS 'jti values of accepted DPoP proofs (RFC 9449 §11.1), kept until the proof can no longer be accepted';
COMMENT ON COLUMN dpop_jti.jti_hash IS 'base64url SHA-256 of the proof key thumbprint, a space and the jti';
