-- Webhooks and their outbox. An event's deliveries are written in the same
-- transaction as the event, so a crash or quit loses none; the delivery
-- worker picks up pending rows, also after a restart. Signing keys live in
-- the OS keyring (backend/secrets), never here.
CREATE TABLE webhooks (
    id               TEXT PRIMARY KEY,
    url              TEXT NOT NULL,
    events           TEXT NOT NULL CHECK (json_valid(events)),
    signed           INTEGER NOT NULL DEFAULT 0 CHECK (signed IN (0, 1)),
    -- Non-empty: disabled, and why (e.g. the receiver answered 410 Gone).
    disabled_reason  TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);

CREATE TABLE webhook_deliveries (
    id               TEXT PRIMARY KEY,
    webhook_id       TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event            TEXT NOT NULL,
    -- webhook-id: the same on every attempt of this delivery.
    message_id       TEXT NOT NULL,
    payload          TEXT NOT NULL CHECK (json_valid(payload)),
    status           TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_status      INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT NOT NULL DEFAULT '',
    last_latency_ms  INTEGER NOT NULL DEFAULT 0,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at DESC);
