package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
)

// Snapshot is everything the editor holds of an integration, as a bundle
// carries it: no secret is part of it (auth defaults are non-secret by
// validation, configurations travel as names and non-secret values).
type Snapshot struct {
	ID           string          `json:"id"`
	Name         string          `json:"name"`
	Description  string          `json:"description"`
	Hostname     string          `json:"hostname"`
	BasePath     string          `json:"basePath"`
	AuthMethod   AuthMethod      `json:"authMethod"`
	AuthDefaults auth.Defaults   `json:"authDefaults"`
	Pagination   paginate.Config `json:"pagination"`
	Status       Status          `json:"status"`
	FinalizedAt  *time.Time      `json:"finalizedAt,omitempty"`
	CreatedAt    time.Time       `json:"createdAt"`
	UpdatedAt    time.Time       `json:"updatedAt"`
	// Suggestions and SpecInfo are what the import inferred, as stored.
	Suggestions json.RawMessage     `json:"suggestions,omitempty"`
	SpecInfo    json.RawMessage     `json:"specInfo,omitempty"`
	Actions     []SnapshotAction    `json:"actions"`
	OrgMapping  *OrgMappingDef      `json:"orgMapping,omitempty"`
	Configs     []ConfigurationStub `json:"configurations"`
	// IconSVG and OpenAPI travel as their own bundle members.
	IconSVG string          `json:"-"`
	OpenAPI json.RawMessage `json:"-"`
}

// SnapshotAction is an action with its edit time.
type SnapshotAction struct {
	Action
	UpdatedAt string `json:"updatedAt"`
}

// OrgMappingDef is the org mapping's definition; its entries map one
// client's organisations and stay behind.
type OrgMappingDef struct {
	ActionID  string `json:"actionId"`
	IDField   string `json:"idField"`
	NameField string `json:"nameField"`
}

// ConfigurationStub is a configuration without its secrets: the name, the
// organisation, the non-secret settings (configuration.Values as JSON) and
// the secrets its recipient must supply.
type ConfigurationStub struct {
	Name          string          `json:"name"`
	Organization  string          `json:"organization"`
	Settings      json.RawMessage `json:"settings"`
	SecretsNeeded []string        `json:"secretsNeeded"`
}

