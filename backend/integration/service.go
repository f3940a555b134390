package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

// Service reads and writes integrations.
type Service struct {
	db *store.DB
}

// NewService returns a Service over db.
func NewService(db *store.DB) *Service { return &Service{db: db} }

// Create validates in and stores a new draft integration.
func (s *Service) Create(ctx context.Context, in CreateInput) (Integration, error) {
	name := strings.TrimSpace(in.Name)
	description := strings.TrimSpace(in.Description)
	if err := errors.Join(ValidateName(name), ValidateDescription(description)); err != nil {
		// Report the first problem; the form shows each field's own message live.
		var first *apperr.Error
		if errors.As(err, &first) {
			return Integration{}, first
		}
		return Integration{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Integration{}, fmt.Errorf("integration: new id: %w", err)
	}
	now := s.db.Now().UTC()
	it := Integration{
		ID: id.String(), Name: name, Description: description,
		AuthMethod: AuthNone, Status: StatusDraft, CreatedAt: now, UpdatedAt: now,
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var clash string
		err := tx.QueryRowContext(ctx, `SELECT name FROM integrations WHERE lower(name) = lower(?)`, name).Scan(&clash)
		if err == nil {
			return &apperr.Error{Code: apperr.Conflict, Field: "name",
				Message: fmt.Sprintf("An integration named %q already exists; choose another name.", clash)}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO integrations
			(id, name, description, auth_method, status, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`,
			it.ID, it.Name, it.Description, it.AuthMethod, it.Status,
			store.Timestamp(now), store.Timestamp(now))
		return err
	})
	if err != nil {
		return Integration{}, err
	}
	return it, nil
}

// List returns every integration, most recently updated first.
func (s *Service) List(ctx context.Context) ([]Summary, error) {
	rows, err := s.db.QueryContext(ctx, `
		SELECT i.id, i.name, i.icon_svg, i.status, i.updated_at,
		       (SELECT count(*) FROM actions a WHERE a.integration_id = i.id)
		FROM integrations i
		ORDER BY i.updated_at DESC, i.name`)
	if err != nil {
		return nil, fmt.Errorf("integration: list: %w", err)
	}
	defer rows.Close()
	out := []Summary{}
	for rows.Next() {
		var sum Summary
		var updated string
		if err := rows.Scan(&sum.ID, &sum.Name, &sum.IconSVG, &sum.Status, &updated, &sum.ActionCount); err != nil {
			return nil, fmt.Errorf("integration: list: %w", err)
		}
		if sum.UpdatedAt, err = store.ParseTimestamp(updated); err != nil {
			return nil, fmt.Errorf("integration: list: bad updated_at %q: %w", updated, err)
		}
		out = append(out, sum)
	}
	return out, rows.Err()
}

// Get returns one integration by id.
func (s *Service) Get(ctx context.Context, id string) (Integration, error) {
	return load(ctx, s.db, id)
}

// rowQuerier is a *store.DB or a *sql.Tx.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// load reads one integration (inside a transaction when q is one).
func load(ctx context.Context, q rowQuerier, id string) (Integration, error) {
	var it Integration
	var created, updated, authDefaults, pagination string
	var finalized sql.NullString
	err := q.QueryRowContext(ctx, `
		SELECT i.id, i.name, i.description, i.icon_svg, i.hostname, i.base_path, i.auth_method, i.auth_defaults, i.pagination, i.status,
		       i.finalized_at, i.created_at, i.updated_at,
		       (SELECT count(*) FROM actions a WHERE a.integration_id = i.id)
		FROM integrations i WHERE i.id = ?`, id).Scan(
		&it.ID, &it.Name, &it.Description, &it.IconSVG, &it.Hostname, &it.BasePath, &it.AuthMethod, &authDefaults, &pagination, &it.Status,
		&finalized, &created, &updated, &it.ActionCount)
	if errors.Is(err, sql.ErrNoRows) {
		return Integration{}, apperr.Errorf(apperr.NotFound, "No integration with id %q.", id)
	}
	if err != nil {
		return Integration{}, fmt.Errorf("integration: get: %w", err)
	}
	if err := json.Unmarshal([]byte(authDefaults), &it.AuthDefaults); err != nil {
		return Integration{}, fmt.Errorf("integration: get: auth defaults: %w", err)
	}
	if err := json.Unmarshal([]byte(pagination), &it.Pagination); err != nil {
		return Integration{}, fmt.Errorf("integration: get: pagination: %w", err)
	}
	it.Pagination = it.Pagination.Normalized()
	if it.CreatedAt, err = store.ParseTimestamp(created); err != nil {
		return Integration{}, err
	}
	if it.UpdatedAt, err = store.ParseTimestamp(updated); err != nil {
		return Integration{}, err
	}
	if finalized.Valid {
		t, err := store.ParseTimestamp(finalized.String)
		if err != nil {
			return Integration{}, err
		}
		it.FinalizedAt = &t
	}
	return it, nil
}

// Delete removes an integration with its actions, configurations, drafts
// and stored spec. Its keyring entries are the caller's to delete first
// (configuration.Service.DeleteIntegration does both).
func (s *Service) Delete(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM integrations WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("integration: delete: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.Errorf(apperr.NotFound, "No integration with id %q.", id)
	}
	return nil
}
