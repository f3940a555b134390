package integration

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
)

// EditForm is the editable part of an integration in its JSON form, the
// names the CLI's `edit --set key=value` uses: name, description,
// hostname, auth.method, auth.api_key.header_name, auth.oauth2.token_url,
// pagination.type, pagination.after_param, …
type EditForm struct {
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Hostname    string          `json:"hostname"`
	Auth        AuthForm        `json:"auth"`
	Pagination  paginate.Config `json:"pagination"`
}

// AuthForm is the auth method with its defaults, side by side.
type AuthForm struct {
	Method AuthMethod `json:"method"`
	auth.Defaults
}

// FormOf is the edit form of it.
func FormOf(it Integration) EditForm {
	return EditForm{Name: it.Name, Description: it.Description, Hostname: it.Hostname,
		Auth: AuthForm{Method: it.AuthMethod, Defaults: it.AuthDefaults}, Pagination: it.Pagination}
}

// SetField sets the dotted key of form (an EditForm, an Action) to value,
// given as text: JSON when it parses as JSON (numbers, true/false, lists),
// else a plain string. An unknown key or a value of the wrong kind is an
// error naming the key.
func SetField[T any](form T, key, value string) (T, error) {
	parts := strings.Split(key, ".")
	for _, p := range parts {
		if p == "" {
			return form, apperr.FieldErrorf(key, "%q is not a field name: empty part between dots.", key)
		}
	}
	raw, err := json.Marshal(form)
	if err != nil {
		return form, err
	}
	var tree map[string]any
	if err := json.Unmarshal(raw, &tree); err != nil {
		return form, err
	}
	// Field names are exact: JSON decoding would match "Name" to "name"
	// and keep the old value of whichever came last.
	node := tree
	for i, p := range parts {
		if _, exact := node[p]; !exact {
			for k := range node {
				if strings.EqualFold(k, p) {
					return form, apperr.FieldErrorf(key, "There is no field %q; did you mean %q?", key, strings.Join(append(append([]string{}, parts[:i]...), k), "."))
				}
			}
		}
		next, ok := node[p].(map[string]any)
		if !ok {
			break
		}
		node = next
	}
	var parsed any
	if err := json.Unmarshal([]byte(value), &parsed); err != nil {
		parsed = value
	}
	out, err := setIn[T](tree, parts, parsed)
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Type.Kind() == reflect.String {
		out, err = setIn[T](tree, parts, value) // "8443" for a text field is text
	}
	if err != nil {
		switch {
		case errors.As(err, &typeErr):
			return form, apperr.FieldErrorf(key, "%s takes %s, not %q.", key, describeKind(typeErr.Type), value)
		case strings.HasPrefix(err.Error(), "json: unknown field"):
			return form, apperr.FieldErrorf(key, "There is no field %q; see `show ID --json` for the names.", key)
		}
		var keyErr *notAGroupError
		if errors.As(err, &keyErr) {
			return form, apperr.FieldErrorf(key, "%q is not a group of fields; set it directly.", keyErr.name)
		}
		return form, apperr.FieldErrorf(key, "Cannot set %s: %v.", key, err)
	}
	return out, nil
}

// actionEditable are the fields of an action the editor changes (its id,
// position, operation id and response schema come from the spec).
var actionEditable = map[string]bool{"name": true, "description": true, "method": true, "path": true,
	"parameters": true, "requestBody": true, "tags": true, "paginated": true, "pagination": true}

// SetActionField is SetField for an action, refusing fields the editor
// does not change rather than ignoring them.
func SetActionField(a Action, key, value string) (Action, error) {
	first, _, _ := strings.Cut(key, ".")
	if !actionEditable[first] {
		names := make([]string, 0, len(actionEditable))
		for n := range actionEditable {
			names = append(names, n)
		}
		slices.Sort(names)
		return a, apperr.FieldErrorf(key, "%q cannot be set on an action; the fields are %s.", key, strings.Join(names, ", "))
	}
	return SetField(a, key, value)
}

type notAGroupError struct{ name string }

func (e *notAGroupError) Error() string { return e.name + " is not a group" }

// setIn sets the path in a copy of tree and decodes the result strictly.
func setIn[T any](tree map[string]any, parts []string, v any) (T, error) {
	var out T
	raw, _ := json.Marshal(tree)
	var root map[string]any
	_ = json.Unmarshal(raw, &root) // a copy: a failed attempt leaves tree as it was
	node := root
	for _, p := range parts[:len(parts)-1] {
		next, ok := node[p].(map[string]any)
		if !ok {
			if node[p] != nil {
				return out, &notAGroupError{p}
			}
			next = map[string]any{}
			node[p] = next
		}
		node = next
	}
	node[parts[len(parts)-1]] = v
	raw, _ = json.Marshal(root)
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	err := dec.Decode(&out)
	return out, err
}

// Update stores form, validated as a whole, in one transaction: every
// section is checked before anything is written, and what a finalized
// integration keeps read-only (hostname, auth method, pagination type)
// must not change.
func (s *Service) Update(ctx context.Context, id string, form EditForm) (Integration, error) {
	form.Name, form.Description = strings.TrimSpace(form.Name), strings.TrimSpace(form.Description)
	form.Hostname = strings.TrimSpace(form.Hostname)
	pagination := form.Pagination.Normalized()
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		it, err := getIn(ctx, tx, id)
		if err != nil {
			return err
		}
		// What is frozen first: a different type's missing fields are
		// beside the point when the type cannot change.
		if err := frozenChange(it, form.Hostname, form.Auth.Method, grantOf(form.Auth.Defaults.Normalized(auth.Method(form.Auth.Method))), pagination.Type); err != nil {
			return err
		}
		if err := errors.Join(ValidateName(form.Name), ValidateDescription(form.Description)); err != nil {
			var first *apperr.Error
			errors.As(err, &first)
			return first
		}
		if form.Hostname != "" {
			if err := ValidateHostname(form.Hostname); err != nil {
				return err
			}
		}
		defaults, err := auth.Clean(auth.Method(form.Auth.Method), form.Auth.Defaults)
		if err != nil {
			return err
		}
		if err := pagination.Validate(); err != nil {
			return err
		}
		var clash string
		err = tx.QueryRowContext(ctx, `SELECT name FROM integrations WHERE lower(name) = lower(?) AND id <> ?`, form.Name, id).Scan(&clash)
		if err == nil {
			return &apperr.Error{Code: apperr.Conflict, Field: "name",
				Message: fmt.Sprintf("An integration named %q already exists; choose another name.", clash)}
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		authJSON, _ := json.Marshal(defaults)
		paginationJSON, _ := json.Marshal(pagination)
		_, err = tx.ExecContext(ctx, `UPDATE integrations SET name = ?, description = ?, hostname = ?,
			auth_method = ?, auth_defaults = ?, pagination = ?, updated_at = ? WHERE id = ?`,
			form.Name, form.Description, form.Hostname, form.Auth.Method, string(authJSON), string(paginationJSON),
			store.Timestamp(s.db.Now().UTC()), id)
		return err
	})
	if err != nil {
		return Integration{}, err
	}
	return s.Get(ctx, id)
}

// describeKind names what a field takes, for messages.
func describeKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "a JSON list"
	case reflect.Struct, reflect.Map:
		return "a group of fields"
	}
	return "text"
}
