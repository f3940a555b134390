package blueprint_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/store"
	"integrationstudio/backend/worker"
)

func newService(t *testing.T, limit int) (*blueprint.Service, *store.DB) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return blueprint.New(db, func(context.Context) (int, error) { return limit, nil }), db
}

func field(name string, required bool) blueprint.Field {
	return blueprint.Field{Name: name, Description: "The " + name + ".", MappingRequired: required}
}

func TestCreateEditDelete(t *testing.T) {
	ctx := context.Background()
	s, _ := newService(t, blueprint.DefaultLimit)
	b, err := s.Create(ctx, blueprint.Input{Name: " Tickets ", Description: "Helpdesk tickets.", Fields: []blueprint.Field{field("id", true), field("subject", false)}})
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "Tickets" || len(b.Fields) != 2 || !b.Fields[0].MappingRequired {
		t.Fatalf("created %+v", b)
	}
	// Reorder, add, delete a field: the list is the order.
	b, err = s.Update(ctx, b.ID, blueprint.Input{Name: "Tickets", Description: "Helpdesk tickets.", Fields: []blueprint.Field{field("subject", false), field("id", true), field("owner.email", false)}})
	if err != nil || b.Fields[0].Name != "subject" || len(b.Fields) != 3 {
		t.Fatalf("updated %+v %v", b, err)
	}
	if _, err := s.Create(ctx, blueprint.Input{Name: "tickets", Description: "again"}); apperr.Public(err).Field != "name" {
		t.Errorf("duplicate name: %v", err)
	}
	err = s.Delete(ctx, b.ID, func(context.Context, string) ([]string, error) { return []string{"Nightly sync"}, nil })
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), `"Nightly sync"`) {
		t.Errorf("delete in use: %v", err)
	}
	if err := s.Delete(ctx, b.ID, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get(ctx, b.ID); apperr.Code(err) != apperr.NotFound {
		t.Errorf("after delete: %v", err)
	}
}

func TestValidation(t *testing.T) {
	many := make([]blueprint.Field, blueprint.MaxFields+1)
	for i := range many {
		many[i] = field(fmt.Sprintf("f%d", i), false)
	}
	cases := []struct {
		name  string
		in    blueprint.Input
		field string
	}{
		{"no name", blueprint.Input{Description: "d"}, "name"},
		{"no description", blueprint.Input{Name: "n", Description: "  "}, "description"},
		{"field without a name", blueprint.Input{Name: "n", Description: "d", Fields: []blueprint.Field{{Description: "x"}}}, "fields[0].name"},
		{"field without a description", blueprint.Input{Name: "n", Description: "d", Fields: []blueprint.Field{{Name: "x"}}}, "fields[0].description"},
		{"duplicate field", blueprint.Input{Name: "n", Description: "d", Fields: []blueprint.Field{field("Email", false), field("email", false)}}, "fields[1].name"},
		{"too many fields", blueprint.Input{Name: "n", Description: "d", Fields: many}, "fields"},
	}
	for _, c := range cases {
		if got := apperr.Public(blueprint.Validate(c.in)).Field; got != c.field {
			t.Errorf("%s: field %q, want %q", c.name, got, c.field)
		}
	}
}

func TestTheLimitNamesItselfAndSettings(t *testing.T) {
	ctx := context.Background()
	s, _ := newService(t, blueprint.DefaultLimit)
	for i := 0; i < blueprint.DefaultLimit; i++ {
		if _, err := s.Create(ctx, blueprint.Input{Name: fmt.Sprintf("B%d", i), Description: "d"}); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.Create(ctx, blueprint.Input{Name: "Eleventh", Description: "d"})
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "10 blueprints") || !strings.Contains(err.Error(), "Settings") {
		t.Fatalf("11th: %v", err)
	}
	list, _ := s.List(ctx)
	if len(list) != blueprint.DefaultLimit {
		t.Errorf("%d blueprints kept", len(list))
	}
}

func TestProposeFromAnAction(t *testing.T) {
	data, err := os.ReadFile("../spec/testdata/petstorev3.json")
	if err != nil {
		t.Fatal(err)
	}
	im, err := worker.InProcess{}.Import(context.Background(), worker.ImportRequest{Name: "petstorev3.json", Data: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var find integration.Action
	for _, a := range im.Actions {
		if a.Path == "/pet/findByStatus" {
			find = integration.Action{Name: a.Name, Method: a.Method, Path: a.Path, ResponseSchema: a.ResponseSchema}
		}
	}
	p, err := blueprint.Propose(im.Document, find, paginate.Config{Type: paginate.None})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range p.Fields {
		names = append(names, f.Name)
		if f.Description == "" {
			t.Errorf("field %s has no description", f.Name)
		}
	}
	got := strings.Join(names, ",")
	if got != "category.id,category.name,id,name,photoUrls,status,tags" || p.Source != "items of the response" {
		t.Errorf("fields %s from %s", got, p.Source)
	}
	for _, f := range p.Fields {
		if f.Name == "name" && !f.MappingRequired {
			t.Error("a required property is not marked mapping required")
		}
		if f.Name == "status" && f.Description != "pet status in the store" {
			t.Errorf("status description %q", f.Description)
		}
	}
}

func TestProposeFollowsTheResultsKeyAndEndsOnCycles(t *testing.T) {
	doc := []byte(`{"components":{"schemas":{
		"Node":{"type":"object","properties":{"name":{"type":"string"},"parent":{"$ref":"#/components/schemas/Node"}}},
		"Page":{"type":"object","properties":{"meta":{"type":"object","properties":{"next":{"type":"string"}}},
			"data":{"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/components/schemas/Node"}}}}}}}}}`)
	a := integration.Action{Name: "List nodes", Method: "GET", Path: "/nodes", ResponseSchema: json.RawMessage(`{"$ref":"#/components/schemas/Page"}`)}
	p, err := blueprint.Propose(doc, a, paginate.Config{Type: paginate.Page, ResultsKey: "data.items"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range p.Fields {
		names = append(names, f.Name)
	}
	if strings.Join(names, ",") != "name,parent.name,parent.parent" || p.Source != "items of the results key data.items" {
		t.Errorf("fields %v from %s", names, p.Source)
	}
	if _, err := blueprint.Propose(doc, integration.Action{Name: "No schema"}, paginate.Config{}); apperr.Public(err).Field != "actionId" {
		t.Errorf("no schema: %v", err)
	}
}
