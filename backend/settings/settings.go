// Package settings keeps the user's preferences that the backend acts on.
package settings

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/store"
)

// Settings is every preference, with its default.
type Settings struct {
	// ImportLimitMB caps the size of a spec file (the seed's peers reject
	// large schemas; we take up to this much).
	ImportLimitMB int `json:"importLimitMb"`
}

// Bounds of ImportLimitMB.
const (
	MinImportLimitMB = 1
	MaxImportLimitMB = 1024
)

// Defaults are what a new data dir starts with.
var Defaults = Settings{ImportLimitMB: int(spec.DefaultLimits.MaxBytes >> 20)}

// Service reads and writes settings.
type Service struct{ db *store.DB }

func New(db *store.DB) *Service { return &Service{db: db} }

// Get returns the settings, defaults filled in.
func (s *Service) Get(ctx context.Context) (Settings, error) {
	out := Defaults
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'importLimitMb'`).Scan(&raw)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("settings: %w", err)
	}
	if err == nil {
		var v int
		if json.Unmarshal([]byte(raw), &v) == nil && v >= MinImportLimitMB && v <= MaxImportLimitMB {
			out.ImportLimitMB = v
		}
	}
	return out, nil
}

// Save validates and stores the settings.
func (s *Service) Save(ctx context.Context, in Settings) (Settings, error) {
	if in.ImportLimitMB < MinImportLimitMB || in.ImportLimitMB > MaxImportLimitMB {
		return Settings{}, apperr.FieldErrorf("importLimitMb", "The import size limit must be between %d and %d MB; %d is outside that.", MinImportLimitMB, MaxImportLimitMB, in.ImportLimitMB)
	}
	v, _ := json.Marshal(in.ImportLimitMB)
	_, err := s.db.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('importLimitMb', ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, string(v), store.Timestamp(s.db.Now()))
	if err != nil {
		return Settings{}, fmt.Errorf("settings: save: %w", err)
	}
	return in, nil
}

// Limits turns the settings into import limits.
func (s Settings) Limits() spec.Limits {
	l := spec.DefaultLimits
	l.MaxBytes = int64(s.ImportLimitMB) << 20
	return l
}
