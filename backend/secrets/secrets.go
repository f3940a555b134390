// Package secrets keeps API keys, passwords, client secrets and tokens in
// the OS keyring, never in SQLite, logs or exports.
//
// The keyring and SQLite cannot share a transaction. Every write therefore
// goes: journal the new keyring key (committed) → write the keyring entry
// under that new key → in one transaction point the ref at it and journal
// the old key → delete the old entry → drop it from the journal. A crash at
// any step leaves only journalled keys behind, and Recover deletes those
// that no ref points to.
package secrets

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

// Store reads and writes secrets for integrations and their configurations.
type Store struct {
	db *store.DB
	kr Keyring
}

// New returns a Store over db and the keyring kr.
func New(db *store.DB, kr Keyring) *Store { return &Store{db: db, kr: kr} }

// Ref names one secret: a field (e.g. "client_secret") of a configuration
// of an integration.
type Ref struct {
	IntegrationID   string
	ConfigurationID string
	Field           string
}

// String is the ref's stable name, <integration-id>/<configuration-id>/<field>.
func (r Ref) String() string { return r.IntegrationID + "/" + r.ConfigurationID + "/" + r.Field }

func (r Ref) validate() error {
	for name, part := range map[string]string{"integration id": r.IntegrationID, "configuration id": r.ConfigurationID, "field": r.Field} {
		if part == "" || strings.ContainsAny(part, "/#") {
			return apperr.Errorf(apperr.Invalid, "Secret reference %q has an empty or malformed %s.", r.String(), name)
		}
	}
	return nil
}

// newKeyringKey gives each write its own entry so the old value survives
// until the new pointer is committed.
func newKeyringKey(r Ref) (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return r.String() + "#" + hex.EncodeToString(b), nil
}

var errDataKeyMissing = apperr.Errorf(apperr.Unavailable,
	"The keyring entry that unlocks large secrets (%s/%s) is missing or damaged, so they cannot be read. Enter the affected secrets again.", Service, dataKeyName)

// unavailable explains a keyring failure without echoing any value.
func unavailable(err error) error {
	return apperr.Wrap(err, apperr.Unavailable,
		"The OS keyring is not reachable, so secrets cannot be saved or read (%v). On Linux install and unlock gnome-keyring, or KWallet with its Secret Service, then try again. Nothing was written anywhere else.", err)
}

// Put stores value for ref, replacing any earlier value.
func (s *Store) Put(ctx context.Context, ref Ref, value string) error {
	if err := ref.validate(); err != nil {
		return err
	}
	key, err := newKeyringKey(ref)
	if err != nil {
		return err
	}
	sealed := len(value) > maxKeyringValue
	var nonce, ciphertext []byte
	if sealed {
		dk, err := s.dataKey(true)
		if err != nil {
			return err
		}
		if nonce, ciphertext, err = seal(dk, key, value); err != nil {
			return err
		}
	}
	if err := s.journal(ctx, key); err != nil {
		return err
	}
	if !sealed {
		if err := s.kr.Set(Service, key, value); err != nil {
			// A timed-out Set may still land; purge keeps the journal row unless the delete succeeds.
			s.purge(ctx, key, false)
			return unavailable(err)
		}
	}
	var oldKey string
	var oldSealed bool
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT keyring_key, sealed FROM secret_refs
			WHERE integration_id = ? AND configuration_id = ? AND field = ?`,
			ref.IntegrationID, ref.ConfigurationID, ref.Field).Scan(&oldKey, &oldSealed)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if sealed {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sealed_values (keyring_key, nonce, ciphertext) VALUES (?, ?, ?)`, key, nonce, ciphertext); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO secret_refs
			(integration_id, configuration_id, field, keyring_key, sealed, updated_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (integration_id, configuration_id, field)
			DO UPDATE SET keyring_key = excluded.keyring_key, sealed = excluded.sealed, updated_at = excluded.updated_at`,
			ref.IntegrationID, ref.ConfigurationID, ref.Field, key, sealed, store.Timestamp(s.db.Now())); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM secret_journal WHERE keyring_key = ?`, key); err != nil {
			return err
		}
		if oldKey != "" {
			return s.retire(ctx, tx, oldKey)
		}
		return nil
	})
	if err != nil {
		s.purge(ctx, key, sealed)
		return fmt.Errorf("secrets: save %s: %w", ref, err)
	}
	if oldKey != "" {
		s.purge(ctx, oldKey, oldSealed)
	}
	return nil
}

// Get returns the value stored for ref.
func (s *Store) Get(ctx context.Context, ref Ref) (string, error) {
	var key string
	var sealed bool
	err := s.db.QueryRowContext(ctx, `SELECT keyring_key, sealed FROM secret_refs
		WHERE integration_id = ? AND configuration_id = ? AND field = ?`,
		ref.IntegrationID, ref.ConfigurationID, ref.Field).Scan(&key, &sealed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", apperr.Errorf(apperr.NotFound, "No %s is saved for this configuration yet.", ref.Field)
	}
	if err != nil {
		return "", fmt.Errorf("secrets: look up %s: %w", ref, err)
	}
	if sealed {
		var nonce, ciphertext []byte
		if err := s.db.QueryRowContext(ctx, `SELECT nonce, ciphertext FROM sealed_values WHERE keyring_key = ?`, key).Scan(&nonce, &ciphertext); err != nil {
			return "", fmt.Errorf("secrets: sealed value for %s: %w", ref, err)
		}
		dk, err := s.dataKey(false)
		if err != nil {
			return "", err
		}
		v, err := open(dk, key, nonce, ciphertext)
		if err != nil {
			return "", apperr.Wrap(err, apperr.Unavailable, "The saved %s cannot be decrypted; enter it again.", ref.Field)
		}
		return v, nil
	}
	v, err := s.kr.Get(Service, key)
	if errors.Is(err, ErrNotFound) {
		return "", apperr.Errorf(apperr.NotFound,
			"The %s for this configuration is missing from the OS keyring (it may have been removed outside the app). Enter it again.", ref.Field)
	}
	if err != nil {
		return "", unavailable(err)
	}
	return v, nil
}

