package integration

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

// OrgMapping ties the vendor's organisations to local client organisations
// (the seed's organization mapping): the paginated action that lists the
// vendor's organisations, the fields of each item holding its id and name,
// and one entry per vendor organisation mapped.
type OrgMapping struct {
	ActionID  string            `json:"actionId"`
	IDField   string            `json:"idField"`
	NameField string            `json:"nameField"`
	Entries   []OrgMappingEntry `json:"entries"`
}

// OrgMappingEntry maps one vendor organisation.
type OrgMappingEntry struct {
	VendorOrgID   string `json:"vendorOrgId"`
	VendorOrgName string `json:"vendorOrgName"`
	LocalOrg      string `json:"localOrg"`
}

// OrgMappingAvailable says whether the mapping section applies: only once
// at least one action is paginated.
func (s *Service) OrgMappingAvailable(ctx context.Context, integrationID string) (bool, error) {
	if _, err := s.Get(ctx, integrationID); err != nil {
		return false, err
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM actions WHERE integration_id = ? AND paginated = 1`, integrationID).Scan(&n)
	return n > 0, err
}

// GetOrgMapping returns the stored mapping, or nil when there is none.
func (s *Service) GetOrgMapping(ctx context.Context, integrationID string) (*OrgMapping, error) {
	var m OrgMapping
	err := s.db.QueryRowContext(ctx, `SELECT action_id, id_field, name_field FROM org_mappings WHERE integration_id = ?`,
		integrationID).Scan(&m.ActionID, &m.IDField, &m.NameField)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("integration: org mapping: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT vendor_org_id, vendor_org_name, local_org FROM org_mapping_entries
		WHERE integration_id = ? ORDER BY vendor_org_name, vendor_org_id`, integrationID)
	if err != nil {
		return nil, fmt.Errorf("integration: org mapping: %w", err)
	}
	defer rows.Close()
	m.Entries = []OrgMappingEntry{}
	for rows.Next() {
		var e OrgMappingEntry
		if err := rows.Scan(&e.VendorOrgID, &e.VendorOrgName, &e.LocalOrg); err != nil {
			return nil, err
		}
		m.Entries = append(m.Entries, e)
	}
	return &m, rows.Err()
}

// validateOrgMapping checks the fields and entries, naming the first problem.
func validateOrgMapping(m *OrgMapping) error {
	m.IDField, m.NameField = strings.TrimSpace(m.IDField), strings.TrimSpace(m.NameField)
	for _, f := range []struct{ field, label, value string }{{"orgMapping.idField", "ID field", m.IDField}, {"orgMapping.nameField", "Name field", m.NameField}} {
		if f.value == "" {
			return apperr.FieldErrorf(f.field, "%s is required: the key of each listed organisation that holds its %s, e.g. id or name.",
				f.label, strings.ToLower(strings.TrimSuffix(f.label, " field")))
		}
		if strings.ContainsAny(f.value, " \t") || strings.HasPrefix(f.value, ".") || strings.HasSuffix(f.value, ".") || strings.Contains(f.value, "..") {
			return apperr.FieldErrorf(f.field, "%s %q is not a key path: use keys separated by dots, e.g. company.id.", f.label, f.value)
		}
	}
	seen := map[string]bool{}
	for i := range m.Entries {
		e := &m.Entries[i]
		e.VendorOrgID, e.VendorOrgName, e.LocalOrg = strings.TrimSpace(e.VendorOrgID), strings.TrimSpace(e.VendorOrgName), strings.TrimSpace(e.LocalOrg)
		field := fmt.Sprintf("orgMapping.entries[%d]", i)
		switch {
		case e.VendorOrgID == "":
			return apperr.FieldErrorf(field+".vendorOrgId", "Row %d has no vendor organisation id.", i+1)
		case seen[e.VendorOrgID]:
			return apperr.FieldErrorf(field+".vendorOrgId", "Vendor organisation %q is mapped twice (row %d).", e.VendorOrgID, i+1)
		case e.LocalOrg == "":
			return apperr.FieldErrorf(field+".localOrg", "Choose the local organisation for %q (row %d).", firstNonEmpty(e.VendorOrgName, e.VendorOrgID), i+1)
		}
		seen[e.VendorOrgID] = true
	}
	return nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}

// SetOrgMapping stores the mapping, replacing the previous one. The action
// must be one of the integration's paginated actions.
func (s *Service) SetOrgMapping(ctx context.Context, integrationID string, m OrgMapping) (*OrgMapping, error) {
	if err := validateOrgMapping(&m); err != nil {
		return nil, err
	}
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := getIn(ctx, tx, integrationID); err != nil {
			return err
		}
		var name string
		var paginated bool
		err := tx.QueryRowContext(ctx, `SELECT name, paginated FROM actions WHERE integration_id = ? AND id = ?`,
			integrationID, m.ActionID).Scan(&name, &paginated)
		if errors.Is(err, sql.ErrNoRows) {
			return apperr.FieldErrorf("orgMapping.actionId", "Choose the action that lists the vendor's organisations; %q is not one of this integration's.", m.ActionID)
		}
		if err != nil {
			return err
		}
		if !paginated {
			return apperr.FieldErrorf("orgMapping.actionId", "%q is not paginated; organisation mapping reads a paginated list action.", name)
		}
		now := store.Timestamp(s.db.Now().UTC())
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_mappings (integration_id, action_id, id_field, name_field, updated_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (integration_id) DO UPDATE SET action_id = excluded.action_id,
			id_field = excluded.id_field, name_field = excluded.name_field, updated_at = excluded.updated_at`,
			integrationID, m.ActionID, m.IDField, m.NameField, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM org_mapping_entries WHERE integration_id = ?`, integrationID); err != nil {
			return err
		}
		for _, e := range m.Entries {
			if _, err := tx.ExecContext(ctx, `INSERT INTO org_mapping_entries (integration_id, vendor_org_id, vendor_org_name, local_org)
				VALUES (?, ?, ?, ?)`, integrationID, e.VendorOrgID, e.VendorOrgName, e.LocalOrg); err != nil {
				return err
			}
		}
		return touch(ctx, tx, integrationID, now)
	})
	if err != nil {
		return nil, err
	}
	return s.GetOrgMapping(ctx, integrationID)
}
