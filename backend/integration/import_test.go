package integration_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
)

func importHelpdesk(t testing.TB) *spec.Result {
	t.Helper()
	data, err := os.ReadFile("../spec/testdata/helpdesk.swagger.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := spec.Import("helpdesk.swagger.yaml", data, spec.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// importedHelpdesk stores the helpdesk spec as a draft in s and returns its id.
func importedHelpdesk(t *testing.T, s *integration.Service) string {
	t.Helper()
	imp, err := s.Import(context.Background(), integration.ImportInput{FileName: "helpdesk.swagger.yaml", Original: []byte("x"), Spec: importHelpdesk(t)})
	if err != nil {
		t.Fatal(err)
	}
	return imp.Integration.ID
}

func TestImportStoresEverythingInOneTransaction(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	res := importHelpdesk(t)
	got, err := s.Import(ctx, integration.ImportInput{FileName: "helpdesk.swagger.yaml", Original: []byte("original"), Spec: res})
	if err != nil {
		t.Fatal(err)
	}
	if got.Integration.Name != "Helpdesk API" || got.Actions != 5 || got.Integration.Hostname != "api.helpdesk.example" {
		t.Errorf("imported %+v", got)
	}
	stored, err := s.Get(ctx, got.Integration.ID)
	if err != nil || stored.ActionCount != 5 || stored.Description != "Tickets, customers and agents of a small helpdesk product." {
		t.Errorf("stored %+v, %v", stored, err)
	}

	// An action the database refuses (invalid JSON schema) rolls the whole import back.
	broken := importHelpdesk(t)
	broken.Actions[3].ResponseSchema = json.RawMessage(`{not json`)
	if _, err := s.Import(ctx, integration.ImportInput{Name: "Broken", FileName: "x.yaml", Spec: broken}); err == nil {
		t.Fatal("import with a bad action succeeded")
	}
	list, _ := s.List(ctx)
	if len(list) != 1 {
		t.Errorf("a failed import left %d integrations, want 1", len(list))
	}
}

func TestImportNames(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	res := importHelpdesk(t)
	res.Title = "Acme API (v2.1) — beta!"
	got, err := s.Import(ctx, integration.ImportInput{FileName: "acme.yaml", Spec: res})
	if err != nil || got.Integration.Name != "Acme API v2 1 beta" {
		t.Errorf("derived name = %q, %v", got.Integration.Name, err)
	}
	res.Title = ""
	got, err = s.Import(ctx, integration.ImportInput{FileName: "/tmp/zendesk_help-center.oas.yaml", Spec: res})
	if err != nil || got.Integration.Name != "zendesk_help-center" {
		t.Errorf("name from file = %q, %v", got.Integration.Name, err)
	}
	if _, err := s.Import(ctx, integration.ImportInput{Name: "Bad/Name", FileName: "a.yaml", Spec: res}); err == nil {
		t.Error("an invalid explicit name was accepted")
	}
}
