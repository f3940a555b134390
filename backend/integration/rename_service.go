package integration

import (
	"context"
	"database/sql"
	"fmt"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

// actionTexts loads the names and descriptions of an integration's actions
// in their order; an unknown integration is NotFound.
func actionTexts(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, integrationID string) ([]ActionText, error) {
	var one int
	if err := q.QueryRowContext(ctx, `SELECT 1 FROM integrations WHERE id = ?`, integrationID).Scan(&one); err != nil {
		if err == sql.ErrNoRows {
			return nil, apperr.Errorf(apperr.NotFound, "No integration with id %q.", integrationID)
		}
		return nil, fmt.Errorf("integration: actions: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, description FROM actions WHERE integration_id = ? ORDER BY position, id`, integrationID)
	if err != nil {
		return nil, fmt.Errorf("integration: actions: %w", err)
	}
	defer rows.Close()
	var out []ActionText
	for rows.Next() {
		var a ActionText
		if err := rows.Scan(&a.ID, &a.Name, &a.Description); err != nil {
			return nil, fmt.Errorf("integration: actions: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// checkScope refuses action ids that are not the integration's.
func checkScope(r Rename, actions []ActionText) error {
	known := make(map[string]bool, len(actions))
	for _, a := range actions {
		known[a.ID] = true
	}
	for _, id := range r.ActionIDs {
		if !known[id] {
			return apperr.Errorf(apperr.NotFound, "No action with id %q in this integration.", id)
		}
	}
	return nil
}

// PreviewRename lists what r would change, changing nothing.
func (s *Service) PreviewRename(ctx context.Context, integrationID string, r Rename) ([]RenameChange, error) {
	actions, err := actionTexts(ctx, s.db, integrationID)
	if err != nil {
		return nil, err
	}
	if err := checkScope(r, actions); err != nil {
		return nil, err
	}
	changes, err := r.Preview(actions)
	if err != nil {
		return nil, err
	}
	return changes, ValidateRenamed(changes)
}

// ApplyRename applies r in one transaction and returns the changes, which
// UndoRename takes back as one step.
func (s *Service) ApplyRename(ctx context.Context, integrationID string, r Rename) ([]RenameChange, error) {
	var changes []RenameChange
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		actions, err := actionTexts(ctx, tx, integrationID)
		if err != nil {
			return err
		}
		if err := checkScope(r, actions); err != nil {
			return err
		}
		if changes, err = r.Preview(actions); err != nil {
			return err
		}
		if err := ValidateRenamed(changes); err != nil {
			return err
		}
		return s.writeChanges(ctx, tx, integrationID, changes, false)
	})
	if err != nil {
		return nil, err
	}
	return changes, nil
}

// UndoRename puts back what ApplyRename changed. A field edited since then
// (it no longer holds the replaced text) is left alone and the whole undo
// is refused, naming it, so nothing is half undone.
func (s *Service) UndoRename(ctx context.Context, integrationID string, changes []RenameChange) error {
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		return s.writeChanges(ctx, tx, integrationID, changes, true)
	})
}

func (s *Service) writeChanges(ctx context.Context, tx *sql.Tx, integrationID string, changes []RenameChange, undo bool) error {
	now := store.Timestamp(s.db.Now().UTC())
	for _, c := range changes {
		from, to := c.Before, c.After
		if undo {
			from, to = c.After, c.Before
		}
		column := "name"
		if c.Field == RenameDescription {
			column = "description"
		} else if c.Field != RenameName {
			return apperr.Errorf(apperr.Invalid, "Unknown field %q in a rename.", c.Field)
		}
		res, err := tx.ExecContext(ctx, `UPDATE actions SET `+column+` = ?, updated_at = ?
			WHERE id = ? AND integration_id = ? AND `+column+` = ?`, to, now, c.ActionID, integrationID, from)
		if err != nil {
			return fmt.Errorf("integration: rename: %w", err)
		}
		if n, _ := res.RowsAffected(); n != 1 {
			if undo {
				return apperr.Errorf(apperr.Conflict, "Cannot undo: the %s of action %q was changed since (it is no longer %q).", column, c.ActionID, from)
			}
			return apperr.Errorf(apperr.Conflict, "The %s of action %q changed while renaming; try again.", column, c.ActionID)
		}
	}
	if len(changes) > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE integrations SET updated_at = ? WHERE id = ?`, now, integrationID); err != nil {
			return fmt.Errorf("integration: rename: %w", err)
		}
	}
	return nil
}
