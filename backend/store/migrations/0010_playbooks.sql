-- Playbooks turn what a vendor action returns into records shaped by up to
-- five blueprints. Mappings: blueprint id → field name → {kind, value}.
CREATE TABLE playbooks (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    integration_id    TEXT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    action_id         TEXT NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
    configuration_id  TEXT NOT NULL DEFAULT '',
    params            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
    blueprints        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(blueprints)),
    mappings          TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mappings)),
    enabled           INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE UNIQUE INDEX playbooks_name_unique ON playbooks (lower(name));

CREATE TABLE playbook_runs (
    id           TEXT PRIMARY KEY,
    playbook_id  TEXT NOT NULL REFERENCES playbooks (id) ON DELETE CASCADE,
    started_at   TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('complete', 'incomplete', 'failed')),
    -- The run as shown (records, per-item errors, counts), JSON.
    run          TEXT NOT NULL CHECK (json_valid(run))
);
CREATE INDEX playbook_runs_by_playbook ON playbook_runs (playbook_id, started_at DESC);