// Snapshot reads an integration whole.
func (s *Service) Snapshot(ctx context.Context, id string) (Snapshot, error) {
	it, err := s.Get(ctx, id)
	if err != nil {
		return Snapshot{}, err
	}
	snap := Snapshot{ID: it.ID, Name: it.Name, Description: it.Description, Hostname: it.Hostname, BasePath: it.BasePath,
		AuthMethod: it.AuthMethod, AuthDefaults: it.AuthDefaults.Normalized(auth.Method(it.AuthMethod)), Pagination: it.Pagination,
		Status: it.Status, FinalizedAt: it.FinalizedAt, CreatedAt: it.CreatedAt, UpdatedAt: it.UpdatedAt, IconSVG: it.IconSVG}
	var openapi sql.NullString
	var suggestions, info string
	if err := s.db.QueryRowContext(ctx, `SELECT openapi_json, suggestions, spec_info FROM integrations WHERE id = ?`, id).Scan(&openapi, &suggestions, &info); err != nil {
		return Snapshot{}, err
	}
	if openapi.Valid {
		snap.OpenAPI = json.RawMessage(openapi.String)
	}
	snap.Suggestions, snap.SpecInfo = json.RawMessage(suggestions), json.RawMessage(info)
	rows, err := s.db.QueryContext(ctx, `SELECT `+actionColumns+`, updated_at FROM actions WHERE integration_id = ? ORDER BY position, id`, id)
	if err != nil {
		return Snapshot{}, err
	}
	for rows.Next() {
		var a SnapshotAction
		var updated string
		sc := scanWithUpdated{rows: rows, updated: &updated}
		if a.Action, err = scanAction(sc); err != nil {
			rows.Close()
			return Snapshot{}, err
		}
		a.UpdatedAt = updated
		snap.Actions = append(snap.Actions, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return Snapshot{}, err
	}
	if snap.Actions == nil {
		snap.Actions = []SnapshotAction{}
	}
	var m OrgMappingDef
	err = s.db.QueryRowContext(ctx, `SELECT action_id, id_field, name_field FROM org_mappings WHERE integration_id = ?`, id).Scan(&m.ActionID, &m.IDField, &m.NameField)
	if err == nil {
		snap.OrgMapping = &m
	} else if !errors.Is(err, sql.ErrNoRows) {
		return Snapshot{}, err
	}
	crow, err := s.db.QueryContext(ctx, `SELECT name, organization, settings FROM configurations WHERE integration_id = ? ORDER BY lower(name), id`, id)
	if err != nil {
		return Snapshot{}, err
	}
	defer crow.Close()
	snap.Configs = []ConfigurationStub{}
	for crow.Next() {
		var c ConfigurationStub
		var settings string
		if err := crow.Scan(&c.Name, &c.Organization, &settings); err != nil {
			return Snapshot{}, err
		}
		c.Settings = json.RawMessage(settings)
		snap.Configs = append(snap.Configs, c)
	}
	return snap, crow.Err()
}

// scanWithUpdated lets scanAction read a row that has updated_at last.
type scanWithUpdated struct {
	rows    *sql.Rows
	updated *string
}

func (s scanWithUpdated) Scan(dest ...any) error { return s.rows.Scan(append(dest, s.updated)...) }

// RestoreMode says what Restore does with an existing integration.
type RestoreMode string

const (
	// RestoreNew inserts the snapshot under its own id and name.
	RestoreNew RestoreMode = "new"
	// RestoreReplace replaces the integration ReplaceID: its details and
	// actions become the snapshot's; its configurations (and their
	// secrets, still bound to the old origin) stay, and the snapshot's
	// configurations are added where the name is free.
	RestoreReplace RestoreMode = "replace"
	// RestoreCopy inserts the snapshot with fresh ids under NewName.
	RestoreCopy RestoreMode = "copy"
)

// RestoreOptions shape Restore.
type RestoreOptions struct {
	Mode      RestoreMode
	ReplaceID string
	NewName   string
	// Also writes what travels with the integration (its blueprints) in
	// the same transaction, given the integration's id as restored.
	Also func(ctx context.Context, tx *sql.Tx, integrationID string) error
}

// Restore writes a snapshot in one transaction: on any error nothing is
// kept. It returns the integration's id. The snapshot must have been
// validated (names, hostname, auth defaults, pagination, actions, icon).
func (s *Service) Restore(ctx context.Context, snap Snapshot, o RestoreOptions) (string, error) {
	id := snap.ID
	idMap := map[string]string{}
	fresh := func(old string) (string, error) {
		if o.Mode != RestoreCopy {
			return old, nil
		}
		n, err := uuid.NewV7()
		if err != nil {
			return "", err
		}
		idMap[old] = n.String()
		return n.String(), nil
	}
	name := snap.Name
	switch o.Mode {
	case RestoreNew:
	case RestoreCopy:
		var err error
		if id, err = fresh(snap.ID); err != nil {
			return "", err
		}
		name = o.NewName
	case RestoreReplace:
		id = o.ReplaceID
	default:
		return "", apperr.Errorf(apperr.Invalid, "Unknown restore mode %q.", o.Mode)
	}
	defaults, err := json.Marshal(snap.AuthDefaults)
	if err != nil {
		return "", err
	}
	pagination, err := json.Marshal(snap.Pagination)
	if err != nil {
		return "", err
	}
	var finalized any
	if snap.FinalizedAt != nil {
		finalized = store.Timestamp(*snap.FinalizedAt)
	}
	var openapi any
	if len(snap.OpenAPI) > 0 {
		openapi = string(snap.OpenAPI)
	}
	suggestions, info := orEmptyObject(snap.Suggestions), orEmptyObject(snap.SpecInfo)
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if o.Mode == RestoreReplace {
			for _, q := range []string{`DELETE FROM actions WHERE integration_id = ?`, `DELETE FROM editor_drafts WHERE integration_id = ?`, `DELETE FROM spec_sources WHERE integration_id = ?`} {
				if _, err := tx.ExecContext(ctx, q, id); err != nil {
					return err
				}
			}
			res, err := tx.ExecContext(ctx, `UPDATE integrations SET name = ?, description = ?, icon_svg = ?, hostname = ?, base_path = ?,
				auth_method = ?, auth_defaults = ?, pagination = ?, status = ?, finalized_at = ?, openapi_json = ?, suggestions = ?, spec_info = ?,
				created_at = ?, updated_at = ? WHERE id = ?`,
				name, snap.Description, snap.IconSVG, snap.Hostname, snap.BasePath, snap.AuthMethod, string(defaults), string(pagination),
				snap.Status, finalized, openapi, suggestions, info, store.Timestamp(snap.CreatedAt), store.Timestamp(snap.UpdatedAt), id)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return apperr.Errorf(apperr.NotFound, "No integration with id %q to replace.", id)
			}
		} else if err := checkFree(ctx, tx, id, name); err != nil {
			return err
		} else if _, err := tx.ExecContext(ctx, `INSERT INTO integrations (id, name, description, icon_svg, hostname, base_path, auth_method,
				auth_defaults, pagination, status, finalized_at, openapi_json, suggestions, spec_info, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, name, snap.Description, snap.IconSVG, snap.Hostname, snap.BasePath, snap.AuthMethod, string(defaults), string(pagination),
			snap.Status, finalized, openapi, suggestions, info, store.Timestamp(snap.CreatedAt), store.Timestamp(snap.UpdatedAt)); err != nil {
			return err
		}
		for i, a := range snap.Actions {
			aid, err := fresh(a.ID)
			if err != nil {
				return err
			}
			tags, _ := json.Marshal(nonNil(a.Tags))
			var pg any
			if a.Pagination != nil {
				b, _ := json.Marshal(a.Pagination)
				pg = string(b)
			}
			params := a.Parameters
			if len(params) == 0 {
				params = json.RawMessage("[]")
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO actions
				(id, integration_id, position, name, description, method, path, parameters, request_body, response_schema,
				 tags, pagination, paginated, operation_id, request_content_type, deprecated, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				aid, id, i, a.Name, a.Description, a.Method, a.Path, string(params), rawOrNil(a.RequestBody), rawOrNil(a.ResponseSchema),
				string(tags), pg, a.Paginated, a.OperationID, a.RequestContentType, a.Deprecated, a.CreatedAt, a.UpdatedAt); err != nil {
				return fmt.Errorf("restore action %q: %w", a.Name, err)
			}
		}
		if snap.OrgMapping != nil {
			actionID := snap.OrgMapping.ActionID
			if mapped, ok := idMap[actionID]; ok {
				actionID = mapped
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO org_mappings (integration_id, action_id, id_field, name_field, updated_at) VALUES (?, ?, ?, ?, ?)`,
				id, actionID, snap.OrgMapping.IDField, snap.OrgMapping.NameField, store.Timestamp(snap.UpdatedAt)); err != nil {
				return fmt.Errorf("restore org mapping: %w", err)
			}
		}
		ts := store.Timestamp(snap.UpdatedAt)
		for _, c := range snap.Configs {
			var taken int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM configurations WHERE integration_id = ? AND lower(name) = lower(?)`, id, c.Name).Scan(&taken); err != nil {
				return err
			}
			if taken > 0 {
				continue // replace keeps the existing configuration of that name, with its secrets
			}
			cid, err := uuid.NewV7()
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO configurations (id, integration_id, name, organization, settings, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, cid.String(), id, c.Name, c.Organization, string(orEmptyObject(c.Settings)), ts, ts); err != nil {
				return fmt.Errorf("restore configuration %q: %w", c.Name, err)
			}
		}
		if o.Also != nil {
			return o.Also(ctx, tx, id)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	return id, nil
}

func orEmptyObject(raw json.RawMessage) string {
	if len(raw) == 0 {
		return "{}"
	}
	return string(raw)
}

// checkFree refuses an id or name already taken, inside the transaction.
func checkFree(ctx context.Context, tx *sql.Tx, id, name string) error {
	var clash string
	err := tx.QueryRowContext(ctx, `SELECT name FROM integrations WHERE id = ? OR lower(name) = lower(?)`, id, name).Scan(&clash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return apperr.Errorf(apperr.Conflict, "An integration with this id or the name %q already exists (%q).", name, clash)
}
