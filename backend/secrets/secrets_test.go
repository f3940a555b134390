package secrets_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zalando/go-keyring"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/secrets/secretstest"
	"integrationstudio/backend/store"
)

func openDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func randomSecret(t *testing.T, n int) string {
	t.Helper()
	b := make([]byte, n/2)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "s3cr3t-" + hex.EncodeToString(b)
}

var ref = secrets.Ref{IntegrationID: "int-1", ConfigurationID: "cfg-1", Field: "api_key"}

func TestPutGetReplaceDeleteLeavesNoEntriesBehind(t *testing.T) {
	ctx := context.Background()
	kr := newFakeKeyring()
	s := secrets.New(openDB(t), kr)

	if err := s.Put(ctx, ref, "first"); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, ref, "second"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, ref)
	if err != nil || got != "second" {
		t.Fatalf("Get = %q, %v; want second", got, err)
	}
	if kr.count() != 1 {
		t.Errorf("keyring holds %d entries after a replace, want 1 (the old one must be deleted)", kr.count())
	}
	if err := s.Delete(ctx, ref); err != nil {
		t.Fatal(err)
	}
	if kr.count() != 0 {
		t.Errorf("keyring holds %d entries after delete, want 0", kr.count())
	}
	if _, err := s.Get(ctx, ref); apperr.Code(err) != apperr.NotFound {
		t.Errorf("Get after delete: %v, want not_found", err)
	}
}

func TestLargeValuesAreSealedInSQLiteUnderAKeyringKey(t *testing.T) {
	ctx := context.Background()
	kr := newFakeKeyring()
	db := openDB(t)
	s := secrets.New(db, kr)
	big := randomSecret(t, 6000) // e.g. a JWT-heavy token response or a PEM bundle

	if err := s.Put(ctx, ref, big); err != nil {
		t.Fatal(err)
	}
	got, err := s.Get(ctx, ref)
	if err != nil || got != big {
		t.Fatalf("sealed round trip failed: %v", err)
	}
	for _, v := range kr.entries {
		if len(v) > 2048 {
			t.Errorf("a %d-byte value went into the keyring", len(v))
		}
	}
	var n int
	db.QueryRowContext(ctx, `SELECT count(*) FROM sealed_values`).Scan(&n)
	if n != 1 {
		t.Errorf("sealed_values has %d rows, want 1", n)
	}
	// Replacing a sealed value with a small one removes the ciphertext.
	if err := s.Put(ctx, ref, "small"); err != nil {
		t.Fatal(err)
	}
	db.QueryRowContext(ctx, `SELECT count(*) FROM sealed_values`).Scan(&n)
	if n != 0 {
		t.Errorf("sealed_values has %d rows after replacing with a small value, want 0", n)
	}
}

