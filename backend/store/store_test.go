package store_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

func fixedNow() time.Time { return time.Date(2026, 11, 24, 9, 30, 0, 0, time.UTC) }

func embedded(t *testing.T) []store.Migration {
	t.Helper()
	ms, err := store.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) < 2 {
		t.Fatalf("want at least 2 migrations to test upgrades, have %d", len(ms))
	}
	return ms
}

func open(t *testing.T, path string, opts store.Options) *store.DB {
	t.Helper()
	if opts.Now == nil {
		opts.Now = fixedNow
	}
	db, err := store.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestOpenFreshDatabaseAppliesEveryMigration(t *testing.T) {
	dir := t.TempDir()
	db := open(t, filepath.Join(dir, "studio.db"), store.Options{BackupDir: filepath.Join(dir, "backups")})
	ctx := context.Background()

	v, err := db.SchemaVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(embedded(t)); v != want {
		t.Fatalf("user_version = %d, want %d", v, want)
	}
	for _, table := range []string{"integrations", "actions", "configurations", "secret_refs", "secret_journal", "sealed_values"} {
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE type='table' AND name=?`, table).Scan(&n); err != nil || n != 1 {
			t.Errorf("table %s missing (n=%d, err=%v)", table, n, err)
		}
	}
	// Nothing to back up on a brand-new file.
	if entries, _ := os.ReadDir(filepath.Join(dir, "backups")); len(entries) != 0 {
		t.Errorf("fresh database made %d backups, want 0", len(entries))
	}
}

// Every pooled connection must get the pragmas, not only the first.
func TestPragmasApplyToEveryPooledConnection(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	ctx := context.Background()
	db.SetMaxOpenConns(4)
	conns := make([]interface{ Close() error }, 0, 4)
	for i := 0; i < 4; i++ {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
		var fk, busy, sync int
		var journal string
		if err := conn.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk); err != nil {
			t.Fatal(err)
		}
		conn.QueryRowContext(ctx, "PRAGMA busy_timeout").Scan(&busy)
		conn.QueryRowContext(ctx, "PRAGMA synchronous").Scan(&sync)
		conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&journal)
		if fk != 1 || busy != 5000 || sync != 2 || journal != "wal" {
			t.Errorf("conn %d: foreign_keys=%d busy_timeout=%d synchronous=%d journal_mode=%s; want 1, 5000, 2 (FULL), wal", i, fk, busy, sync, journal)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestUpgradeFromPreviousSchemaKeepsDataAndBacksUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "studio.db")
	backups := filepath.Join(dir, "backups")
	all := embedded(t)
	ctx := context.Background()

	old, err := store.Open(ctx, path, store.Options{Migrations: all[:len(all)-1], Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.ExecContext(ctx, `INSERT INTO integrations (id, name, description, created_at, updated_at)
		VALUES ('i1', 'Acme', 'Acme API', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`); err != nil {
		t.Fatal(err)
	}
	old.Close()

	db := open(t, path, store.Options{BackupDir: backups})
	v, _ := db.SchemaVersion(ctx)
	if v != len(all) {
		t.Fatalf("after upgrade user_version = %d, want %d", v, len(all))
	}
	var name string
	if err := db.QueryRowContext(ctx, `SELECT name FROM integrations WHERE id = 'i1'`).Scan(&name); err != nil || name != "Acme" {
		t.Fatalf("row lost in upgrade: name=%q err=%v", name, err)
	}

	entries, err := os.ReadDir(backups)
	if err != nil || len(entries) != 1 {
		t.Fatalf("want exactly one backup, got %v (err %v)", entries, err)
	}
	wantPrefix := "studio-v" + strconv.Itoa(len(all)-1) + "-"
	if !strings.HasPrefix(entries[0].Name(), wantPrefix) {
		t.Errorf("backup name %q should start with %q", entries[0].Name(), wantPrefix)
	}
	// The backup is the old schema with the old data.
	bak := open(t, filepath.Join(backups, entries[0].Name()), store.Options{Migrations: all[:len(all)-1]})
	bv, _ := bak.SchemaVersion(ctx)
	if bv != len(all)-1 {
		t.Errorf("backup user_version = %d, want %d", bv, len(all)-1)
	}
	if err := bak.QueryRowContext(ctx, `SELECT name FROM integrations WHERE id = 'i1'`).Scan(&name); err != nil {
		t.Errorf("backup lacks the row: %v", err)
	}
}

// A migration that fails leaves the schema and user_version as they were.
func TestFailedMigrationRollsBackWholly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "studio.db")
	all := embedded(t)
	ctx := context.Background()
	broken := append(append([]store.Migration(nil), all...), store.Migration{
		Version: len(all) + 1, Name: "broken",
		SQL: `CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);`,
	})
	if _, err := store.Open(ctx, path, store.Options{Migrations: broken}); err == nil {
		t.Fatal("Open with a failing migration succeeded")
	}
	db := open(t, path, store.Options{})
	v, _ := db.SchemaVersion(ctx)
	if v != len(all) {
		t.Errorf("user_version = %d after failed migration, want %d", v, len(all))
	}
	var n int
	db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'`).Scan(&n)
	if n != 0 {
		t.Error("table from the failed migration survived")
	}
}

func TestRefusesDatabaseFromNewerApp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "studio.db")
	ctx := context.Background()
	db := open(t, path, store.Options{})
	future := len(embedded(t)) + 5
	if _, err := db.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(future)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := readAll(t, path)

	_, err := store.Open(ctx, path, store.Options{BackupDir: filepath.Join(filepath.Dir(path), "backups")})
	if err == nil {
		t.Fatal("Open accepted a database from a newer version")
	}
	msg := err.Error()
	for _, want := range []string{"newer version", "schema version " + strconv.Itoa(future), path} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not mention %q", msg, want)
		}
	}
	if apperr.Code(err) != apperr.Invalid {
		t.Errorf("code = %s, want invalid", apperr.Code(err))
	}
	if !bytes.Equal(before, readAll(t, path)) {
		t.Error("the newer database file was modified")
	}
}

