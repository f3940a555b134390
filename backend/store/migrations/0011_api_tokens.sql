-- API tokens for the local automation API. Only a SHA-256 of each token is
-- kept: the token itself is shown once, when it is created.
CREATE TABLE api_tokens (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    hash          BLOB NOT NULL UNIQUE,
    -- The token's first characters, so a user can tell tokens apart.
    hint          TEXT NOT NULL,
    created_at    TEXT NOT NULL,
    last_used_at  TEXT,
    revoked_at    TEXT
);
CREATE UNIQUE INDEX api_tokens_name_unique ON api_tokens (lower(name)) WHERE revoked_at IS NULL;
