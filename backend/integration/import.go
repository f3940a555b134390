package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/store"
)

// ImportInput creates a draft integration from an imported spec.
type ImportInput struct {
	// Name and Description default to the spec's title and description.
	Name        string
	Description string
	FileName    string
	Original    []byte // the file as the user gave it
	Spec        *spec.Result
}

// SpecInfo records what was imported.
type SpecInfo struct {
	FileName  string      `json:"fileName"`
	Format    spec.Format `json:"format"`
	Version   string      `json:"version"`
	Converted bool        `json:"converted"`
}

// Imported is the stored draft and its counts.
type Imported struct {
	Integration Integration `json:"integration"`
	Actions     int         `json:"actions"`
}

var nameUnsafe = regexp.MustCompile(`[^A-Za-z0-9 _-]+`)

// suggestedName turns a spec title like "Acme API (v2.1)" into a valid name.
func suggestedName(title, fileName string) string {
	n := strings.Join(strings.Fields(nameUnsafe.ReplaceAllString(title, " ")), " ")
	if n == "" {
		base := fileName
		if i := strings.LastIndexAny(base, `/\`); i >= 0 {
			base = base[i+1:]
		}
		if i := strings.Index(base, "."); i > 0 {
			base = base[:i]
		}
		n = strings.Join(strings.Fields(nameUnsafe.ReplaceAllString(base, " ")), " ")
	}
	if n == "" {
		n = "Imported API"
	}
	if utf8.RuneCountInString(n) > NameMaxLength {
		n = strings.TrimSpace(string([]rune(n)[:NameMaxLength]))
	}
	return n
}

// Import stores a draft integration with its actions, suggestions, the
// clean OpenAPI 3 document and the original file, in one transaction: it
// is there whole or not at all.
func (s *Service) Import(ctx context.Context, in ImportInput) (Imported, error) {
	res := in.Spec
	if res == nil {
		return Imported{}, apperr.Errorf(apperr.Invalid, "Nothing to import.")
	}
	explicitName := strings.TrimSpace(in.Name) != ""
	name := strings.TrimSpace(in.Name)
	if !explicitName {
		name = suggestedName(res.Title, in.FileName)
	}
	if err := ValidateName(name); err != nil {
		return Imported{}, err
	}
	description := strings.TrimSpace(in.Description)
	if description == "" {
		description = firstLine(res.Description)
	}
	if description == "" {
		description = fmt.Sprintf("Imported from %s.", in.FileName)
	}
	if utf8.RuneCountInString(description) > DescriptionMaxLength {
		description = strings.TrimSpace(string([]rune(description)[:DescriptionMaxLength-1])) + "…"
	}
	suggestions, err := json.Marshal(res.Suggestions)
	if err != nil {
		return Imported{}, err
	}
	info, _ := json.Marshal(SpecInfo{FileName: in.FileName, Format: res.Format, Version: res.Version, Converted: res.Converted})
	hostname, basePath := "", ""
	if h := res.Suggestions.Host; h != nil {
		hostname, basePath = h.Hostname, h.BasePath
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Imported{}, err
	}
	now := s.db.Now().UTC()
	ts := store.Timestamp(now)
	it := Integration{ID: id.String(), Description: description, Hostname: hostname, AuthMethod: AuthNone,
		Status: StatusDraft, ActionCount: len(res.Actions), CreatedAt: now, UpdatedAt: now}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		unique, err := uniqueName(ctx, tx, name, !explicitName)
		if err != nil {
			return err
		}
		it.Name = unique
		if _, err := tx.ExecContext(ctx, `INSERT INTO integrations
			(id, name, description, hostname, base_path, auth_method, status, openapi_json, suggestions, spec_info, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			it.ID, it.Name, it.Description, hostname, basePath, it.AuthMethod, it.Status,
			string(res.Document), string(suggestions), string(info), ts, ts); err != nil {
			return err
		}
		if err := insertActions(ctx, tx, it.ID, res.Actions, ts); err != nil {
			return err
		}
		if in.Original == nil {
			return nil
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO spec_sources (integration_id, file_name, content, created_at) VALUES (?, ?, ?, ?)`,
			it.ID, in.FileName, in.Original, ts)
		return err
	})
	if err != nil {
		return Imported{}, err
	}
	return Imported{Integration: it, Actions: len(res.Actions)}, nil
}

// uniqueName returns name, or — when the name was derived from the spec —
// "name 2", "name 3"… if it is taken. A name the user typed is never changed.
func uniqueName(ctx context.Context, tx *sql.Tx, name string, mayNumber bool) (string, error) {
	candidate := name
	for i := 2; ; i++ {
		var clash string
		err := tx.QueryRowContext(ctx, `SELECT name FROM integrations WHERE lower(name) = lower(?)`, candidate).Scan(&clash)
		if errors.Is(err, sql.ErrNoRows) {
			return candidate, nil
		}
		if err != nil {
			return "", err
		}
		if !mayNumber {
			return "", &apperr.Error{Code: apperr.Conflict, Field: "name",
				Message: fmt.Sprintf("An integration named %q already exists; choose another name.", clash)}
		}
		suffix := fmt.Sprintf(" %d", i)
		base := name
		if utf8.RuneCountInString(base)+len(suffix) > NameMaxLength {
			base = strings.TrimSpace(string([]rune(base)[:NameMaxLength-len(suffix)]))
		}
		candidate = base + suffix
	}
}

func insertActions(ctx context.Context, tx *sql.Tx, integrationID string, actions []spec.Action, ts string) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO actions
		(id, integration_id, position, name, description, method, path, parameters, request_body, response_schema,
		 tags, pagination, paginated, operation_id, request_content_type, deprecated, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, a := range actions {
		id, err := uuid.NewV7()
		if err != nil {
			return err
		}
		params, _ := json.Marshal(a.Parameters)
		tags, _ := json.Marshal(a.Tags)
		// The inferred pagination becomes the action's own (an override of
		// the integration's), and marks it paginated.
		var pagination any
		paginated := false
		if a.Pagination != nil {
			c := PaginationFromSuggestion(*a.Pagination)
			b, _ := json.Marshal(c)
			pagination, paginated = string(b), c.Type != paginate.None
		}
		if _, err := stmt.ExecContext(ctx, id.String(), integrationID, i, a.Name, a.Description, a.Method, a.Path,
			string(params), rawOrNil(a.RequestBody), rawOrNil(a.ResponseSchema), string(tags), pagination, paginated,
			a.OperationID, a.RequestContentType, a.Deprecated, ts, ts); err != nil {
			return fmt.Errorf("integration: store action %s %s: %w", a.Method, a.Path, err)
		}
	}
	return nil
}

func rawOrNil(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	return string(raw)
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\r\n"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	return s
}
