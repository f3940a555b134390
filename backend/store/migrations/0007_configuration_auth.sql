-- Configurations' authentication state. The tokens themselves are secrets
-- (backend/secrets, the OS keyring); only their timing is kept here.
-- trusted_*: where this configuration's secrets were entered for. When the
-- integration's hostname or token URL later differs (an edit, a bundle
-- import), the secrets are not sent until the user confirms the new host.
ALTER TABLE configurations ADD COLUMN trusted_hostname TEXT;
ALTER TABLE configurations ADD COLUMN trusted_token_url TEXT;
ALTER TABLE configurations ADD COLUMN token_obtained_at TEXT;
ALTER TABLE configurations ADD COLUMN token_expires_at TEXT;
-- Non-empty: a refresh was refused; the vendor's reason, shown until a new sign-in.
ALTER TABLE configurations ADD COLUMN needs_sign_in TEXT NOT NULL DEFAULT '';
-- The loopback redirect URI of the last sign-in, which a refresh repeats
-- when the vendor wants it (Include Redirect URI on Refresh).
ALTER TABLE configurations ADD COLUMN redirect_uri TEXT NOT NULL DEFAULT '';
