-- Webhooks (docs/webhooks.md): the outbox. One row per event and subscription whose filter it
-- matches, inserted by the same transaction as the audit row it describes, so a delivery is never
-- lost when a server dies after the commit, and none is made for a request that rolled back.
-- Senders on every instance claim due rows with FOR UPDATE SKIP LOCKED and a lease
-- (leased_until), send outside that transaction, then record the outcome; a killed instance's
-- lease runs out and another instance sends the row again (at least once, the same webhook-id).
CREATE TABLE webhook_delivery (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription    varchar(64)  NOT NULL,
    event_id        bigint       NOT NULL,
    event_type      varchar(128) NOT NULL,
    subject         varchar(255),
    payload         text         NOT NULL,
    state           varchar(16)  NOT NULL DEFAULT 'pending',
    created_at      timestamptz  NOT NULL DEFAULT now(),
    attempts        integer      NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    leased_by       varchar(255),
    last_attempt_at timestamptz,
    last_status     integer,
    last_error      varchar(1024),
    finished_at     timestamptz,
    CONSTRAINT webhook_delivery_state_known CHECK (state IN ('pending', 'delivered', 'failed')),
    CONSTRAINT webhook_delivery_once UNIQUE (subscription, event_id)
);

-- the senders' claim: due pending rows in event order
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (event_id) WHERE state = 'pending';
-- the order per subject: is an earlier event of this subject still pending for this subscription?
CREATE INDEX webhook_delivery_pending_subject_idx ON webhook_delivery (subscription, subject, event_id)
    WHERE state = 'pending' AND subject IS NOT NULL;
-- the back-office read (GET /admin/webhook-deliveries), newest first per subscription
CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription, id);

COMMENT ON TABLE webhook_delivery IS 'Webhook outbox: one row per audit event and matching subscription, written in the audit row''s transaction';
COMMENT ON COLUMN webhook_delivery.subscription IS 'id of the subscription in the file named by issuer.webhooks.subscriptions';
COMMENT ON COLUMN webhook_delivery.event_id IS 'issuance_event.id: the events API id and the webhook-id header';
COMMENT ON COLUMN webhook_delivery.payload IS 'The exact body sent: {type, timestamp, data} with data the events API JSON of the event (ids, digests, claim names; never a credential)';
COMMENT ON COLUMN webhook_delivery.state IS 'pending (due at next_attempt_at) | delivered (a 2xx) | failed (no 2xx within issuer.webhooks.retry-for-seconds)';
COMMENT ON COLUMN webhook_delivery.leased_until IS 'While in the future, the instance leased_by is sending the row and no other claims it';

DO $$
BEGIN
    GRANT SELECT (id, subscription, event_id, event_type, subject, state, created_at, attempts, next_attempt_at,
        leased_until, leased_by, last_attempt_at, last_status, last_error, finished_at) ON webhook_delivery TO issuer_auditor;
EXCEPTION WHEN undefined_object OR insufficient_privilege THEN
    RAISE WARNING 'issuer_auditor cannot be granted SELECT on webhook_delivery: grant it by hand';
END;
$$;
