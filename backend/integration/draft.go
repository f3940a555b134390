package integration

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/store"
)

// EditorSteps are the editor's steps in order (the Rewst seed's "Set up
// your custom integration"); the frontend mirrors them.
var EditorSteps = []string{"details", "hostname", "auth_method", "auth_defaults",
	"pagination_type", "pagination_details", "actions", "finalize"}

// draftMaxBytes bounds a stored draft: a form is a few kilobytes; more is
// not typing.
const draftMaxBytes = 256 << 10

// Draft is the editor's unsaved work on one integration.
type Draft struct {
	Step      string    `json:"step"`
	Form      EditForm  `json:"form"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// SaveDraft stores the step and the form as typed, without validating it:
// half-typed input is what a draft is. Whatever could be a credential
// (which saving would refuse) is taken out first: see
// auth.WithoutSecretValues; a hostname loses user:password@ and secret
// query values.
func (s *Service) SaveDraft(ctx context.Context, id, step string, form EditForm) (Draft, error) {
	if !slices.Contains(EditorSteps, step) {
		return Draft{}, apperr.FieldErrorf("step", "%q is not an editor step; the steps are %s.", step, strings.Join(EditorSteps, ", "))
	}
	form.Auth.Defaults = auth.WithoutSecretValues(form.Auth.Defaults)
	form.Hostname = auth.WithoutURLSecrets(form.Hostname)
	raw, err := json.Marshal(form)
	if err != nil {
		return Draft{}, fmt.Errorf("integration: draft: %w", err)
	}
	if len(raw) > draftMaxBytes {
		return Draft{}, apperr.Errorf(apperr.Invalid, "The form is %d KB, more than the %d KB a draft may hold; shorten the longest fields.", len(raw)>>10, draftMaxBytes>>10)
	}
	now := s.db.Now().UTC()
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := getIn(ctx, tx, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO editor_drafts (integration_id, step, form, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (integration_id) DO UPDATE SET step = excluded.step, form = excluded.form, updated_at = excluded.updated_at`,
			id, step, string(raw), store.Timestamp(now))
		return err
	})
	if err != nil {
		return Draft{}, err
	}
	return Draft{Step: step, Form: form, UpdatedAt: now}, nil
}

// GetDraft returns the stored draft of integration id, or nil if there is none.
func (s *Service) GetDraft(ctx context.Context, id string) (*Draft, error) {
	var d Draft
	var form, updated string
	err := s.db.QueryRowContext(ctx, `SELECT step, form, updated_at FROM editor_drafts WHERE integration_id = ?`, id).
		Scan(&d.Step, &form, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		if _, err := s.Get(ctx, id); err != nil {
			return nil, err
		}
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("integration: draft: %w", err)
	}
	if err := json.Unmarshal([]byte(form), &d.Form); err != nil {
		return nil, fmt.Errorf("integration: draft form: %w", err)
	}
	if d.UpdatedAt, err = store.ParseTimestamp(updated); err != nil {
		return nil, err
	}
	if !slices.Contains(EditorSteps, d.Step) {
		d.Step = EditorSteps[0]
	}
	return &d, nil
}

// DiscardDraft forgets the draft of integration id (none is fine).
func (s *Service) DiscardDraft(ctx context.Context, id string) error {
	_, err := s.db.ExecContext(ctx, `DELETE FROM editor_drafts WHERE integration_id = ?`, id)
	if err != nil {
		return fmt.Errorf("integration: discard draft: %w", err)
	}
	return nil
}

// CheckForm returns every problem with form, each an *apperr.Error naming
// its field, in form order: what Update would refuse, all at once, so the
// editor can mark each field live. An empty hostname is not a problem
// here (a draft may lack one); finalizing asks for it.
func CheckForm(form EditForm) []*apperr.Error {
	var out []*apperr.Error
	add := func(err error) {
		var e *apperr.Error
		if errors.As(err, &e) {
			out = append(out, e)
		}
	}
	add(ValidateName(strings.TrimSpace(form.Name)))
	add(ValidateDescription(strings.TrimSpace(form.Description)))
	if h := strings.TrimSpace(form.Hostname); h != "" {
		add(ValidateHostname(h))
	}
	for _, err := range auth.ValidateAll(auth.Method(form.Auth.Method), form.Auth.Defaults) {
		add(err)
	}
	for _, err := range paginate.ValidateAll(form.Pagination.Normalized()) {
		add(err)
	}
	return out
}

// FormSuggestions are what the spec an integration was imported from
// suggests for the editor's form, ready to put in it, each with the
// evidence that led to it.
type FormSuggestions struct {
	Hostname   *HostnameSuggestion   `json:"hostname,omitempty"`
	Auth       []AuthSuggestion      `json:"auth"`
	Pagination *PaginationSuggestion `json:"pagination,omitempty"`
}

type HostnameSuggestion struct {
	Hostname string `json:"hostname"`
	BasePath string `json:"basePath"`
	Evidence string `json:"evidence"`
}

type AuthSuggestion struct {
	Auth       AuthForm `json:"auth"`
	SchemeName string   `json:"schemeName"`
	Evidence   string   `json:"evidence"`
}

type PaginationSuggestion struct {
	Pagination paginate.Config `json:"pagination"`
	Evidence   string          `json:"evidence"`
}

// Suggestions returns the form-ready suggestions of integration id (none
// for one made from scratch).
func (s *Service) Suggestions(ctx context.Context, id string) (FormSuggestions, error) {
	var raw string
	err := s.db.QueryRowContext(ctx, `SELECT suggestions FROM integrations WHERE id = ?`, id).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return FormSuggestions{}, apperr.Errorf(apperr.NotFound, "No integration with id %q.", id)
	}
	if err != nil {
		return FormSuggestions{}, fmt.Errorf("integration: suggestions: %w", err)
	}
	var sug spec.Suggestions
	if err := json.Unmarshal([]byte(raw), &sug); err != nil {
		return FormSuggestions{}, fmt.Errorf("integration: suggestions: %w", err)
	}
	out := FormSuggestions{Auth: []AuthSuggestion{}}
	if h := sug.Host; h != nil {
		out.Hostname = &HostnameSuggestion{Hostname: h.Hostname, BasePath: h.BasePath, Evidence: h.Evidence}
	}
	for _, a := range sug.Auth {
		method, defaults := AuthFromSuggestion(a)
		out.Auth = append(out.Auth, AuthSuggestion{Auth: AuthForm{Method: method, Defaults: defaults}, SchemeName: a.SchemeName, Evidence: a.Evidence})
	}
	if p := sug.Pagination; p != nil && p.Type != "" {
		out.Pagination = &PaginationSuggestion{Pagination: PaginationFromSuggestion(*p), Evidence: p.Evidence}
	}
	return out, nil
}
