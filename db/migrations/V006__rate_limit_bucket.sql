-- Issue 5: request counts per rate-limit key and fixed window, shared by every instance.
-- Instances decide in memory and exchange their increments here asynchronously, in one statement
-- per sync interval:
--   INSERT ... ON CONFLICT (bucket_key, window_start) DO UPDATE SET hits = rate_limit_bucket.hits + EXCLUDED.hits
--   RETURNING bucket_key, window_start, hits
-- Rows of ended windows are deleted by the same schedule.
CREATE TABLE rate_limit_bucket (
    bucket_key   varchar(100) NOT NULL,
    window_start bigint       NOT NULL,
    hits         bigint       NOT NULL,
    CONSTRAINT rate_limit_bucket_pk PRIMARY KEY (bucket_key, window_start),
    CONSTRAINT rate_limit_bucket_hits_positive CHECK (hits >= 0)
);

CREATE INDEX rate_limit_bucket_window_idx ON rate_limit_bucket (window_start);

COMMENT ON TABLE rate_limit_bucket IS 'Requests admitted per rate-limit key and window, summed over all instances';
COMMENT ON COLUMN rate_limit_bucket.bucket_key IS 'endpoint:kind:base64url SHA-256 of the principal or client address (never the value itself)';
COMMENT ON COLUMN rate_limit_bucket.window_start IS 'Start of the fixed window, milliseconds since the epoch, aligned to the window length';
COMMENT ON COLUMN rate_limit_bucket.hits IS 'Requests admitted in that window by all instances, as of their last sync';
