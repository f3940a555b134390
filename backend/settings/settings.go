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
	// BlueprintLimit is how many custom blueprints the workspace may have.
	BlueprintLimit int `json:"blueprintLimit"`
	// LocalAPIEnabled turns the local automation API on (off by default);
	// nil when saving keeps the stored choice.
	LocalAPIEnabled *bool `json:"localApiEnabled,omitempty"`
	// LocalAPIPort is its port on 127.0.0.1.
	LocalAPIPort int `json:"localApiPort"`
}

// Bounds of ImportLimitMB.
const (
	MinImportLimitMB = 1
	MaxImportLimitMB = 1024
)

// Defaults are what a new data dir starts with.
var Defaults = Settings{ImportLimitMB: int(spec.DefaultLimits.MaxBytes >> 20), BlueprintLimit: DefaultBlueprintLimit, LocalAPIPort: DefaultLocalAPIPort}

// The local API's port: a fixed default, and the unprivileged range.
const (
	DefaultLocalAPIPort = 8765
	MinLocalAPIPort     = 1024
	MaxLocalAPIPort     = 65535
)

// Blueprint limit: Oneflow's default, and the range Settings accepts.
const (
	DefaultBlueprintLimit = 10
	MinBlueprintLimit     = 1
	MaxBlueprintLimit     = 1000
)

// Service reads and writes settings.
type Service struct{ db *store.DB }

func New(db *store.DB) *Service { return &Service{db: db} }

// intSetting is one whole-number preference as stored under key.
type intSetting struct {
	key      string
	min, max int
	field    func(*Settings) *int
	problem  string // format for an out-of-range value: min, max, value
	// keepWhenZero: a client that predates the setting sends zero, which
	// keeps the stored value rather than failing.
	keepWhenZero bool
}

var intSettings = []intSetting{
	{"importLimitMb", MinImportLimitMB, MaxImportLimitMB, func(s *Settings) *int { return &s.ImportLimitMB },
		"The import size limit must be between %d and %d MB; %d is outside that.", false},
	{"blueprintLimit", MinBlueprintLimit, MaxBlueprintLimit, func(s *Settings) *int { return &s.BlueprintLimit },
		"The blueprint limit must be between %d and %d; %d is outside that.", true},
	{"localApiPort", MinLocalAPIPort, MaxLocalAPIPort, func(s *Settings) *int { return &s.LocalAPIPort },
		"The local API's port must be between %d and %d; %d is outside that.", true},
}

// Get returns the settings, defaults filled in.
func (s *Service) Get(ctx context.Context) (Settings, error) {
	out := Defaults
	for _, is := range intSettings {
		var raw string
		err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, is.key).Scan(&raw)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return out, fmt.Errorf("settings: %w", err)
		}
		var v int
		if json.Unmarshal([]byte(raw), &v) == nil && v >= is.min && v <= is.max {
			*is.field(&out) = v
		}
	}
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = 'localApiEnabled'`).Scan(&raw)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return out, fmt.Errorf("settings: %w", err)
	}
	on := raw == "true"
	out.LocalAPIEnabled = &on
	return out, nil
}

// Save validates and stores the settings.
func (s *Service) Save(ctx context.Context, in Settings) (Settings, error) {
	current, err := s.Get(ctx)
	if err != nil {
		return Settings{}, err
	}
	for _, is := range intSettings {
		v := is.field(&in)
		if *v == 0 && is.keepWhenZero {
			*v = *is.field(&current)
			continue
		}
		if *v < is.min || *v > is.max {
			return Settings{}, apperr.FieldErrorf(is.key, is.problem, is.min, is.max, *v)
		}
	}
	if in.LocalAPIEnabled == nil {
		in.LocalAPIEnabled = current.LocalAPIEnabled
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES ('localApiEnabled', ?, ?)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, fmt.Sprint(*in.LocalAPIEnabled), store.Timestamp(s.db.Now())); err != nil {
			return err
		}
		for _, is := range intSettings {
			v, _ := json.Marshal(*is.field(&in))
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`, is.key, string(v), store.Timestamp(s.db.Now())); err != nil {
				return err
			}
		}
		return nil
	})
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
