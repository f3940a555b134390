// Package playbook keeps playbooks: a vendor action's results mapped,
// item by item, into records shaped by up to five blueprints (Oneflow's
// playbooks and their limits), run on demand with the action's
// pagination, with every run kept.
package playbook

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/store"
)

// Oneflow's limits.
const (
	MaxBlueprints = 5
	MaxDataFields = 300
)

// Playbook is a source action, its connected blueprints and the mappings.
type Playbook struct {
	ID              string            `json:"id"`
	Name            string            `json:"name"`
	IntegrationID   string            `json:"integrationId"`
	ActionID        string            `json:"actionId"`
	ConfigurationID string            `json:"configurationId"`
	Params          map[string]string `json:"params"`
	Blueprints      []string          `json:"blueprints"`
	// Mappings: blueprint id → field name → data field.
	Mappings  map[string]map[string]Mapping `json:"mappings"`
	Enabled   bool                          `json:"enabled"`
	CreatedAt time.Time                     `json:"createdAt"`
	UpdatedAt time.Time                     `json:"updatedAt"`
}

// Input creates or edits a playbook (everything but Enabled).
type Input struct {
	Name            string                        `json:"name"`
	IntegrationID   string                        `json:"integrationId"`
	ActionID        string                        `json:"actionId"`
	ConfigurationID string                        `json:"configurationId"`
	Params          map[string]string             `json:"params"`
	Blueprints      []string                      `json:"blueprints"`
	Mappings        map[string]map[string]Mapping `json:"mappings"`
}

// Runner runs the source action (a *runner.Service).
type Runner interface {
	Run(ctx context.Context, r runner.Request) (runner.Run, error)
	History(ctx context.Context, integrationID, actionID string) ([]runner.RunSummary, error)
	GetRun(ctx context.Context, integrationID, runID string) (runner.Run, error)
}

// Events records outgoing events in the caller's transaction (a
// *webhook.Service: its outbox).
type Events interface {
	Enqueue(ctx context.Context, tx *sql.Tx, event string, payload any) error
}

// Event names (webhook.EventPlaybookRunCompleted, webhook.EventPlaybookRecord).
const (
	eventRunCompleted = "playbook.run.completed"
	eventRecord       = "playbook.record"
)

// Service stores and runs playbooks.
type Service struct {
	db         *store.DB
	blueprints *blueprint.Service
	runs       Runner
	events     Events
}

// New returns a Service. events may be nil (no webhooks).
func New(db *store.DB, blueprints *blueprint.Service, runs Runner, events Events) *Service {
	return &Service{db: db, blueprints: blueprints, runs: runs, events: events}
}

// check validates an input against its blueprints and the limits.
func (s *Service) check(ctx context.Context, in *Input) (map[string]blueprint.Blueprint, error) {
	in.Name = strings.TrimSpace(in.Name)
	switch {
	case in.Name == "":
		return nil, apperr.FieldErrorf("name", "A playbook needs a name.")
	case len([]rune(in.Name)) > 100:
		return nil, apperr.FieldErrorf("name", "The name is longer than 100 characters.")
	case in.IntegrationID == "" || in.ActionID == "":
		return nil, apperr.FieldErrorf("actionId", "Pick the integration and the action whose results the playbook maps.")
	case len(in.Blueprints) > MaxBlueprints:
		return nil, apperr.FieldErrorf("blueprints", "A playbook connects at most %d blueprints; this one has %d.", MaxBlueprints, len(in.Blueprints))
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM actions WHERE integration_id = ? AND id = ?`, in.IntegrationID, in.ActionID).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, apperr.FieldErrorf("actionId", "The integration has no such action.")
	}
	bps := map[string]blueprint.Blueprint{}
	for _, id := range in.Blueprints {
		if _, dup := bps[id]; dup {
			return nil, apperr.FieldErrorf("blueprints", "A blueprint is connected twice.")
		}
		b, err := s.blueprints.Get(ctx, id)
		if err != nil {
			return nil, apperr.FieldErrorf("blueprints", "%s", apperr.Public(err).Message)
		}
		bps[id] = b
	}
	count := 0
	for bpID, fields := range in.Mappings {
		b, ok := bps[bpID]
		if !ok {
			return nil, apperr.FieldErrorf("mappings", "The mappings name a blueprint that is not connected to this playbook.")
		}
		known := map[string]bool{}
		for _, f := range b.Fields {
			known[f.Name] = true
		}
		for name, m := range fields {
			field := fmt.Sprintf("mappings.%s.%s", b.Name, name)
			if !known[name] {
				return nil, apperr.FieldErrorf(field, "Blueprint %q has no field %q.", b.Name, name)
			}
			if _, err := compile(field, m); err != nil {
				return nil, err
			}
			count++
		}
	}
	if count > MaxDataFields {
		return nil, apperr.FieldErrorf("mappings", "A playbook has at most %d data fields; this one maps %d.", MaxDataFields, count)
	}
	return bps, nil
}

// Create adds a playbook, disabled.
func (s *Service) Create(ctx context.Context, in Input) (Playbook, error) {
	if _, err := s.check(ctx, &in); err != nil {
		return Playbook{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Playbook{}, err
	}
	params, blueprints, mappings := encode(in)
	ts := store.Timestamp(s.db.Now())
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, in.Name, ""); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO playbooks (id, name, integration_id, action_id, configuration_id, params, blueprints, mappings, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, id.String(), in.Name, in.IntegrationID, in.ActionID, in.ConfigurationID, params, blueprints, mappings, ts, ts)
		return err
	})
	if err != nil {
		return Playbook{}, err
	}
	return s.Get(ctx, id.String())
}

// Update edits a playbook. An enabled one stays enabled only if its
// required fields are still mapped.
func (s *Service) Update(ctx context.Context, id string, in Input) (Playbook, error) {
	old, err := s.Get(ctx, id)
	if err != nil {
		return Playbook{}, err
	}
	bps, err := s.check(ctx, &in)
	if err != nil {
		return Playbook{}, err
	}
	if old.Enabled {
		if missing := unmappedRequired(in.Blueprints, bps, in.Mappings); len(missing) > 0 {
			return Playbook{}, enableRefusal(missing, "It is enabled, so this change is refused")
		}
	}
	params, blueprints, mappings := encode(in)
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := nameFree(ctx, tx, in.Name, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE playbooks SET name = ?, integration_id = ?, action_id = ?, configuration_id = ?, params = ?, blueprints = ?, mappings = ?, updated_at = ? WHERE id = ?`,
			in.Name, in.IntegrationID, in.ActionID, in.ConfigurationID, params, blueprints, mappings, store.Timestamp(s.db.Now()), id)
		return err
	})
	if err != nil {
		return Playbook{}, err
	}
	return s.Get(ctx, id)
}