// Fields lists which secret fields are saved for a configuration, never
// their values: enough for the UI to show "saved" badges.
func (s *Store) Fields(ctx context.Context, integrationID, configurationID string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT field FROM secret_refs
		WHERE integration_id = ? AND configuration_id = ? ORDER BY field`, integrationID, configurationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []string{}
	for rows.Next() {
		var f string
		if err := rows.Scan(&f); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// Delete removes the secret for ref; a missing one is not an error.
func (s *Store) Delete(ctx context.Context, ref Ref) error {
	return s.deleteWhere(ctx, `integration_id = ? AND configuration_id = ? AND field = ?`,
		ref.IntegrationID, ref.ConfigurationID, ref.Field)
}

// DeleteConfiguration removes every secret of one configuration.
func (s *Store) DeleteConfiguration(ctx context.Context, integrationID, configurationID string) error {
	return s.deleteWhere(ctx, `integration_id = ? AND configuration_id = ?`, integrationID, configurationID)
}

// DeleteIntegration removes every secret of an integration's configurations.
func (s *Store) DeleteIntegration(ctx context.Context, integrationID string) error {
	return s.deleteWhere(ctx, `integration_id = ?`, integrationID)
}

func (s *Store) deleteWhere(ctx context.Context, where string, args ...any) error {
	type victim struct {
		key    string
		sealed bool
	}
	var victims []victim
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT keyring_key, sealed FROM secret_refs WHERE `+where, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var v victim
			if err := rows.Scan(&v.key, &v.sealed); err != nil {
				rows.Close()
				return err
			}
			victims = append(victims, v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, v := range victims {
			if err := s.retire(ctx, tx, v.key); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM secret_refs WHERE `+where, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("secrets: delete: %w", err)
	}
	for _, v := range victims {
		s.purge(ctx, v.key, v.sealed)
	}
	return nil
}

// Recover deletes keyring entries a crash left behind: journalled keys that
// no ref points to. It returns how many it removed.
func (s *Store) Recover(ctx context.Context) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT j.keyring_key, EXISTS (SELECT 1 FROM sealed_values v WHERE v.keyring_key = j.keyring_key)
		FROM secret_journal j
		WHERE NOT EXISTS (SELECT 1 FROM secret_refs r WHERE r.keyring_key = j.keyring_key)`)
	if err != nil {
		return 0, fmt.Errorf("secrets: recover: %w", err)
	}
	type orphan struct {
		key    string
		sealed bool
	}
	var orphans []orphan
	for rows.Next() {
		var o orphan
		if err := rows.Scan(&o.key, &o.sealed); err != nil {
			rows.Close()
			return 0, err
		}
		orphans = append(orphans, o)
	}
	rows.Close()
	removed := 0
	for _, o := range orphans {
		if err := s.purgeStrict(ctx, o.key, o.sealed); err != nil {
			return removed, err
		}
		removed++
	}
	// Journal rows whose key a ref still uses are leftovers of a committed write.
	_, err = s.db.ExecContext(ctx, `DELETE FROM secret_journal
		WHERE EXISTS (SELECT 1 FROM secret_refs r WHERE r.keyring_key = secret_journal.keyring_key)`)
	return removed, err
}

// journal records key as possibly present in the keyring, durably, before
// the keyring is touched.
func (s *Store) journal(ctx context.Context, key string) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO secret_journal (keyring_key, created_at) VALUES (?, ?)`,
		key, store.Timestamp(s.db.Now()))
	if err != nil {
		return fmt.Errorf("secrets: journal: %w", err)
	}
	return nil
}

// retire, inside the caller's transaction, marks key for deletion.
func (s *Store) retire(ctx context.Context, tx *sql.Tx, key string) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO secret_journal (keyring_key, created_at) VALUES (?, ?)`,
		key, store.Timestamp(s.db.Now()))
	return err
}

// purge removes a retired key from the keyring and the journal. Failures are
// left in the journal for Recover to retry at the next start.
func (s *Store) purge(ctx context.Context, key string, sealed bool) {
	_ = s.purgeStrict(ctx, key, sealed)
}

func (s *Store) purgeStrict(ctx context.Context, key string, sealed bool) error {
	if !sealed {
		if err := s.kr.Delete(Service, key); err != nil && !errors.Is(err, ErrNotFound) {
			return unavailable(err)
		}
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM sealed_values WHERE keyring_key = ?`, key); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM secret_journal WHERE keyring_key = ?`, key)
		return err
	})
}
