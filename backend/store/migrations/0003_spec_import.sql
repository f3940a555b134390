-- What an OpenAPI import brings: where calls go (base path), the
-- suggestions inferred from the spec, and the user's original file.
ALTER TABLE integrations ADD COLUMN base_path TEXT NOT NULL DEFAULT '';
ALTER TABLE integrations ADD COLUMN suggestions TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(suggestions));
-- {"fileName", "format", "version", "converted"} of the imported file.
ALTER TABLE integrations ADD COLUMN spec_info TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(spec_info));

ALTER TABLE actions ADD COLUMN operation_id TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN request_content_type TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN deprecated INTEGER NOT NULL DEFAULT 0 CHECK (deprecated IN (0, 1));

-- The file exactly as the user gave it, kept apart so list queries never read it.
CREATE TABLE spec_sources (
    integration_id  TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
    file_name       TEXT NOT NULL,
    content         BLOB NOT NULL,
    created_at      TEXT NOT NULL
);
