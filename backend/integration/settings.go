package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
)

// SetAuth sets the auth method and its non-secret defaults (normalized:
// what belongs to other methods is dropped). The method is read-only once
// the integration is finalized; its defaults stay editable.
func (s *Service) SetAuth(ctx context.Context, id string, method AuthMethod, defaults auth.Defaults) (Integration, error) {
	cleaned, err := auth.Clean(auth.Method(method), defaults)
	if err != nil {
		return Integration{}, err
	}
	stored, err := json.Marshal(cleaned)
	if err != nil {
		return Integration{}, fmt.Errorf("integration: auth defaults: %w", err)
	}
	return s.update(ctx, id, func(it Integration) error {
		if it.FinalizedAt != nil && it.AuthMethod != method {
			return apperr.FieldErrorf("auth.method", "The auth method is read-only: %q was finalized with %s.", it.Name, it.AuthMethod)
		}
		return nil
	}, `auth_method = ?, auth_defaults = ?`, method, string(stored))
}

// SetPagination sets the integration's pagination (normalized: fields of
// other types are dropped). The type is read-only once finalized.
func (s *Service) SetPagination(ctx context.Context, id string, c paginate.Config) (Integration, error) {
	c = c.Normalized()
	if err := c.Validate(); err != nil {
		return Integration{}, err
	}
	stored, err := json.Marshal(c)
	if err != nil {
		return Integration{}, fmt.Errorf("integration: pagination: %w", err)
	}
	return s.update(ctx, id, func(it Integration) error {
		if it.FinalizedAt != nil && it.Pagination.Type != c.Type {
			return apperr.FieldErrorf("pagination.type", "The pagination type is read-only: %q was finalized with %s.", it.Name, it.Pagination.Type)
		}
		return nil
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
