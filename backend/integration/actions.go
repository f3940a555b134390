package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
)

// Action is one call the integration offers, as the actions editor edits it.
type Action struct {
	ID          string `json:"id"`
	Position    int    `json:"position"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Method      string `json:"method"`
	Path        string `json:"path"`
	// Parameters, RequestBody and ResponseSchema are JSON as the import
	// produced them (spec.Parameter list, JSON Schemas).
	Parameters     json.RawMessage `json:"parameters" ts_type:"any"`
	RequestBody    json.RawMessage `json:"requestBody,omitempty" ts_type:"any"`
	ResponseSchema json.RawMessage `json:"responseSchema,omitempty" ts_type:"any"`
	Tags           []string        `json:"tags"`
	OperationID    string          `json:"operationId"`
	// RequestContentType and Deprecated come from the spec; CreatedAt is
	// kept so that an undone delete brings the action back as it was.
	RequestContentType string `json:"requestContentType"`
	Deprecated         bool   `json:"deprecated"`
	CreatedAt          string `json:"createdAt"`
	Paginated          bool   `json:"paginated"`
	// Pagination overrides the integration's for this action (nil: none;
	// see paginate.Effective).
	Pagination *paginate.Config `json:"pagination,omitempty"`
}

// ActionQuery selects a page of actions: Search matches name, path and
// operation id (case-insensitive); Method and Tag filter exactly.
type ActionQuery struct {
	Search string `json:"search"`
	Method string `json:"method"`
	Tag    string `json:"tag"`
	// Paginated filters on the paginated flag: "yes", "no", or "" for both.
	Paginated string `json:"paginated"`
	Offset    int    `json:"offset"`
	Limit     int    `json:"limit"` // default 100, at most 1000
}

// ActionPage is one page of a query and how many actions match in all.
type ActionPage struct {
	Actions []Action `json:"actions"`
	Total   int      `json:"total"`
	// Tags are every tag of the integration's actions, sorted, for the
	// editor's filter (whatever the query); only on the first page, since
	// scrolling on does not change them.
	Tags []string `json:"tags"`
}

// Methods an action may use.
var actionMethods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE"}

// ActionNameMaxLength bounds an action's name (it is a label in workflow builders).
const ActionNameMaxLength = 128

const actionColumns = `id, position, name, description, method, path, parameters, request_body, response_schema,
	tags, operation_id, request_content_type, deprecated, created_at, paginated, pagination`

func scanAction(row interface{ Scan(...any) error }) (Action, error) {
	var a Action
	var params, tags string
	var body, response, pagination sql.NullString
	if err := row.Scan(&a.ID, &a.Position, &a.Name, &a.Description, &a.Method, &a.Path, &params, &body, &response,
		&tags, &a.OperationID, &a.RequestContentType, &a.Deprecated, &a.CreatedAt, &a.Paginated, &pagination); err != nil {
		return Action{}, err
	}
	a.Parameters = json.RawMessage(params)
	if body.Valid {
		a.RequestBody = json.RawMessage(body.String)
	}
	if response.Valid {
		a.ResponseSchema = json.RawMessage(response.String)
	}
	if err := json.Unmarshal([]byte(tags), &a.Tags); err != nil || a.Tags == nil {
		a.Tags = []string{}
	}
	if pagination.Valid {
		var c paginate.Config
		if err := json.Unmarshal([]byte(pagination.String), &c); err != nil {
			return Action{}, fmt.Errorf("action %s: pagination: %w", a.ID, err)
		}
		c = c.Normalized()
		a.Pagination = &c
	}
	return a, nil
}

// ListActions returns one page of an integration's actions, in order.
func (s *Service) ListActions(ctx context.Context, integrationID string, q ActionQuery) (ActionPage, error) {
	if _, err := s.Get(ctx, integrationID); err != nil {
		return ActionPage{}, err
	}
	if q.Limit <= 0 {
		q.Limit = 100
	}
	q.Limit = min(q.Limit, 1000)
	q.Offset = max(q.Offset, 0)
	where := `integration_id = ?`
	args := []any{integrationID}
	if term := strings.TrimSpace(q.Search); term != "" {
		// LIKE ignores case itself (ASCII only, as SQLite's lower() would).
		like := "%" + strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(term) + "%"
		where += ` AND (name LIKE ? ESCAPE '\' OR path LIKE ? ESCAPE '\' OR operation_id LIKE ? ESCAPE '\')`
		args = append(args, like, like, like)
	}
	if m := strings.TrimSpace(q.Method); m != "" {
		where += ` AND method = ?`
		args = append(args, strings.ToUpper(m))
	}
	if tag := strings.TrimSpace(q.Tag); tag != "" {
		where += ` AND EXISTS (SELECT 1 FROM json_each(actions.tags) WHERE json_each.value = ?)`
		args = append(args, tag)
	}
	switch q.Paginated {
	case "":
	case "yes", "no":
		where += ` AND paginated = ?`
		args = append(args, q.Paginated == "yes")
	default:
		return ActionPage{}, apperr.FieldErrorf("paginated", "The paginated filter is %q; use yes, no or leave it empty.", q.Paginated)
	}
	page := ActionPage{Actions: []Action{}, Tags: []string{}}
	if q.Offset == 0 {
		tags, err := s.actionTags(ctx, integrationID)
		if err != nil {
			return ActionPage{}, err
		}
		page.Tags = tags
	}
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM actions WHERE `+where, args...).Scan(&page.Total); err != nil {
		return ActionPage{}, fmt.Errorf("integration: actions: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+actionColumns+` FROM actions WHERE `+where+
		` ORDER BY position, id LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset)...)
	if err != nil {
		return ActionPage{}, fmt.Errorf("integration: actions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanAction(rows)
		if err != nil {
			return ActionPage{}, fmt.Errorf("integration: actions: %w", err)
		}
		page.Actions = append(page.Actions, a)
	}
	return page, rows.Err()
}

