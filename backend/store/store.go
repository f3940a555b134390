// Package store owns the SQLite database: opening it safely, migrating it,
// and the transaction helper every other package writes through.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"time"

	"integrationstudio/backend/apperr"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// DB is the app's database handle.
type DB struct {
	*sql.DB
	path string
	// Now is injectable so tests control timestamps.
	Now func() time.Time
}

// Options tune Open; the zero value is what the app uses.
type Options struct {
	// BackupDir receives a VACUUM INTO copy before any migration runs.
	BackupDir string
	// Migrations defaults to the embedded set; tests pass a prefix to build
	// an older schema.
	Migrations []Migration
	Now        func() time.Time
}

// dsn puts every pragma in the connection string so that each pooled
// connection gets them, not just the first one. busy_timeout goes first so
// that the WAL switch itself waits for a lock instead of failing.
func dsn(path string) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_txlock", "immediate")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and migrates it to
// the newest schema this build knows. A file that is not a SQLite database
// is reported and never touched; a database from a newer app is refused.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	if err := checkIsDatabase(path); err != nil {
		return nil, err
	}
	if opts.Migrations == nil {
		var err error
		if opts.Migrations, err = Embedded(); err != nil {
			return nil, err
		}
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	sqlDB, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Unavailable, "Cannot open the database %s: %v", path, err)
	}
	db := &DB{DB: sqlDB, path: path, Now: opts.Now}
	if err := db.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, describeOpenError(path, err)
	}
	if err := db.migrate(ctx, opts.Migrations, opts.BackupDir); err != nil {
		sqlDB.Close()
		return nil, err
	}
	return db, nil
}

// Path is the database file's location.
func (db *DB) Path() string { return db.path }

// checkIsDatabase refuses any existing, non-empty file whose header is not
// SQLite's, so that a mistyped --data-dir can never overwrite user data.
func checkIsDatabase(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return apperr.Wrap(err, apperr.Unavailable, "Cannot read the database file %s: %v", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return apperr.Wrap(err, apperr.Unavailable, "Cannot read the database file %s: %v", path, err)
	}
	if info.IsDir() {
		return apperr.Errorf(apperr.Invalid, "%s is a directory, not a database file.", path)
	}
	if info.Size() == 0 {
		return nil // SQLite treats an empty file as a new database.
	}
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return apperr.Errorf(apperr.Invalid,
			"%s is not an Integration Studio database (it is not a SQLite file). It was left untouched; move it away or choose another data directory.", path)
	}
	return nil
}

func describeOpenError(path string, err error) error {
	return apperr.Wrap(err, apperr.Unavailable, "Cannot open the database %s: %v", path, err)
}

// Tx runs fn inside a transaction (BEGIN IMMEDIATE, via _txlock) and
// commits only if fn succeeds.
func (db *DB) Tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return busyOr(err, "begin a transaction")
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return busyOr(err, "commit a transaction")
	}
	return nil
}

// busyOr turns SQLite's "database is locked" into a message a user can act on.
func busyOr(err error, doing string) error {
	msg := err.Error()
	if bytes.Contains([]byte(msg), []byte("SQLITE_BUSY")) || bytes.Contains([]byte(msg), []byte("database is locked")) {
		return apperr.Wrap(err, apperr.Unavailable,
			"The data directory is busy: another Integration Studio process kept the database locked for more than 5 seconds. Try again.")
	}
	return fmt.Errorf("store: %s: %w", doing, err)
}

// Timestamp formats t the way every table stores times (RFC 3339, UTC, ms).
func Timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// ParseTimestamp reads a value written by Timestamp.
func ParseTimestamp(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }

// Querier is a *DB, *sql.DB or *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// Strings runs a query that returns one text column and collects it.
func Strings(ctx context.Context, q Querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
