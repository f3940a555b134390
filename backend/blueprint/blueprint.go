// Package blueprint keeps blueprints: named containers of data fields that
// playbooks fill from vendor responses (Oneflow's "integration
// blueprints"), with the workspace limit on how many there may be.
package blueprint

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

// DefaultLimit is how many custom blueprints a workspace may have unless
// Settings says otherwise (Oneflow's default).
const DefaultLimit = 10

// MaxFields bounds one blueprint's fields: a playbook maps at most 300
// data fields in all.
const MaxFields = 300

// Blueprint is a container of data fields.
type Blueprint struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Fields      []Field `json:"fields"`
	// IntegrationID links the blueprint to an integration ("" for none),
	// so that the integration's bundles carry it.
	IntegrationID string    `json:"integrationId"`
	CreatedAt     time.Time `json:"createdAt"`
	UpdatedAt     time.Time `json:"updatedAt"`
}

// Field is one data field.
type Field struct {
	Name        string `json:"name"`
	Description string `json:"description"`
	// MappingRequired: a playbook using the blueprint cannot be enabled
	// until this field is mapped.
	MappingRequired bool `json:"mappingRequired"`
}

// Input creates or replaces a blueprint's editable part; Fields in order.
type Input struct {
	Name          string  `json:"name"`
	Description   string  `json:"description"`
	Fields        []Field `json:"fields"`
	IntegrationID string  `json:"integrationId"`
}

// Service stores blueprints. limit reads the workspace's limit (Settings).
type Service struct {
	db    *store.DB
	limit func(ctx context.Context) (int, error)
}

// New returns a Service; limit nil means DefaultLimit.
func New(db *store.DB, limit func(ctx context.Context) (int, error)) *Service {
	if limit == nil {
		limit = func(context.Context) (int, error) { return DefaultLimit, nil }
	}
	return &Service{db: db, limit: limit}
}

// Validate checks a blueprint as the form does, naming the field at fault.
func Validate(in Input) error {
	name := strings.TrimSpace(in.Name)
	switch {
	case name == "":
		return apperr.FieldErrorf("name", "A blueprint needs a name.")
	case len([]rune(name)) > 100:
		return apperr.FieldErrorf("name", "The name is %d characters long; keep it to 100.", len([]rune(name)))
	case strings.TrimSpace(in.Description) == "":
		return apperr.FieldErrorf("description", "A blueprint needs a description: say what its records are for.")
	case len([]rune(in.Description)) > 2000:
		return apperr.FieldErrorf("description", "The description is %d characters long; keep it to 2000.", len([]rune(in.Description)))
	case len(in.Fields) > MaxFields:
		return apperr.FieldErrorf("fields", "A blueprint has at most %d fields; this one has %d.", MaxFields, len(in.Fields))
	}
	seen := map[string]int{}
	for i, f := range in.Fields {
		at := fmt.Sprintf("fields[%d]", i)
		n := strings.TrimSpace(f.Name)
		switch {
		case n == "":
			return apperr.FieldErrorf(at+".name", "Field %d needs a name.", i+1)
		case len([]rune(n)) > 200:
			return apperr.FieldErrorf(at+".name", "Field %d's name is longer than 200 characters.", i+1)
		case strings.ContainsAny(n, "\r\n\t"):
			return apperr.FieldErrorf(at+".name", "Field %d's name must be on one line.", i+1)
		case strings.TrimSpace(f.Description) == "":
			return apperr.FieldErrorf(at+".description", "Field %q needs a description.", n)
		}
		if j, dup := seen[strings.ToLower(n)]; dup {
			return apperr.FieldErrorf(at+".name", "Field %q appears twice (fields %d and %d); names ignore case.", n, j+1, i+1)
		}
		seen[strings.ToLower(n)] = i
	}
	return nil
}

func normalized(in Input) Input {
	out := Input{Name: strings.TrimSpace(in.Name), Description: strings.TrimSpace(in.Description), IntegrationID: strings.TrimSpace(in.IntegrationID), Fields: []Field{}}
	for _, f := range in.Fields {
		out.Fields = append(out.Fields, Field{Name: strings.TrimSpace(f.Name), Description: strings.TrimSpace(f.Description), MappingRequired: f.MappingRequired})
	}
	return out
}

