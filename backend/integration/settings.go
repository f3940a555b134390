package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
)

// SetAuth sets the auth method and its non-secret defaults (normalized:
// what belongs to other methods is dropped). The method is read-only once
// the integration is finalized; its defaults stay editable.
func (s *Service) SetAuth(ctx context.Context, id string, method AuthMethod, defaults auth.Defaults) (Integration, error) {
	// What is frozen first: a missing field of another method is beside
	// the point when the method cannot change.
	if it, err := s.Get(ctx, id); err != nil {
		return Integration{}, err
	} else if err := frozenChange(it, it.Hostname, method, grantOf(defaults.Normalized(auth.Method(method))), it.Pagination.Type); err != nil {
		return Integration{}, err
	}
	cleaned, err := auth.Clean(auth.Method(method), defaults)
	if err != nil {
		return Integration{}, err
	}
	stored, err := json.Marshal(cleaned)
	if err != nil {
		return Integration{}, fmt.Errorf("integration: auth defaults: %w", err)
	}
	return s.update(ctx, id, func(it Integration) error {
		return frozenChange(it, it.Hostname, method, grantOf(cleaned), it.Pagination.Type)
	}, `auth_method = ?, auth_defaults = ?`, method, string(stored))
}

// SetPagination sets the integration's pagination (normalized: fields of
// other types are dropped). The type is read-only once finalized.
func (s *Service) SetPagination(ctx context.Context, id string, c paginate.Config) (Integration, error) {
	c = c.Normalized()
	if it, err := s.Get(ctx, id); err != nil {
		return Integration{}, err
	} else if err := frozenChange(it, it.Hostname, it.AuthMethod, grantOf(it.AuthDefaults), c.Type); err != nil {
		return Integration{}, err
	}
	if err := c.Validate(); err != nil {
		return Integration{}, err
	}
	stored, err := json.Marshal(c)
	if err != nil {
		return Integration{}, fmt.Errorf("integration: pagination: %w", err)
	}
	return s.update(ctx, id, func(it Integration) error {
		return frozenChange(it, it.Hostname, it.AuthMethod, grantOf(it.AuthDefaults), c.Type)
	}, `pagination = ?`, string(stored))
}

// update checks the stored integration with allow and then sets columns
// (an "a = ?, b = ?" list) to args, in one transaction.
func (s *Service) update(ctx context.Context, id string, allow func(Integration) error, columns string, args ...any) (Integration, error) {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		it, err := getIn(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := allow(it); err != nil {
			return err
		}
		args = append(args, store.Timestamp(s.db.Now().UTC()), id)
		_, err = tx.ExecContext(ctx, `UPDATE integrations SET `+columns+`, updated_at = ? WHERE id = ?`, args...)
		return err
	})
	if err != nil {
		return Integration{}, err
	}
	return s.Get(ctx, id)
}