// SetEnabled turns a playbook on or off; on is refused while a "mapping
// required" field is unmapped, listing them.
func (s *Service) SetEnabled(ctx context.Context, id string, on bool) (Playbook, error) {
	p, err := s.Get(ctx, id)
	if err != nil {
		return Playbook{}, err
	}
	if on {
		bps := map[string]blueprint.Blueprint{}
		for _, bid := range p.Blueprints {
			if bps[bid], err = s.blueprints.Get(ctx, bid); err != nil {
				return Playbook{}, err
			}
		}
		if missing := unmappedRequired(p.Blueprints, bps, p.Mappings); len(missing) > 0 {
			return Playbook{}, enableRefusal(missing, "The playbook cannot be enabled")
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE playbooks SET enabled = ?, updated_at = ? WHERE id = ?`, on, store.Timestamp(s.db.Now()), id); err != nil {
		return Playbook{}, err
	}
	return s.Get(ctx, id)
}

func unmappedRequired(order []string, bps map[string]blueprint.Blueprint, mappings map[string]map[string]Mapping) []string {
	var missing []string
	for _, id := range order {
		b := bps[id]
		for _, f := range b.Fields {
			if _, ok := mappings[id][f.Name]; f.MappingRequired && !ok {
				missing = append(missing, b.Name+"."+f.Name)
			}
		}
	}
	return missing
}

func enableRefusal(missing []string, lead string) error {
	return &apperr.Error{Code: apperr.Conflict, Field: "mappings", Message: fmt.Sprintf(
		"%s: these fields are marked \"mapping required\" and have no data field: %s.", lead, strings.Join(missing, ", "))}
}

// Delete removes a playbook and its runs.
func (s *Service) Delete(ctx context.Context, id string) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM playbooks WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound(id)
	}
	return nil
}

// UsingBlueprint names the playbooks connected to a blueprint, for
// blueprint.Service.Delete.
func (s *Service) UsingBlueprint(ctx context.Context, blueprintID string) ([]string, error) {
	return store.Strings(ctx, s.db, `SELECT name FROM playbooks WHERE EXISTS
		(SELECT 1 FROM json_each(playbooks.blueprints) WHERE json_each.value = ?) ORDER BY lower(name)`, blueprintID)
}

// Get returns one playbook.
func (s *Service) Get(ctx context.Context, id string) (Playbook, error) {
	p, err := scan(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM playbooks WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Playbook{}, notFound(id)
	}
	return p, err
}

// FindByName resolves a playbook by id or name.
func (s *Service) FindByName(ctx context.Context, nameOrID string) (Playbook, error) {
	p, err := scan(s.db.QueryRowContext(ctx, `SELECT `+columns+` FROM playbooks WHERE id = ? OR lower(name) = lower(?)`, nameOrID, nameOrID))
	if errors.Is(err, sql.ErrNoRows) {
		return Playbook{}, apperr.Errorf(apperr.NotFound, "There is no playbook named %q.", nameOrID)
	}
	return p, err
}

// List returns every playbook by name.
func (s *Service) List(ctx context.Context) ([]Playbook, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+columns+` FROM playbooks ORDER BY lower(name)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Playbook{}
	for rows.Next() {
		p, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

const columns = `id, name, integration_id, action_id, configuration_id, params, blueprints, mappings, enabled, created_at, updated_at`

func scan(row interface{ Scan(...any) error }) (Playbook, error) {
	var p Playbook
	var params, bps, mappings, created, updated string
	if err := row.Scan(&p.ID, &p.Name, &p.IntegrationID, &p.ActionID, &p.ConfigurationID, &params, &bps, &mappings, &p.Enabled, &created, &updated); err != nil {
		return Playbook{}, err
	}
	if err := errors.Join(json.Unmarshal([]byte(params), &p.Params), json.Unmarshal([]byte(bps), &p.Blueprints), json.Unmarshal([]byte(mappings), &p.Mappings)); err != nil {
		return Playbook{}, fmt.Errorf("playbook %s: %w", p.ID, err)
	}
	if p.Params == nil {
		p.Params = map[string]string{}
	}
	if p.Blueprints == nil {
		p.Blueprints = []string{}
	}
	if p.Mappings == nil {
		p.Mappings = map[string]map[string]Mapping{}
	}
	var err error
	if p.CreatedAt, err = store.ParseTimestamp(created); err != nil {
		return Playbook{}, err
	}
	p.UpdatedAt, err = store.ParseTimestamp(updated)
	return p, err
}

func encode(in Input) (params, blueprints, mappings string) {
	if in.Params == nil {
		in.Params = map[string]string{}
	}
	if in.Blueprints == nil {
		in.Blueprints = []string{}
	}
	if in.Mappings == nil {
		in.Mappings = map[string]map[string]Mapping{}
	}
	a, _ := json.Marshal(in.Params)
	b, _ := json.Marshal(in.Blueprints)
	c, _ := json.Marshal(in.Mappings)
	return string(a), string(b), string(c)
}

func nameFree(ctx context.Context, tx *sql.Tx, name, selfID string) error {
	var clash string
	err := tx.QueryRowContext(ctx, `SELECT name FROM playbooks WHERE lower(name) = lower(?) AND id <> ?`, name, selfID).Scan(&clash)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return &apperr.Error{Code: apperr.Conflict, Field: "name", Message: fmt.Sprintf("A playbook named %q already exists.", clash)}
}

func notFound(id string) error { return apperr.Errorf(apperr.NotFound, "No playbook with id %q.", id) }

// MappedRecord is one item mapped into one blueprint.
type MappedRecord struct {
	Item      int            `json:"item"` // 0-based index into the action's items
	Blueprint string         `json:"blueprint"`
	Values    map[string]any `json:"values"`
	// Errors: "path $.owner.email matched nothing", per field.
	Errors []string `json:"errors,omitempty"`
}

// Result is a run of a playbook or a preview.
type Result struct {
	ID         string    `json:"id,omitempty"`
	StartedAt  time.Time `json:"startedAt"`
	DurationMs int64     `json:"durationMs"`
	// Status: complete, incomplete (paging stopped early: partial records)
	// or failed (the vendor failed: partial records, labelled).
	Status     string         `json:"status"`
	Message    string         `json:"message,omitempty"`
	Items      int            `json:"items"`
	Records    []MappedRecord `json:"records"`
	ErrorCount int            `json:"errorCount"`
	// SourceRunID is the action run the records come from.
	SourceRunID string `json:"sourceRunId"`
}

// apply maps every item into each connected blueprint.
func apply(p Playbook, names map[string]string, items []json.RawMessage) (Result, error) {
	type fieldMap struct {
		name string
		c    compiled
	}
	var plan [][]fieldMap
	for _, bid := range p.Blueprints {
		var fs []fieldMap
		for name, m := range p.Mappings[bid] {
			c, err := compile("mappings."+names[bid]+"."+name, m)
			if err != nil {
				return Result{}, err
			}
			fs = append(fs, fieldMap{name, c})
		}
		sort.Slice(fs, func(i, j int) bool { return fs[i].name < fs[j].name })
		plan = append(plan, fs)
	}
	res := Result{Items: len(items), Records: []MappedRecord{}}
	for i, raw := range items {
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.UseNumber()
		var item any
		if err := dec.Decode(&item); err != nil {
			res.Records = append(res.Records, MappedRecord{Item: i, Errors: []string{"the item is not JSON"}})
			res.ErrorCount++
			continue
		}
		for bi, bid := range p.Blueprints {
			rec := MappedRecord{Item: i, Blueprint: names[bid], Values: map[string]any{}}
			for _, f := range plan[bi] {
				v, problem := f.c.eval(item)
				if problem != "" {
					rec.Errors = append(rec.Errors, f.name+": "+problem)
					continue
				}
				rec.Values[f.name] = v
			}
			res.ErrorCount += len(rec.Errors)
			res.Records = append(res.Records, rec)
		}
	}
	return res, nil
}

func (s *Service) blueprintNames(ctx context.Context, p Playbook) (map[string]string, error) {
	names := map[string]string{}
	for _, id := range p.Blueprints {
		b, err := s.blueprints.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		names[id] = b.Name
	}
	return names, nil
}

// Run executes the action with its pagination, maps every item, and keeps
// the run. A vendor failure mid-pagination keeps the partial records,
// labelled with the page that failed.
func (s *Service) Run(ctx context.Context, id string) (Result, error) {
	p, err := s.Get(ctx, id)
	if err != nil {
		return Result{}, err
	}
	names, err := s.blueprintNames(ctx, p)
	if err != nil {
		return Result{}, err
	}
	run, err := s.runs.Run(ctx, runner.Request{IntegrationID: p.IntegrationID, ActionID: p.ActionID, ConfigurationID: p.ConfigurationID,
		Input: runner.Input{Params: p.Params}})
	if err != nil {
		return Result{}, err
	}
	res, err := apply(p, names, run.Items)
	if err != nil {
		return Result{}, err
	}
	rid, err := uuid.NewV7()
	if err != nil {
		return Result{}, err
	}
	res.ID, res.StartedAt, res.DurationMs, res.SourceRunID = rid.String(), run.StartedAt, run.DurationMs, run.ID
	switch {
	case run.Error != nil:
		res.Status = "failed"
		res.Message = fmt.Sprintf("%s The %d records come from the pages before the failure.", run.Error.Message, len(res.Records))
	case !run.Complete:
		res.Status, res.Message = "incomplete", "Paging stopped early: "+run.StopReason
	default:
		res.Status = "complete"
	}
	raw, err := json.Marshal(res)
	if err != nil {
		return Result{}, err
	}
	// The run and its events in one transaction: a crash loses neither.
	ctx = context.WithoutCancel(ctx)
	err = s.db.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO playbook_runs (id, playbook_id, started_at, status, run) VALUES (?, ?, ?, ?, ?)`,
			res.ID, p.ID, store.Timestamp(res.StartedAt), res.Status, string(raw)); err != nil {
			return err
		}
		if s.events == nil {
			return nil
		}
		for _, r := range res.Records {
			if err := s.events.Enqueue(ctx, tx, eventRecord, map[string]any{"playbook": p.Name, "playbookId": p.ID, "runId": res.ID, "record": r}); err != nil {
				return err
			}
		}
		return s.events.Enqueue(ctx, tx, eventRunCompleted, map[string]any{"playbook": p.Name, "playbookId": p.ID, "runId": res.ID,
			"status": res.Status, "message": res.Message, "items": res.Items, "records": len(res.Records), "errors": res.ErrorCount})
	})
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// Preview evaluates the mappings against the action's last test run,
// without calling the vendor: what the editor shows while mappings change.
func (s *Service) Preview(ctx context.Context, in Input) (Result, error) {
	if _, err := s.check(ctx, &in); err != nil {
		return Result{}, err
	}
	hist, err := s.runs.History(ctx, in.IntegrationID, in.ActionID)
	if err != nil {
		return Result{}, err
	}
	if len(hist) == 0 {
		return Result{}, apperr.FieldErrorf("actionId", "The action has not been tested yet: run it once on its Test panel, then the preview maps its items.")
	}
	run, err := s.runs.GetRun(ctx, in.IntegrationID, hist[0].ID)
	if err != nil {
		return Result{}, err
	}
	p := Playbook{Blueprints: in.Blueprints, Mappings: in.Mappings}
	names, err := s.blueprintNames(ctx, p)
	if err != nil {
		return Result{}, err
	}
	res, err := apply(p, names, run.Items)
	if err != nil {
		return Result{}, err
	}
	res.StartedAt, res.SourceRunID, res.Status = run.StartedAt, run.ID, "preview"
	return res, nil
}

// Runs lists a playbook's kept runs, newest first.
func (s *Service) Runs(ctx context.Context, id string) ([]Result, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT run FROM playbook_runs WHERE playbook_id = ? ORDER BY started_at DESC, id DESC`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Result{}
	for rows.Next() {
		var raw string
		if err := rows.Scan(&raw); err != nil {
			return nil, err
		}
		var r Result
		if err := json.Unmarshal([]byte(raw), &r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
