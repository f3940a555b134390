package playbook_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/playbook"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/store"
)

// fakeRunner returns a fixed run: the vendor is not what is under test.
type fakeRunner struct{ run runner.Run }

func (f *fakeRunner) Run(context.Context, runner.Request) (runner.Run, error) { return f.run, nil }
func (f *fakeRunner) History(context.Context, string, string) ([]runner.RunSummary, error) {
	if f.run.ID == "" {
		return nil, nil
	}
	return []runner.RunSummary{{ID: f.run.ID}}, nil
}
func (f *fakeRunner) GetRun(context.Context, string, string) (runner.Run, error) { return f.run, nil }

type env struct {
	db      *store.DB
	pb      *playbook.Service
	bp      *blueprint.Service
	runs    *fakeRunner
	it, act string
}

func items(js ...string) []json.RawMessage {
	out := make([]json.RawMessage, len(js))
	for i, j := range js {
		out[i] = json.RawMessage(j)
	}
	return out
}

func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	its := integration.NewService(db)
	it, err := its.Create(ctx, integration.CreateInput{Name: "Helpdesk", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := its.AddAction(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	e := &env{db: db, bp: blueprint.New(db, nil), runs: &fakeRunner{}, it: it.ID, act: a.ID}
	e.pb = playbook.New(db, e.bp, e.runs, nil)
	return e
}

func (e *env) blueprint(t *testing.T, name string, fields ...blueprint.Field) blueprint.Blueprint {
	t.Helper()
	b, err := e.bp.Create(context.Background(), blueprint.Input{Name: name, Description: "d", Fields: fields})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func f(name string, required bool) blueprint.Field {
	return blueprint.Field{Name: name, Description: "d", MappingRequired: required}
}

func TestRunMapsEveryItem(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	contacts := e.blueprint(t, "Contacts", f("email", true), f("name", false), f("source", false))
	p, err := e.pb.Create(ctx, playbook.Input{Name: "Owners", IntegrationID: e.it, ActionID: e.act, Blueprints: []string{contacts.ID},
		Mappings: map[string]map[string]playbook.Mapping{contacts.ID: {
			"email":  {Kind: playbook.KindPath, Value: "$.owner.email"},
			"name":   {Kind: playbook.KindTemplate, Value: "{owner.first} {owner.last}"},
			"source": {Kind: playbook.KindConstant, Value: "helpdesk"},
		}}})
	if err != nil {
		t.Fatal(err)
	}
	e.runs.run = runner.Run{ID: "r1", Complete: true, StartedAt: time.Now(), Items: items(
		`{"owner":{"email":"ada@example.com","first":"Ada","last":"Lovelace"}}`,
		`{"owner":{"first":"Alan","last":"Turing"}}`)}
	res, err := e.pb.Run(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "complete" || len(res.Records) != 2 || res.ErrorCount != 1 {
		t.Fatalf("result %+v", res)
	}
	r0, r1 := res.Records[0], res.Records[1]
	if r0.Values["email"] != "ada@example.com" || r0.Values["name"] != "Ada Lovelace" || r0.Values["source"] != "helpdesk" {
		t.Errorf("record 0 %+v", r0.Values)
	}
	if len(r1.Errors) != 1 || r1.Errors[0] != "email: path $.owner.email matched nothing" {
		t.Errorf("record 1 errors %v", r1.Errors)
	}
	kept, _ := e.pb.Runs(ctx, p.ID)
	if len(kept) != 1 || kept[0].ID != res.ID {
		t.Errorf("kept runs %+v", kept)
	}
	// Preview maps the action's last test run without calling the vendor.
	prev, err := e.pb.Preview(ctx, playbook.Input{Name: "Owners", IntegrationID: e.it, ActionID: e.act, Blueprints: []string{contacts.ID},
		Mappings: map[string]map[string]playbook.Mapping{contacts.ID: {"email": {Kind: playbook.KindPath, Value: "$.owner.first"}}}})
	if err != nil || prev.Records[1].Values["email"] != "Alan" {
		t.Errorf("preview %+v %v", prev, err)
	}
}

func TestFailedMidPaginationKeepsPartialRecords(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	b := e.blueprint(t, "Tickets", f("id", true))
	p, err := e.pb.Create(ctx, playbook.Input{Name: "Sync", IntegrationID: e.it, ActionID: e.act, Blueprints: []string{b.ID},
		Mappings: map[string]map[string]playbook.Mapping{b.ID: {"id": {Kind: playbook.KindPath, Value: "$.id"}}}})
	if err != nil {
		t.Fatal(err)
	}
	e.runs.run = runner.Run{ID: "r2", Items: items(`{"id":1}`, `{"id":2}`), Error: &apperr.Error{Code: apperr.Unavailable, Message: "Page 3: HTTP 500 Internal Server Error from api.example.com."}}
	res, err := e.pb.Run(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != "failed" || len(res.Records) != 2 || !strings.Contains(res.Message, "Page 3") || !strings.Contains(res.Message, "before the failure") {
		t.Errorf("result %+v", res)
	}
}

func TestLimitsAndBadInput(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	var six []string
	for i := 0; i < 6; i++ {
		six = append(six, e.blueprint(t, fmt.Sprintf("B%d", i), f("x", false)).ID)
	}
	var wide [2]blueprint.Blueprint
	maps := map[string]map[string]playbook.Mapping{}
	for w := range wide {
		var fields []blueprint.Field
		m := map[string]playbook.Mapping{}
		for i := 0; i < 151; i++ {
			fields = append(fields, f(fmt.Sprintf("f%d", i), false))
			m[fmt.Sprintf("f%d", i)] = playbook.Mapping{Kind: playbook.KindConstant, Value: "c"}
		}
		wide[w] = e.blueprint(t, fmt.Sprintf("Wide%d", w), fields...)
		maps[wide[w].ID] = m
	}
	cases := []struct {
		name  string
		in    playbook.Input
		field string
		msg   string
	}{
		{"6th connected blueprint", playbook.Input{Name: "p", IntegrationID: e.it, ActionID: e.act, Blueprints: six}, "blueprints", "at most 5"},
		{"301st data field", playbook.Input{Name: "p", IntegrationID: e.it, ActionID: e.act, Blueprints: []string{wide[0].ID, wide[1].ID}, Mappings: maps}, "mappings", "at most 300 data fields; this one maps 302"},
		{"invalid JSONPath", playbook.Input{Name: "p", IntegrationID: e.it, ActionID: e.act, Blueprints: six[:1],
			Mappings: map[string]map[string]playbook.Mapping{six[0]: {"x": {Kind: playbook.KindPath, Value: "$.owner..[email"}}}}, "mappings.B0.x", "position 11"},
		{"unknown field", playbook.Input{Name: "p", IntegrationID: e.it, ActionID: e.act, Blueprints: six[:1],
			Mappings: map[string]map[string]playbook.Mapping{six[0]: {"y": {Kind: playbook.KindConstant, Value: "c"}}}}, "mappings.B0.y", `no field "y"`},
		{"template without placeholder", playbook.Input{Name: "p", IntegrationID: e.it, ActionID: e.act, Blueprints: six[:1],
			Mappings: map[string]map[string]playbook.Mapping{six[0]: {"x": {Kind: playbook.KindTemplate, Value: "plain"}}}}, "mappings.B0.x", "no {placeholder}"},
	}
	for _, c := range cases {
		_, err := e.pb.Create(ctx, c.in)
		pub := apperr.Public(err)
		if err == nil || pub.Field != c.field || !strings.Contains(pub.Message, c.msg) {
			t.Errorf("%s: %#v, want field %s with %q", c.name, err, c.field, c.msg)
		}
	}
}

func TestEnableNeedsRequiredMappingsAndBlueprintsInUseStay(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	b := e.blueprint(t, "Contacts", f("email", true), f("phone", true), f("note", false))
	p, err := e.pb.Create(ctx, playbook.Input{Name: "Contacts sync", IntegrationID: e.it, ActionID: e.act, Blueprints: []string{b.ID},
		Mappings: map[string]map[string]playbook.Mapping{b.ID: {"email": {Kind: playbook.KindPath, Value: "$.email"}}}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.pb.SetEnabled(ctx, p.ID, true)
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "Contacts.phone") || strings.Contains(err.Error(), "Contacts.email") {
		t.Fatalf("enable: %v", err)
	}
	in := playbook.Input{Name: p.Name, IntegrationID: e.it, ActionID: e.act, Blueprints: []string{b.ID},
		Mappings: map[string]map[string]playbook.Mapping{b.ID: {"email": {Kind: playbook.KindPath, Value: "$.email"}, "phone": {Kind: playbook.KindPath, Value: "$.phone"}}}}
	if _, err := e.pb.Update(ctx, p.ID, in); err != nil {
		t.Fatal(err)
	}
	if p, err = e.pb.SetEnabled(ctx, p.ID, true); err != nil || !p.Enabled {
		t.Fatalf("enable after mapping: %v", err)
	}
	err = e.bp.Delete(ctx, b.ID, e.pb.UsingBlueprint)
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), `"Contacts sync"`) {
		t.Errorf("delete blueprint in use: %v", err)
	}
}

type recordedEvents struct{ names []string }

func (r *recordedEvents) Enqueue(_ context.Context, _ *sql.Tx, event string, _ any) error {
	r.names = append(r.names, event)
	return nil
}

func TestRunEnqueuesWebhookEvents(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	ev := &recordedEvents{}
	e.pb = playbook.New(e.db, e.bp, e.runs, ev)
	b := e.blueprint(t, "Tickets", f("id", true))
	p, err := e.pb.Create(ctx, playbook.Input{Name: "Sync", IntegrationID: e.it, ActionID: e.act, Blueprints: []string{b.ID},
		Mappings: map[string]map[string]playbook.Mapping{b.ID: {"id": {Kind: playbook.KindPath, Value: "$.id"}}}})
	if err != nil {
		t.Fatal(err)
	}
	e.runs.run = runner.Run{ID: "r3", Complete: true, Items: items(`{"id":1}`, `{"id":2}`)}
	if _, err := e.pb.Run(ctx, p.ID); err != nil {
		t.Fatal(err)
	}
	if strings.Join(ev.names, ",") != "playbook.record,playbook.record,playbook.run.completed" {
		t.Errorf("events %v", ev.names)
	}
}
