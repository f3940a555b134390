-- The integration editor's work in progress: the step the user is on and
-- the form as typed, not yet validated, so that leaving mid-way and coming
-- back resumes where they were. The form has no secret fields, and what
-- could be a credential typed into another field (a credential-looking
-- header value, user:password@ or ?api_key= in a URL, a key pasted as the
-- preamble) is taken out before saving (integration.SaveDraft).
CREATE TABLE editor_drafts (
    integration_id  TEXT PRIMARY KEY REFERENCES integrations (id) ON DELETE CASCADE,
    step            TEXT NOT NULL,
    form            TEXT NOT NULL CHECK (json_valid(form)),
    updated_at      TEXT NOT NULL
);