// Create adds a blueprint, unless the workspace already has its limit.
func (s *Service) Create(ctx context.Context, in Input) (Blueprint, error) {
	if err := Validate(in); err != nil {
		return Blueprint{}, err
	}
	in = normalized(in)
	limit, err := s.limit(ctx)
	if err != nil {
		return Blueprint{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Blueprint{}, err
	}
	fields, _ := json.Marshal(in.Fields)
	ts := store.Timestamp(s.db.Now())
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blueprints`).Scan(&n); err != nil {
			return err
		}
		if n >= limit {
			return apperr.Errorf(apperr.Conflict, "This workspace already has %d blueprints, its limit. Delete one, or raise the limit in Settings → Blueprints (up to %d).", n, MaxLimit)
		}
		if err := nameFree(ctx, tx, in.Name, ""); err != nil {
			return err
		}
		if err := integrationExists(ctx, tx, in.IntegrationID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO blueprints (id, name, description, integration_id, fields, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, id.String(), in.Name, in.Description, nullIfEmpty(in.IntegrationID), string(fields), ts, ts)
		return err
	})
	if err != nil {
		return Blueprint{}, err
	}
	return s.Get(ctx, id.String())
}

// MaxLimit is the highest blueprint limit Settings accepts.
const MaxLimit = 1000

// Update replaces a blueprint's name, description, fields (in order: this
// is also how fields are added, edited, reordered and deleted) and link.
func (s *Service) Update(ctx context.Context, id string, in Input) (Blueprint, error) {
	if err := Validate(in); err != nil {
		return Blueprint{}, err
	}
	in = normalized(in)
	fields, _ := json.Marshal(in.Fields)
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, in.Name, id); err != nil {
			return err
		}
		if err := integrationExists(ctx, tx, in.IntegrationID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE blueprints SET name = ?, description = ?, integration_id = ?, fields = ?, updated_at = ? WHERE id = ?`,
			in.Name, in.Description, nullIfEmpty(in.IntegrationID), string(fields), store.Timestamp(s.db.Now()), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound(id)
		}
		return nil
	})
	if err != nil {
		return Blueprint{}, err
	}
	return s.Get(ctx, id)
}

// InUse names what uses a blueprint (playbooks), so Delete can refuse.
type InUse func(ctx context.Context, blueprintID string) ([]string, error)

// Delete removes a blueprint; inUse (nil: nothing uses blueprints) names
// the playbooks connected to it, which refuse the deletion.
func (s *Service) Delete(ctx context.Context, id string, inUse InUse) error {
	b, err := s.Get(ctx, id)
	if err != nil {
		return err
	}
	if inUse != nil {
		users, err := inUse(ctx, id)
		if err != nil {
			return err
		}
		if len(users) > 0 {
			return apperr.Errorf(apperr.Conflict, "Blueprint %q is connected to the playbook(s) %s; disconnect it there first.", b.Name, quoteList(users))
		}
	}
	_, err = s.db.ExecContext(ctx, `DELETE FROM blueprints WHERE id = ?`, id)
	return err
}

// Get returns one blueprint.
func (s *Service) Get(ctx context.Context, id string) (Blueprint, error) {
	b, err := scan(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM blueprints WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Blueprint{}, notFound(id)
	}
	return b, err
}

