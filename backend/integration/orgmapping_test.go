package integration_test

import (
	"context"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
)

func TestOrgMapping(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)

	scratch, _ := s.Create(ctx, integration.CreateInput{Name: "Scratch", Description: "d"})
	added, _ := s.AddAction(ctx, scratch.ID)
	if ok, err := s.OrgMappingAvailable(ctx, scratch.ID); ok || err != nil {
		t.Errorf("available with no paginated action = %v, %v", ok, err)
	}
	m := integration.OrgMapping{ActionID: added.ID, IDField: "id", NameField: "name"}
	if _, err := s.SetOrgMapping(ctx, scratch.ID, m); err == nil || err.(*apperr.Error).Field != "orgMapping.actionId" {
		t.Errorf("mapping through an unpaginated action = %v", err)
	}

	id := importedHelpdesk(t, s)
	if ok, _ := s.OrgMappingAvailable(ctx, id); !ok {
		t.Fatal("the helpdesk has paginated actions; mapping should be available")
	}
	if got, err := s.GetOrgMapping(ctx, id); got != nil || err != nil {
		t.Errorf("before any mapping = %+v, %v", got, err)
	}
	actions, _ := s.ListActions(ctx, id, integration.ActionQuery{})
	var list string
	for _, a := range actions.Actions {
		if a.Paginated {
			list = a.ID
		}
	}
	bad := []struct {
		m     integration.OrgMapping
		field string
	}{
		{integration.OrgMapping{ActionID: list, NameField: "name"}, "orgMapping.idField"},
		{integration.OrgMapping{ActionID: list, IDField: "company id", NameField: "name"}, "orgMapping.idField"},
		{integration.OrgMapping{ActionID: list, IDField: "id", NameField: "name.", Entries: nil}, "orgMapping.nameField"},
		{integration.OrgMapping{ActionID: list, IDField: "id", NameField: "name", Entries: []integration.OrgMappingEntry{{VendorOrgID: "", LocalOrg: "A"}}}, "orgMapping.entries[0].vendorOrgId"},
		{integration.OrgMapping{ActionID: list, IDField: "id", NameField: "name", Entries: []integration.OrgMappingEntry{
			{VendorOrgID: "1", LocalOrg: "A"}, {VendorOrgID: "1", LocalOrg: "B"}}}, "orgMapping.entries[1].vendorOrgId"},
		{integration.OrgMapping{ActionID: list, IDField: "id", NameField: "name", Entries: []integration.OrgMappingEntry{{VendorOrgID: "1", VendorOrgName: "Acme"}}}, "orgMapping.entries[0].localOrg"},
		{integration.OrgMapping{ActionID: "ghost", IDField: "id", NameField: "name"}, "orgMapping.actionId"},
	}
	for _, b := range bad {
		if _, err := s.SetOrgMapping(ctx, id, b.m); err == nil || err.(*apperr.Error).Field != b.field {
			t.Errorf("SetOrgMapping(%+v) = %v, want an error on %s", b.m, err, b.field)
		}
	}
	good := integration.OrgMapping{ActionID: list, IDField: "id", NameField: "company.name", Entries: []integration.OrgMappingEntry{
		{VendorOrgID: " 42 ", VendorOrgName: "Acme", LocalOrg: "Acme Corp"}, {VendorOrgID: "7", VendorOrgName: "Beta", LocalOrg: "Beta Ltd"}}}
	got, err := s.SetOrgMapping(ctx, id, good)
	if err != nil || got.ActionID != list || len(got.Entries) != 2 || got.Entries[0].VendorOrgID != "42" || got.Entries[0].LocalOrg != "Acme Corp" {
		t.Fatalf("SetOrgMapping = %+v, %v", got, err)
	}
	good.Entries = good.Entries[1:]
	if got, _ := s.SetOrgMapping(ctx, id, good); len(got.Entries) != 1 || got.Entries[0].VendorOrgID != "7" {
		t.Errorf("replacing the mapping kept %+v", got.Entries)
	}
	// The mapped action stays paginated, and cannot be deleted (undo could
	// not bring the mapping back).
	mapped, _ := s.ListActions(ctx, id, integration.ActionQuery{})
	for _, a := range mapped.Actions {
		if a.ID == list {
			a.Paginated = false
			if _, err := s.UpdateAction(ctx, id, a); apperr.Code(err) != apperr.Conflict {
				t.Errorf("un-paginating the mapped action = %v, want a conflict", err)
			}
		}
	}
	if _, err := s.DeleteActions(ctx, id, []string{list}); apperr.Code(err) != apperr.Conflict {
		t.Errorf("deleting the mapped action = %v, want a conflict", err)
	}
	if got, _ := s.GetOrgMapping(ctx, id); got == nil || len(got.Entries) != 1 {
		t.Errorf("a refused delete changed the mapping: %+v", got)
	}
}
