package integration

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
)

// The life cycle (the seed's statuses): a Draft is editable but not
// installable; Finalize makes the hostname, auth method and pagination
// type read-only and moves it to Hidden (editable, not installable); from
// then on it moves between Published (installable) and Hidden, and never
// back to Draft.

// ReadOnlyAfterFinalize names what Finalize freezes, for the confirmation.
func ReadOnlyAfterFinalize() []string { return []string{"hostname", "auth method", "pagination type"} }

// CheckTransition says whether an integration in status from (finalized or
// not) may move to status to with SetStatus.
func CheckTransition(from Status, finalized bool, to Status) error {
	switch to {
	case StatusDraft, StatusPublished, StatusHidden:
	default:
		return apperr.FieldErrorf("status", "Status %q is not one of draft, published, hidden.", to)
	}
	switch {
	case to == from:
		return nil
	case to == StatusDraft:
		return conflictOn("status", "A finalized integration cannot go back to Draft.")
	case !finalized:
		return conflictOn("status", "Finalize the integration before making it %s: a draft is not installable.", to)
	}
	return nil
}

// FinalizeProblems lists what stops an integration from being finalized:
// what becomes read-only must be set, and there must be something to call.
func FinalizeProblems(it Integration) []error {
	var out []error
	if it.FinalizedAt != nil || it.Status != StatusDraft {
		out = append(out, apperr.Errorf(apperr.Conflict, "%q is already finalized.", it.Name))
		return out
	}
	if err := ValidateHostname(it.Hostname); err != nil {
		out = append(out, conflictOn("hostname", "%s", apperr.Public(err).Message))
	}
	if it.ActionCount == 0 {
		out = append(out, conflictOn("actions", "Add at least one action before finalizing."))
	}
	return out
}

// Finalize freezes the hostname, auth method and pagination type and moves
// the draft to Hidden. It refuses, naming every problem, when the
// integration is not ready.
func (s *Service) Finalize(ctx context.Context, id string) (Integration, error) {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		it, err := getIn(ctx, tx, id)
		if err != nil {
			return err
		}
		if problems := FinalizeProblems(it); len(problems) > 0 {
			return firstWithAll(problems)
		}
		now := store.Timestamp(s.db.Now().UTC())
		_, err = tx.ExecContext(ctx, `UPDATE integrations SET status = ?, finalized_at = ?, updated_at = ?
			WHERE id = ? AND status = 'draft' AND finalized_at IS NULL`, StatusHidden, now, now, id)
		return err
	})
	if err != nil {
		return Integration{}, err
	}
	return s.Get(ctx, id)
}

// SetStatus moves an integration to status to, refusing illegal moves.
func (s *Service) SetStatus(ctx context.Context, id string, to Status) (Integration, error) {
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		it, err := getIn(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := CheckTransition(it.Status, it.FinalizedAt != nil, to); err != nil {
			return err
		}
		if to == StatusPublished && it.ActionCount == 0 {
			// Finalize checked this, but actions can be deleted since.
			return conflictOn("status", "%q has no actions left; add one before publishing.", it.Name)
		}
		if it.Status == to {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE integrations SET status = ?, updated_at = ? WHERE id = ?`,
			to, store.Timestamp(s.db.Now().UTC()), id)
		return err
	})
	if err != nil {
		return Integration{}, err
	}
	return s.Get(ctx, id)
}

// firstWithAll returns the first problem, its message followed by the
// others so that the user sees everything to fix at once.
func firstWithAll(problems []error) error {
	var first *apperr.Error
	if !errors.As(problems[0], &first) {
		return problems[0]
	}
	if len(problems) == 1 {
		return first
	}
	out := *first
	for _, p := range problems[1:] {
		out.Message += " " + apperr.Public(p).Message
	}
	return &out
}

// getIn is Get inside a transaction (what Finalize and SetStatus check).
func getIn(ctx context.Context, tx *sql.Tx, id string) (Integration, error) { return load(ctx, tx, id) }

// SetHostname changes the hostname of a draft; it is read-only once the
// integration is finalized.
func (s *Service) SetHostname(ctx context.Context, id, hostname string) (Integration, error) {
	if err := ValidateHostname(hostname); err != nil {
		return Integration{}, err
	}
	hostname = strings.TrimSpace(hostname)
	return s.update(ctx, id, func(it Integration) error {
		return frozenChange(it, hostname, it.AuthMethod, grantOf(it.AuthDefaults), it.Pagination.Type)
	}, `hostname = ?`, hostname)
}

// conflictOn is a refusal due to the integration's state, not to bad input
// (the CLI exits 1, not 2), still placed on a field for the UI.
func conflictOn(field, format string, args ...any) *apperr.Error {
	return &apperr.Error{Code: apperr.Conflict, Field: field, Message: fmt.Sprintf(format, args...)}
}

// grantOf is the OAuth grant of stored defaults ("" for other methods).
func grantOf(d auth.Defaults) auth.GrantType {
	if d.OAuth2 == nil {
		return ""
	}
	return d.OAuth2.GrantType
}

// frozenChange refuses, once it is finalized, a change to what finalizing
// froze: the hostname, the auth method (an OAuth grant is part of it: the
// method step offers each grant as its own choice) and the pagination type.
func frozenChange(it Integration, hostname string, method AuthMethod, grant auth.GrantType, ptype paginate.Type) error {
	if it.FinalizedAt == nil {
		return nil
	}
	switch {
	case hostname != it.Hostname:
		return conflictOn("hostname", "The hostname is read-only: %q was finalized.", it.Name)
	case method != it.AuthMethod || (method == AuthOAuth2 && grant != grantOf(it.AuthDefaults)):
		was := string(it.AuthMethod)
		if g := grantOf(it.AuthDefaults); it.AuthMethod == AuthOAuth2 && g != "" {
			was += " (" + string(g) + ")"
		}
		return conflictOn("auth.method", "The auth method is read-only: %q was finalized with %s.", it.Name, was)
	case ptype != it.Pagination.Type:
		return conflictOn("pagination.type", "The pagination type is read-only: %q was finalized with %s.", it.Name, it.Pagination.Type)
	}
	return nil
}