// FindByName resolves a blueprint by id or name (case-insensitive).
func (s *Service) FindByName(ctx context.Context, nameOrID string) (Blueprint, error) {
	b, err := scan(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM blueprints WHERE id = ? OR lower(name) = lower(?)`, nameOrID, nameOrID))
	if errors.Is(err, sql.ErrNoRows) {
		return Blueprint{}, apperr.Errorf(apperr.NotFound, "There is no blueprint named %q.", nameOrID)
	}
	return b, err
}

// List returns every blueprint by name.
func (s *Service) List(ctx context.Context) ([]Blueprint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM blueprints ORDER BY lower(name)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Blueprint{}
	for rows.Next() {
		b, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

const columns = `id, name, description, coalesce(integration_id, ''), fields, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Blueprint, error) {
	var b Blueprint
	var fields, created, updated string
	if err := row.Scan(&b.ID, &b.Name, &b.Description, &b.IntegrationID, &fields, &created, &updated); err != nil {
		return Blueprint{}, err
	}
	if err := json.Unmarshal([]byte(fields), &b.Fields); err != nil {
		return Blueprint{}, fmt.Errorf("blueprint %s: fields: %w", b.ID, err)
	}
	if b.Fields == nil {
		b.Fields = []Field{}
	}
	var err error
	if b.CreatedAt, err = store.ParseTimestamp(created); err != nil {
		return Blueprint{}, err
	}
	b.UpdatedAt, err = store.ParseTimestamp(updated)
	return b, err
}

func nameFree(ctx context.Context, tx *sql.Tx, name, selfID string) error {
	var clash string
	err := tx.QueryRowContext(ctx, `SELECT name FROM blueprints WHERE lower(name) = lower(?) AND id <> ?`, name, selfID).Scan(&clash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &apperr.Error{Code: apperr.Conflict, Field: "name", Message: fmt.Sprintf("A blueprint named %q already exists.", clash)}
}

func integrationExists(ctx context.Context, tx *sql.Tx, id string) error {
	if id == "" {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM integrations WHERE id = ?`, id).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return apperr.FieldErrorf("integrationId", "No integration with id %q to link the blueprint to.", id)
	}
	return nil
}

func notFound(id string) error {
	return apperr.Errorf(apperr.NotFound, "No blueprint with id %q.", id)
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// LinkedTo lists the blueprints linked to an integration, by name: what
// its bundles carry.
func (s *Service) LinkedTo(ctx context.Context, integrationID string) ([]Blueprint, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM blueprints WHERE integration_id = ? ORDER BY lower(name), id`, integrationID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Blueprint
	for rows.Next() {
		b, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// RestoreLinked writes blueprints a bundle carried, linked to
// integrationID, inside the import's transaction. A blueprint whose id
// exists is replaced; one whose name another blueprint has is renamed
// "<name> (2)"; the workspace limit applies to the ones added.
func (s *Service) RestoreLinked(ctx context.Context, tx *sql.Tx, integrationID string, bps []Blueprint, freshIDs bool) error {
	limit, err := s.limit(ctx)
	if err != nil {
		return err
	}
	for _, b := range bps {
		if err := Validate(Input{Name: b.Name, Description: b.Description, Fields: b.Fields}); err != nil {
			return fmt.Errorf("blueprint %q: %w", b.Name, err)
		}
		id := b.ID
		if freshIDs {
			n, err := uuid.NewV7()
			if err != nil {
				return err
			}
			id = n.String()
		}
		fields, _ := json.Marshal(b.Fields)
		var exists int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blueprints WHERE id = ?`, id).Scan(&exists); err != nil {
			return err
		}
		name, err := freeName(ctx, tx, b.Name, id)
		if err != nil {
			return err
		}
		if exists > 0 {
			_, err = tx.ExecContext(ctx, `UPDATE blueprints SET name = ?, description = ?, integration_id = ?, fields = ?, updated_at = ? WHERE id = ?`,
				name, b.Description, integrationID, string(fields), store.Timestamp(b.UpdatedAt), id)
			if err != nil {
				return err
			}
			continue
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blueprints`).Scan(&n); err != nil {
			return err
		}
		if n >= limit {
			return apperr.Errorf(apperr.Conflict, "The bundle brings blueprint %q, but this workspace already has %d blueprints, its limit. Delete one, or raise the limit in Settings → Blueprints.", b.Name, n)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO blueprints (id, name, description, integration_id, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			id, name, b.Description, integrationID, string(fields), store.Timestamp(b.CreatedAt), store.Timestamp(b.UpdatedAt)); err != nil {
			return err
		}
	}
	return nil
}

// freeName is name, or "<name> (N)" when another blueprint has it.
func freeName(ctx context.Context, tx *sql.Tx, name, selfID string) (string, error) {
	for n := 1; ; n++ {
		cand := name
		if n > 1 {
			cand = fmt.Sprintf("%s (%d)", name, n)
		}
		var clash int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blueprints WHERE lower(name) = lower(?) AND id <> ?`, cand, selfID).Scan(&clash); err != nil {
			return "", err
		}
		if clash == 0 {
			return cand, nil
		}
	}
}