// actionTags lists every tag of the integration's actions, sorted.
func (s *Service) actionTags(ctx context.Context, integrationID string) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT j.value FROM actions, json_each(actions.tags) j
		WHERE actions.integration_id = ? AND j.type = 'text' ORDER BY j.value`, integrationID)
	if err != nil {
		return nil, fmt.Errorf("integration: action tags: %w", err)
	}
	defer rows.Close()
	tags := []string{}
	for rows.Next() {
		var tag string
		if err := rows.Scan(&tag); err != nil {
			return nil, fmt.Errorf("integration: action tags: %w", err)
		}
		tags = append(tags, tag)
	}
	return tags, rows.Err()
}

// AddAction appends a default action ("New action", GET /) for the user to fill in.
func (s *Service) AddAction(ctx context.Context, integrationID string) (Action, error) {
	id, err := uuid.NewV7()
	if err != nil {
		return Action{}, fmt.Errorf("integration: new action id: %w", err)
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := getIn(ctx, tx, integrationID); err != nil {
			return err
		}
		var next int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position) + 1, 0) FROM actions WHERE integration_id = ?`,
			integrationID).Scan(&next); err != nil {
			return err
		}
		now := store.Timestamp(s.db.Now().UTC())
		_, err := tx.ExecContext(ctx, `INSERT INTO actions (id, integration_id, position, name, method, path, created_at, updated_at)
			VALUES (?, ?, ?, ?, 'GET', '/', ?, ?)`, id.String(), integrationID, next, fmt.Sprintf("New action %d", next+1), now, now)
		if err != nil {
			return err
		}
		return touch(ctx, tx, integrationID, now)
	})
	if err != nil {
		return Action{}, err
	}
	return s.action(ctx, integrationID, id.String())
}

// Action returns one action of an integration.
func (s *Service) Action(ctx context.Context, integrationID, id string) (Action, error) {
	return s.action(ctx, integrationID, id)
}

