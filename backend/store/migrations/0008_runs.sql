-- Recent test runs of each action (the last 20 per action), for comparing
-- what the vendor returned. Everything here is redacted before it is
-- written: credentials are masked in headers, URLs and bodies.
CREATE TABLE runs (
    id                TEXT PRIMARY KEY,
    integration_id    TEXT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    action_id         TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    configuration_id  TEXT NOT NULL DEFAULT '',
    started_at        TEXT NOT NULL,
    complete          INTEGER NOT NULL CHECK (complete IN (0, 1)),
    item_count        INTEGER NOT NULL,
    -- The whole run as the UI shows it (runner.Run, redacted), JSON.
    run               TEXT NOT NULL CHECK (json_valid(run))
);
CREATE INDEX runs_by_action ON runs (action_id, started_at DESC);