func TestRefusesToTouchANonDatabaseFile(t *testing.T) {
	cases := map[string][]byte{
		"text":            []byte("my precious notes\n"),
		"json":            []byte(`{"not":"a database"}`),
		"truncated magic": []byte("SQLite format"),
		"binary":          bytes.Repeat([]byte{0xff, 0x00, 0x13}, 4096),
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "studio.db")
			if err := os.WriteFile(path, content, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := store.Open(context.Background(), path, store.Options{})
			if err == nil {
				t.Fatal("Open accepted a file that is not a database")
			}
			if !strings.Contains(err.Error(), "not an Integration Studio database") || !strings.Contains(err.Error(), path) {
				t.Errorf("unclear message: %q", err)
			}
			if got := readAll(t, path); !bytes.Equal(got, content) {
				t.Error("the file was modified")
			}
			if _, err := os.Stat(path + "-wal"); !os.IsNotExist(err) {
				t.Error("a WAL file was created next to the foreign file")
			}
		})
	}
}

func TestEmptyFileIsTreatedAsNewDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "studio.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db := open(t, path, store.Options{})
	if v, _ := db.SchemaVersion(context.Background()); v == 0 {
		t.Error("empty file was not migrated")
	}
}

func readAll(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Migration 0005 marks actions with an inferred pagination as paginated and
// rewrites that pagination from the import's camelCase into the editor's
// snake_case keys, dropping what was absent.
func TestMigrationActionsEditorConvertsPagination(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "studio.db")
	all := embedded(t)
	ctx := context.Background()
	old, err := store.Open(ctx, path, store.Options{Migrations: all[:4], Now: fixedNow}) // up to 0004
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO integrations (id, name, description, created_at, updated_at) VALUES ('i1', 'Acme', 'd', 't', 't')`,
		`INSERT INTO actions (id, integration_id, position, name, method, path, pagination, created_at, updated_at) VALUES
			('a1', 'i1', 0, 'List', 'GET', '/a', '{"type":"pointer","resultsKey":"data","afterParam":"after","pointerPath":"$.next","evidence":"e"}', 't', 't'),
			('a2', 'i1', 1, 'Get', 'GET', '/a/{id}', NULL, 't', 't')`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	db := open(t, path, store.Options{})
	rows, err := db.QueryContext(ctx, `SELECT id, paginated, coalesce(pagination, '') FROM actions ORDER BY position`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id, p string
		var paginated int
		if err := rows.Scan(&id, &paginated, &p); err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s %d %s", id, paginated, p))
	}
	want := []string{
		`a1 1 {"type":"pointer","results_key":"data","after_param":"after","pointer_path":"$.next"}`,
		`a2 0 `,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after 0005:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
