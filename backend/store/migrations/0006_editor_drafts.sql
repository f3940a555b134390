-- The integration editor's work in progress: the step the user is on and
-- the form as typed, not yet validated, so that leaving mid-way and coming
-- back resumes where they were. Never holds a secret (the form has none;
-- values of credential-looking extra headers are blanked before saving).
CREATE TABLE editor_drafts (
    integration_id  TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
    step            TEXT NOT NULL,
    form            TEXT NOT NULL CHECK (json_valid(form)),
    updated_at      TEXT NOT NULL
);
