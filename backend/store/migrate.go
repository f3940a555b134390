package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"integrationstudio/backend/apperr"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Migration is one schema step; Version is its position (1-based) and the
// value user_version holds once it is applied.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// Embedded returns the migrations shipped in this binary, in order.
// File names are NNNN_name.sql; gaps or duplicates are a build bug.
func Embedded() ([]Migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []Migration
	for _, e := range entries {
		num, name, ok := strings.Cut(strings.TrimSuffix(e.Name(), ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("store: migration file %s is not named NNNN_name.sql", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, Migration{Version: v, Name: name, SQL: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Version < out[j].Version })
	for i, m := range out {
		if m.Version != i+1 {
			return nil, fmt.Errorf("store: migrations must be numbered 1..n without gaps; found %d at position %d", m.Version, i+1)
		}
	}
	return out, nil
}

// SchemaVersion reads PRAGMA user_version.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

func (db *DB) migrate(ctx context.Context, migrations []Migration, backupDir string) error {
	current, err := db.SchemaVersion(ctx)
	if err != nil {
		return describeOpenError(db.path, err)
	}
	latest := len(migrations)
	if current > latest {
		return apperr.Errorf(apperr.Invalid,
			"%s was written by a newer version of Integration Studio (schema version %d; this version understands up to %d). Update the app to open it; the file was left untouched.",
			db.path, current, latest)
	}
	if current == latest {
		return nil
	}
	// A brand-new file holds nothing worth a copy.
	if current > 0 && backupDir != "" {
		if err := db.backup(ctx, backupDir, current); err != nil {
			return err
		}
	}
	for _, m := range migrations[current:] {
		err := db.Tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("store: migration %04d_%s: %w", m.Version, m.Name, err)
			}
			// user_version is transactional: the bump commits with the schema change or not at all.
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.Version))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// backup copies the database with VACUUM INTO so an upgrade can be undone
// by hand. The name carries the old schema version and a timestamp.
func (db *DB) backup(ctx context.Context, dir string, version int) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return apperr.Wrap(err, apperr.Unavailable, "Cannot create the backup folder %s: %v", dir, err)
	}
	name := fmt.Sprintf("studio-v%d-%s.db", version, db.Now().UTC().Format("20060102T150405.000Z"))
	target := filepath.Join(dir, name)
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", target); err != nil {
		return apperr.Wrap(err, apperr.Unavailable,
			"Could not back up the database to %s before upgrading it, so it was not upgraded: %v", target, err)
	}
	return nil
}
