-- Integrations, their actions, and the per-client configurations.
-- Secrets are never stored here: see 0002 and backend/secrets.
CREATE TABLE integrations (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL,
    icon_svg       TEXT NOT NULL DEFAULT '',
    hostname       TEXT NOT NULL DEFAULT '',
    auth_method    TEXT NOT NULL DEFAULT 'none'
                   CHECK (auth_method IN ('none', 'api_key', 'basic', 'oauth2')),
    auth_defaults  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(auth_defaults)),
    pagination     TEXT NOT NULL DEFAULT '{"type":"none"}' CHECK (json_valid(pagination)),
    status         TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'published', 'hidden')),
    finalized_at   TEXT,
    openapi_json   TEXT CHECK (openapi_json IS NULL OR json_valid(openapi_json)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX integrations_name_unique ON integrations (lower(name));

CREATE TABLE actions (
    id               TEXT PRIMARY KEY,
    integration_id   TEXT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    name             TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    method           TEXT NOT NULL,
    path             TEXT NOT NULL,
    parameters       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(parameters)),
    request_body     TEXT CHECK (request_body IS NULL OR json_valid(request_body)),
    response_schema  TEXT CHECK (response_schema IS NULL OR json_valid(response_schema)),
    tags             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    pagination       TEXT CHECK (pagination IS NULL OR json_valid(pagination)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX actions_by_integration ON actions (integration_id, position);

CREATE TABLE configurations (
    id               TEXT PRIMARY KEY,
    integration_id   TEXT NOT NULL REFERENCES integrations (id) ON DELETE CASCADE,
    name             TEXT NOT NULL,
    organization     TEXT NOT NULL DEFAULT '',
    -- Non-secret values that override the integration's auth defaults.
    settings         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(settings)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE UNIQUE INDEX configurations_name_unique ON configurations (integration_id, lower(name));