func (s *Service) action(ctx context.Context, integrationID, id string) (Action, error) {
	a, err := scanAction(s.db.QueryRowContext(ctx, `SELECT `+actionColumns+` FROM actions WHERE integration_id = ? AND id = ?`, integrationID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Action{}, apperr.Errorf(apperr.NotFound, "No action with id %q in this integration.", id)
	}
	return a, err
}

// ValidateAction checks what the actions editor lets the user change,
// naming the first problem on its field (action.name, action.path, …);
// integration is the pagination the action's override refines.
func ValidateAction(a Action, integration paginate.Config) error {
	return validateActionChange(nil, a, integration)
}

// validateActionChange checks the fields of a that differ from old (all
// of them when old is nil): an imported action that breaks a rule (a
// 150-character summary for a name, a TRACE method) stays editable in its
// other fields.
func validateActionChange(old *Action, a Action, integration paginate.Config) error {
	changed := func(was, is string) bool { return old == nil || strings.TrimSpace(was) != strings.TrimSpace(is) }
	name := strings.TrimSpace(a.Name)
	switch {
	case !changed(oldField(old, func(o *Action) string { return o.Name }), a.Name):
	case name == "":
		return apperr.FieldErrorf("action.name", "An action needs a name.")
	case utf8.RuneCountInString(name) > ActionNameMaxLength:
		return apperr.FieldErrorf("action.name", "The name is %d characters long; the limit is %d.", utf8.RuneCountInString(name), ActionNameMaxLength)
	}
	if changed(oldField(old, func(o *Action) string { return o.Name }), a.Name) && strings.ContainsFunc(name, unicode.IsControl) {
		return apperr.FieldErrorf("action.name", "A name is one line, without control characters.")
	}
	method := strings.ToUpper(strings.TrimSpace(a.Method))
	if !changed(oldField(old, func(o *Action) string { return strings.ToUpper(o.Method) }), method) {
		method = actionMethods[0] // unchanged: not checked
	}
	known := false
	for _, m := range actionMethods {
		known = known || m == method
	}
	if !known {
		return apperr.FieldErrorf("action.method", "Method %q is not one of %s.", a.Method, strings.Join(actionMethods, ", "))
	}
	path := strings.TrimSpace(a.Path)
	switch {
	case !changed(oldField(old, func(o *Action) string { return o.Path }), a.Path):
	case !strings.HasPrefix(path, "/"):
		return apperr.FieldErrorf("action.path", "The path %q must start with '/', e.g. /users/{id}; the hostname is the integration's.", path)
	case strings.ContainsAny(path, " ?#"):
		return apperr.FieldErrorf("action.path", "The path %q cannot contain spaces, '?' or '#'; query parameters are parameters.", path)
	case strings.Count(path, "{") != strings.Count(path, "}"):
		return apperr.FieldErrorf("action.path", "The path %q has unbalanced braces around a path parameter.", path)
	}
	for _, raw := range []struct {
		field string
		value json.RawMessage
		list  bool
	}{{"action.parameters", a.Parameters, true}, {"action.requestBody", a.RequestBody, false}} {
		if len(raw.value) == 0 {
			continue
		}
		var v any
		if err := json.Unmarshal(raw.value, &v); err != nil {
			return apperr.FieldErrorf(raw.field, "This is not valid JSON: %v.", err)
		}
		if _, isList := v.([]any); raw.list && !isList {
			return apperr.FieldErrorf(raw.field, "Parameters must be a JSON list.")
		}
	}
	if a.Pagination != nil && (old == nil || old.Pagination == nil || *old.Pagination != a.Pagination.Normalized()) {
		// What the action will use: an override of the integration's type
		// only names what differs, the rest comes from the integration.
		if errs := paginate.ValidateAllAt("action.pagination", paginate.Effective(integration, a.Pagination)); len(errs) > 0 {
			return errs[0]
		}
	}
	return nil
}

func oldField(old *Action, f func(*Action) string) string {
	if old == nil {
		return ""
	}
	return f(old)
}

// UpdateAction stores the editor's version of an action.
func (s *Service) UpdateAction(ctx context.Context, integrationID string, a Action) (Action, error) {
	old, err := s.action(ctx, integrationID, a.ID)
	if err != nil {
		return Action{}, err
	}
	it, err := s.Get(ctx, integrationID)
	if err != nil {
		return Action{}, err
	}
	if err := validateActionChange(&old, a, it.Pagination); err != nil {
		return Action{}, err
	}
	if old.Paginated && !a.Paginated {
		var mapped int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM org_mappings WHERE action_id = ?`, a.ID).Scan(&mapped); err != nil {
			return Action{}, err
		}
		if mapped > 0 {
			return Action{}, &apperr.Error{Code: apperr.Conflict, Field: "action.paginated",
				Message: fmt.Sprintf("%q lists the vendor's organisations for the organisation mapping, which reads a paginated action; choose another action there first.", old.Name)}
		}
	}
	params := string(a.Parameters)
	if len(a.Parameters) == 0 {
		params = "[]"
	}
	tags, _ := json.Marshal(nonNil(a.Tags))
	var body, pagination any
	if len(a.RequestBody) > 0 {
		body = string(a.RequestBody)
	}
	if a.Pagination != nil {
		b, _ := json.Marshal(a.Pagination.Normalized())
		pagination = string(b)
	}
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		now := store.Timestamp(s.db.Now().UTC())
		res, err := tx.ExecContext(ctx, `UPDATE actions SET name = ?, description = ?, method = ?, path = ?, parameters = ?,
			request_body = ?, tags = ?, paginated = ?, pagination = ?, updated_at = ? WHERE integration_id = ? AND id = ?`,
			strings.TrimSpace(a.Name), strings.TrimSpace(a.Description), strings.ToUpper(strings.TrimSpace(a.Method)),
			strings.TrimSpace(a.Path), params, body, string(tags), a.Paginated, pagination, now, integrationID, a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return apperr.Errorf(apperr.NotFound, "No action with id %q in this integration.", a.ID)
		}
		return touch(ctx, tx, integrationID, now)
	})
	if err != nil {
		return Action{}, err
	}
	return s.action(ctx, integrationID, a.ID)
}

// DeleteActions removes actions and returns them whole, for RestoreActions
// to put back (the editor's undo).
func (s *Service) DeleteActions(ctx context.Context, integrationID string, ids []string) ([]Action, error) {
	var deleted []Action
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			a, err := scanAction(tx.QueryRowContext(ctx, `SELECT `+actionColumns+` FROM actions WHERE integration_id = ? AND id = ?`, integrationID, id))
			if errors.Is(err, sql.ErrNoRows) {
				return apperr.Errorf(apperr.NotFound, "No action with id %q in this integration.", id)
			}
			if err != nil {
				return err
			}
			// The mapping would go with it, and undo could not bring it back.
			var mapped int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM org_mappings WHERE action_id = ?`, id).Scan(&mapped); err != nil {
				return err
			}
			if mapped > 0 {
				return apperr.Errorf(apperr.Conflict, "%q lists the vendor's organisations for the organisation mapping; choose another action there before deleting it.", a.Name)
			}
			if _, err := tx.ExecContext(ctx, `DELETE FROM actions WHERE id = ?`, id); err != nil {
				return err
			}
			deleted = append(deleted, a)
		}
		return touch(ctx, tx, integrationID, store.Timestamp(s.db.Now().UTC()))
	})
	if err != nil {
		return nil, err
	}
	return deleted, nil
}

