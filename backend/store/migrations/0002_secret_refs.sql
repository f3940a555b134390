-- Pointers from configurations to their secrets in the OS keyring.
-- The keyring and SQLite cannot share a transaction, so every keyring key a
-- write might leave behind is journalled first (secret_journal) and removed
-- from the journal only when the keyring is consistent again. Start-up
-- recovery deletes whatever journalled key no secret_refs row points to.
CREATE TABLE secret_refs (
    integration_id    TEXT NOT NULL,
    configuration_id  TEXT NOT NULL,
    field             TEXT NOT NULL,
    keyring_key       TEXT NOT NULL UNIQUE,
    -- 1: the keyring holds only the data key; the value is sealed in sealed_values.
    sealed            INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1)),
    updated_at        TEXT NOT NULL,
    PRIMARY KEY (integration_id, configuration_id, field)
);

CREATE TABLE secret_journal (
    keyring_key  TEXT PRIMARY KEY,
    created_at   TEXT NOT NULL
);

-- Values too large for a keyring entry, AES-256-GCM sealed under a data key
-- that lives in the keyring. Only ciphertext is ever written here.
CREATE TABLE sealed_values (
    keyring_key  TEXT PRIMARY KEY,
    nonce        BLOB NOT NULL,
    ciphertext   BLOB NOT NULL
);
