-- Blueprints: containers of data fields (after Oneflow's integration
-- blueprints). Fields are kept in order as one JSON list; a blueprint may
-- be linked to an integration so that bundles carry it.
CREATE TABLE blueprints (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL,
    integration_id  TEXT REFERENCES integrations (id) ON DELETE SET NULL,
    fields          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX blueprints_name_unique ON blueprints (lower(name));