// RestoreActions puts deleted actions back as they were (DeleteActions'
// result, not re-validated: an imported action may break an editor rule),
// with their ids, at their positions: actions added since move down.
func (s *Service) RestoreActions(ctx context.Context, integrationID string, actions []Action) error {
	sorted := slices.Clone(actions)
	slices.SortFunc(sorted, func(a, b Action) int { return a.Position - b.Position })
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := getIn(ctx, tx, integrationID); err != nil {
			return err
		}
		now := store.Timestamp(s.db.Now().UTC())
		for _, a := range sorted {
			if strings.TrimSpace(a.ID) == "" {
				return apperr.Errorf(apperr.Invalid, "An action to restore has no id.")
			}
			var taken int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM actions WHERE integration_id = ? AND position = ?`,
				integrationID, a.Position).Scan(&taken); err != nil {
				return err
			}
			if taken > 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE actions SET position = position + 1 WHERE integration_id = ? AND position >= ?`,
					integrationID, a.Position); err != nil {
					return err
				}
			}
			tags, _ := json.Marshal(nonNil(a.Tags))
			var body, response, pagination any
			if len(a.RequestBody) > 0 {
				body = string(a.RequestBody)
			}
			if len(a.ResponseSchema) > 0 {
				response = string(a.ResponseSchema)
			}
			if a.Pagination != nil {
				b, _ := json.Marshal(a.Pagination.Normalized())
				pagination = string(b)
			}
			params := string(a.Parameters)
			if params == "" {
				params = "[]"
			}
			created := a.CreatedAt
			if created == "" {
				created = now
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO actions (id, integration_id, position, name, description, method, path,
				parameters, request_body, response_schema, tags, operation_id, request_content_type, deprecated,
				paginated, pagination, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				a.ID, integrationID, a.Position, a.Name, a.Description, strings.ToUpper(a.Method), a.Path, params, body, response,
				string(tags), a.OperationID, a.RequestContentType, a.Deprecated, a.Paginated, pagination, created, now)
			if err != nil {
				if strings.Contains(err.Error(), "UNIQUE") || strings.Contains(err.Error(), "PRIMARY KEY") {
					return apperr.Errorf(apperr.Conflict, "Action %q is already there; nothing to restore.", a.Name)
				}
				return err
			}
		}
		return touch(ctx, tx, integrationID, now)
	})
}

func touch(ctx context.Context, tx *sql.Tx, integrationID, now string) error {
	_, err := tx.ExecContext(ctx, `UPDATE integrations SET updated_at = ? WHERE id = ?`, now, integrationID)
	return err
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