func TestUnavailableKeyringFailsClearlyAndWritesNothing(t *testing.T) {
	ctx := context.Background()
	kr := newFakeKeyring()
	kr.failSet, kr.failGet = errNoSecretService, errNoSecretService
	db := openDB(t)
	s := secrets.New(db, kr)
	value := randomSecret(t, 32)

	err := s.Put(ctx, ref, value)
	if apperr.Code(err) != apperr.Unavailable {
		t.Fatalf("code = %q (%v), want unavailable", apperr.Code(err), err)
	}
	for _, want := range []string{"keyring is not reachable", "gnome-keyring", "KWallet"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
	if strings.Contains(err.Error(), value) {
		t.Error("the error message contains the secret")
	}
	var refs, journal int
	db.QueryRowContext(ctx, `SELECT count(*) FROM secret_refs`).Scan(&refs)
	db.QueryRowContext(ctx, `SELECT count(*) FROM secret_journal`).Scan(&journal)
	if refs != 0 || journal != 0 {
		t.Errorf("after a failed save: %d refs, %d journal rows; want 0, 0", refs, journal)
	}
	// Large values must not fall back to SQLite either when the data key cannot be stored.
	if err := s.Put(ctx, ref, randomSecret(t, 5000)); apperr.Code(err) != apperr.Unavailable {
		t.Errorf("sealed Put with no keyring: %v, want unavailable", err)
	}
	var sealed int
	db.QueryRowContext(ctx, `SELECT count(*) FROM sealed_values`).Scan(&sealed)
	if sealed != 0 {
		t.Error("a large value was written to SQLite without a keyring-held key")
	}
}

// Simulates a crash after the keyring write but before the pointer commit:
// the journalled entry must be swept at the next start, and the previous
// value must still be readable.
func TestRecoverRemovesEntriesOrphanedByACrash(t *testing.T) {
	ctx := context.Background()
	kr := newFakeKeyring()
	db := openDB(t)
	s := secrets.New(db, kr)
	if err := s.Put(ctx, ref, "committed"); err != nil {
		t.Fatal(err)
	}
	// The crash: a journalled key whose keyring entry exists, with no ref.
	orphan := ref.String() + "#deadbeef0000"
	if _, err := db.ExecContext(ctx, `INSERT INTO secret_journal (keyring_key, created_at) VALUES (?, '2026-01-01T00:00:00.000Z')`, orphan); err != nil {
		t.Fatal(err)
	}
	kr.entries[secrets.Service+"|"+orphan] = "half-written"

	n, err := secrets.New(db, kr).Recover(ctx)
	if err != nil || n != 1 {
		t.Fatalf("Recover = %d, %v; want 1, nil", n, err)
	}
	if kr.count() != 1 {
		t.Errorf("keyring holds %d entries, want only the committed one", kr.count())
	}
	if got, _ := s.Get(ctx, ref); got != "committed" {
		t.Errorf("committed value lost: %q", got)
	}
}

// When deleting the old entry fails (keyring hiccup), it stays journalled
// and the next Recover finishes the job.
func TestFailedDeleteIsRetriedByRecover(t *testing.T) {
	ctx := context.Background()
	kr := newFakeKeyring()
	db := openDB(t)
	s := secrets.New(db, kr)
	if err := s.Put(ctx, ref, "v1"); err != nil {
		t.Fatal(err)
	}
	kr.failDel = errNoSecretService
	if err := s.Put(ctx, ref, "v2"); err != nil {
		t.Fatal(err)
	}
	if kr.count() != 2 {
		t.Fatalf("expected the old entry to survive a failed delete; keyring has %d", kr.count())
	}
	kr.failDel = nil
	if n, err := s.Recover(ctx); err != nil || n != 1 {
		t.Fatalf("Recover = %d, %v; want 1, nil", n, err)
	}
	if kr.count() != 1 {
		t.Errorf("keyring holds %d entries after recovery, want 1", kr.count())
	}
	if got, _ := s.Get(ctx, ref); got != "v2" {
		t.Errorf("Get = %q, want v2", got)
	}
}

func TestDeleteIntegrationRemovesEveryConfigurationsSecrets(t *testing.T) {
	ctx := context.Background()
	kr := newFakeKeyring()
	s := secrets.New(openDB(t), kr)
	for _, r := range []secrets.Ref{
		{IntegrationID: "a", ConfigurationID: "c1", Field: "password"},
		{IntegrationID: "a", ConfigurationID: "c2", Field: "client_secret"},
		{IntegrationID: "b", ConfigurationID: "c3", Field: "api_key"},
	} {
		if err := s.Put(ctx, r, "x-"+r.String()); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.DeleteIntegration(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if kr.count() != 1 {
		t.Errorf("keyring holds %d entries, want 1 (integration b's)", kr.count())
	}
	fields, _ := s.Fields(ctx, "b", "c3")
	if len(fields) != 1 || fields[0] != "api_key" {
		t.Errorf("Fields(b, c3) = %v", fields)
	}
}

func TestMalformedRefsAreRejected(t *testing.T) {
	s := secrets.New(openDB(t), newFakeKeyring())
	for _, r := range []secrets.Ref{
		{IntegrationID: "", ConfigurationID: "c", Field: "f"},
		{IntegrationID: "a/b", ConfigurationID: "c", Field: "f"},
		{IntegrationID: "a", ConfigurationID: "c", Field: "f#1"},
	} {
		if err := s.Put(context.Background(), r, "v"); apperr.Code(err) != apperr.Invalid {
			t.Errorf("Put(%q) = %v, want invalid", r.String(), err)
		}
	}
}

// --- Against the real OS keyring (gnome-keyring in `make test`). ---

func realKeyring(t *testing.T) secrets.Keyring { return secretstest.RealKeyring(t) }

func TestRealKeyringRoundTrip(t *testing.T) {
	ctx := context.Background()
	kr := realKeyring(t)
	s := secrets.New(openDB(t), kr)
	r := secrets.Ref{IntegrationID: "it-" + randomSecret(t, 8), ConfigurationID: "cfg", Field: "client_secret"}
	t.Cleanup(func() { _ = s.DeleteIntegration(context.Background(), r.IntegrationID) })

	small, big := randomSecret(t, 40), randomSecret(t, 5000)
	for _, v := range []string{small, big, small} {
		if err := s.Put(ctx, r, v); err != nil {
			t.Fatalf("Put: %v", err)
		}
		got, err := s.Get(ctx, r)
		if err != nil || got != v {
			t.Fatalf("Get returned a different value (len %d vs %d), err %v", len(got), len(v), err)
		}
	}
	if err := s.Delete(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, r); apperr.Code(err) != apperr.NotFound {
		t.Errorf("Get after Delete: %v, want not_found", err)
	}
}

// A stored secret's bytes must appear nowhere in the database, its WAL or
// its shared-memory file, whether it lives in the keyring or is sealed.
func TestStoredSecretBytesAppearNowhereInTheDatabaseFiles(t *testing.T) {
	ctx := context.Background()
	kr := realKeyring(t)
	dir := t.TempDir()
	db, err := store.Open(ctx, filepath.Join(dir, "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s := secrets.New(db, kr)
	id := "it-" + randomSecret(t, 8)
	t.Cleanup(func() { _ = s.DeleteIntegration(context.Background(), id) })

	values := map[string]string{
		"api_key":       randomSecret(t, 40),
		"password":      randomSecret(t, 24),
		"client_secret": randomSecret(t, 64),
		"access_token":  randomSecret(t, 3000), // sealed path
		"refresh_token": randomSecret(t, 200),
	}
	for field, v := range values {
		if err := s.Put(ctx, secrets.Ref{IntegrationID: id, ConfigurationID: "cfg", Field: field}, v); err != nil {
			t.Fatalf("Put %s: %v", field, err)
		}
	}
	check := func(when string) {
		files, _ := filepath.Glob(filepath.Join(dir, "studio.db*"))
		if len(files) == 0 {
			t.Fatal("no database files found")
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for field, v := range values {
				// Also look for a distinctive slice, in case of truncation or page splits.
				for _, needle := range []string{v, v[7:31]} {
					if bytes.Contains(b, []byte(needle)) {
						t.Errorf("%s: %s contains the %s", when, filepath.Base(f), field)
					}
				}
			}
		}
	}
	check("before checkpoint") // WAL still holds recent pages
	if _, err := db.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	check("after checkpoint")
}

// go-keyring's mock keeps the pure unit path honest about the Keyring API.
func TestWorksWithGoKeyringMock(t *testing.T) {
	keyring.MockInit()
	s := secrets.New(openDB(t), mockKeyring{})
	if err := s.Put(context.Background(), ref, "v"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Get(context.Background(), ref); err != nil || v != "v" {
		t.Fatalf("Get = %q, %v", v, err)
	}
}

type mockKeyring struct{}

func (mockKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (mockKeyring) Set(s, u, v string) error        { return keyring.Set(s, u, v) }
func (mockKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }
