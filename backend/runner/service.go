package runner

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/store"
)

// Authenticators gives a configuration's authenticator
// (configuration.Service).
type Authenticators interface {
	Authenticator(ctx context.Context, integrationID, configurationID string) (auth.Authenticator, error)
}

// Emitter sends progress to the window.
type Emitter interface {
	Emit(name string, payload any)
}

// EventPage carries a PageProgress while a run pages.
const EventPage = "runner:page"

// PageProgress is one finished page of a run in progress.
type PageProgress struct {
	RunID string             `json:"runId"`
	Page  paginate.PageTrace `json:"page"`
}

// Deps are the Service's collaborators.
type Deps struct {
	DB           *store.DB
	Integrations *integration.Service
	Auth         Authenticators
	// Transport carries vendor requests; nil is the default.
	Transport http.RoundTripper
	Emit      Emitter
	Now       func() time.Time
	// Events records action.run.failed for webhooks, in the run's
	// transaction (a *webhook.Service); nil sends none.
	Events interface {
		Enqueue(ctx context.Context, tx *sql.Tx, event string, payload any) error
	}
}

// Service runs actions against the vendor and keeps their history.
type Service struct {
	deps Deps

	mu      sync.Mutex
	running map[string]context.CancelFunc
}

// New returns a Service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{deps: d, running: map[string]context.CancelFunc{}}
}

// Request asks for one run.
type Request struct {
	// RunID names the run for progress events and CancelRun; empty makes one.
	RunID           string `json:"runId"`
	IntegrationID   string `json:"integrationId"`
	ActionID        string `json:"actionId"`
	ConfigurationID string `json:"configurationId"`
	Input
	// MaxPages caps this run (≤ 20); 0 uses the pagination's page limit.
	MaxPages int `json:"maxPages"`
}

// Run is a finished run as the UI, the CLI and the history show it. Every
// string in it is redacted.
type Run struct {
	ID              string               `json:"id"`
	IntegrationID   string               `json:"integrationId"`
	ActionID        string               `json:"actionId"`
	ActionName      string               `json:"actionName"`
	ConfigurationID string               `json:"configurationId"`
	StartedAt       time.Time            `json:"startedAt"`
	DurationMs      int64                `json:"durationMs"`
	Pagination      paginate.Type        `json:"pagination"`
	Complete        bool                 `json:"complete"`
	StopReason      string               `json:"stopReason"`
	Error           *apperr.Error        `json:"error,omitempty"`
	Items           []json.RawMessage    `json:"items" ts_type:"any[]"`
	ItemCount       int                  `json:"itemCount"`
	Pages           []paginate.PageTrace `json:"pages"`
	Transcript      []Exchange           `json:"transcript"`
	Curl            string               `json:"curl"`
}

// Run sends the action's request with the configuration's credentials and
// pages through the results. Input problems (a missing parameter, bad
// JSON, a configuration to confirm) are returned as errors and nothing is
// sent; vendor failures come back as a Run with Error set, and are kept in
// the history like any other run.
func (s *Service) Run(ctx context.Context, r Request) (Run, error) {
	it, err := s.deps.Integrations.Get(ctx, r.IntegrationID)
	if err != nil {
		return Run{}, err
	}
	a, err := s.deps.Integrations.Action(ctx, r.IntegrationID, r.ActionID)
	if err != nil {
		return Run{}, err
	}
	var params []spec.Parameter
	if len(a.Parameters) > 0 {
		if err := json.Unmarshal(a.Parameters, &params); err != nil {
			return Run{}, fmt.Errorf("runner: action %s parameters: %w", a.ID, err)
		}
	}
	first, err := BuildRequest(ctx, Target{Hostname: it.Hostname, BasePath: it.BasePath, Method: a.Method, Path: a.Path,
		Parameters: params, ContentType: a.RequestContentType, HasBody: len(a.RequestBody) > 0}, r.Input)
	if err != nil {
		return Run{}, err
	}
	authn, err := s.authenticator(ctx, it, r.ConfigurationID)
	if err != nil {
		return Run{}, err
	}
	cfg := paginate.Config{Type: paginate.None}
	if a.Paginated {
		cfg = paginate.Effective(it.Pagination, a.Pagination)
	}
	if r.RunID == "" {
		id, err := uuid.NewV7()
		if err != nil {
			return Run{}, err
		}
		r.RunID = id.String()
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	if err := s.register(r.RunID, cancel); err != nil {
		return Run{}, err
	}
	defer s.unregister(r.RunID)

	client := auth.NewHTTPClient(0, s.deps.Transport) // the engine's caps bound the time
	started := s.deps.Now()
	res, runErr := paginate.Run(ctx, paginate.Options{
		Config: cfg, First: first, MaxPages: r.MaxPages,
		Send: func(ctx context.Context, req *http.Request) (*http.Response, error) {
			return auth.Do(ctx, client, authn, req)
		},
		OnPage: func(p paginate.PageTrace) {
			if s.deps.Emit != nil {
				p.URL = ""
				s.deps.Emit.Emit(EventPage, PageProgress{RunID: r.RunID, Page: p})
			}
		},
	})
	if res.Pages == nil && runErr != nil {
		return Run{}, runErr // bad options: nothing was sent
	}
	out := Run{ID: r.RunID, IntegrationID: it.ID, ActionID: a.ID, ActionName: a.Name, ConfigurationID: r.ConfigurationID,
		StartedAt: started, DurationMs: s.deps.Now().Sub(started).Milliseconds(), Pagination: cfg.Type,
		Complete: res.Complete, StopReason: res.StopReason, Items: res.Items, ItemCount: len(res.Items), Pages: res.Pages}
	if out.Items == nil {
		out.Items = []json.RawMessage{}
	}
	var sc scrubber
	for _, e := range res.Exchanges {
		if e.Response != nil {
			sc.learn(e.Request, e.Response.Request)
		}
	}
	for _, e := range res.Exchanges {
		out.Transcript = append(out.Transcript, sc.exchange(e))
	}
	for i := range out.Pages {
		out.Pages[i].URL = sc.url(out.Pages[i].URL)
	}
	out.StopReason = sc.text(out.StopReason)
	if runErr != nil {
		e := apperr.Public(runErr)
		out.Error = &apperr.Error{Code: e.Code, Message: sc.text(e.Message), Field: e.Field}
	}
	if len(out.Transcript) > 0 {
		out.Curl = Curl(out.Transcript[0])
	}
	if err := s.save(ctx, out); err != nil {
		return out, err
	}
	return out, nil
}

func (s *Service) authenticator(ctx context.Context, it integration.Integration, configurationID string) (auth.Authenticator, error) {
	if configurationID == "" {
		if auth.Method(it.AuthMethod) == auth.MethodNone {
			d := it.AuthDefaults.Normalized(auth.MethodNone)
			return auth.NoAuth{ExtraHeaders: d.ExtraHeaders}, nil
		}
		return nil, apperr.FieldErrorf("configurationId", "Pick a configuration: it holds the credentials this integration's requests need.")
	}
	return s.deps.Auth.Authenticator(ctx, it.ID, configurationID)
}

func (s *Service) register(id string, cancel context.CancelFunc) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, busy := s.running[id]; busy {
		return apperr.Errorf(apperr.Conflict, "A run with id %q is already in progress.", id)
	}
	s.running[id] = cancel
	return nil
}

func (s *Service) unregister(id string) {
	s.mu.Lock()
	delete(s.running, id)
	s.mu.Unlock()
}

// Cancel stops a run in progress; false if none has that id.
func (s *Service) Cancel(runID string) bool {
	s.mu.Lock()
	cancel := s.running[runID]
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return cancel != nil
}

// HistoryLimit is how many runs are kept per action.
const HistoryLimit = 20

// maxHistoryItems bounds the items kept with a run in the history; the
// transcript and trace are kept whole.
const maxHistoryItems = 4 << 20

func (s *Service) save(ctx context.Context, r Run) error {
	kept := r
	if size := itemsSize(r.Items); size > maxHistoryItems {
		kept.Items = nil // too big to keep; the count and transcript stay
	}
	raw, err := json.Marshal(kept)
	if err != nil {
		return err
	}
	// A cancelled run is still recorded, so not the run's context.
	ctx = context.WithoutCancel(ctx)
	return s.deps.DB.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO runs (id, integration_id, action_id, configuration_id, started_at, complete, item_count, run)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.ID, r.IntegrationID, r.ActionID, r.ConfigurationID, store.Timestamp(r.StartedAt), r.Complete, r.ItemCount, string(raw)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM runs WHERE action_id = ? AND id NOT IN
			(SELECT id FROM runs WHERE action_id = ? ORDER BY started_at DESC, id DESC LIMIT ?)`, r.ActionID, r.ActionID, HistoryLimit); err != nil {
			return err
		}
		if r.Error == nil || s.deps.Events == nil {
			return nil
		}
		return s.deps.Events.Enqueue(ctx, tx, "action.run.failed", map[string]any{"runId": r.ID, "integrationId": r.IntegrationID,
			"actionId": r.ActionID, "action": r.ActionName, "error": r.Error.Message, "items": r.ItemCount, "pages": len(r.Pages)})
	})
}

func itemsSize(items []json.RawMessage) int {
	n := 0
	for _, it := range items {
		n += len(it)
	}
	return n
}

// RunSummary is a history entry as the list shows it.
type RunSummary struct {
	ID              string    `json:"id"`
	ConfigurationID string    `json:"configurationId"`
	StartedAt       time.Time `json:"startedAt"`
	Complete        bool      `json:"complete"`
	ItemCount       int       `json:"itemCount"`
}

// History lists an action's recent runs, newest first.
func (s *Service) History(ctx context.Context, integrationID, actionID string) ([]RunSummary, error) {
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT id, configuration_id, started_at, complete, item_count FROM runs
		WHERE integration_id = ? AND action_id = ? ORDER BY started_at DESC, id DESC`, integrationID, actionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []RunSummary{}
	for rows.Next() {
		var r RunSummary
		var started string
		if err := rows.Scan(&r.ID, &r.ConfigurationID, &started, &r.Complete, &r.ItemCount); err != nil {
			return nil, err
		}
		if r.StartedAt, err = store.ParseTimestamp(started); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// GetRun returns one run from the history.
func (s *Service) GetRun(ctx context.Context, integrationID, runID string) (Run, error) {
	var raw string
	err := s.deps.DB.QueryRowContext(ctx, `SELECT run FROM runs WHERE integration_id = ? AND id = ?`, integrationID, runID).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return Run{}, apperr.Errorf(apperr.NotFound, "No run with id %q in this integration's history.", runID)
	}
	if err != nil {
		return Run{}, err
	}
	var r Run
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return Run{}, fmt.Errorf("runner: run %s: %w", runID, err)
	}
	if r.Items == nil {
		r.Items = []json.RawMessage{}
	}
	return r, nil
}

// FindAction resolves what a user calls an action: its id, else its
// operationId, else its name (case-insensitive). A name or operationId
// shared by several actions is an error listing their ids.
func (s *Service) FindAction(ctx context.Context, integrationID, ref string) (integration.Action, error) {
	if _, err := s.deps.Integrations.Get(ctx, integrationID); err != nil {
		return integration.Action{}, err
	}
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT id, name, operation_id FROM actions WHERE integration_id = ?
		AND (id = ? OR operation_id = ? OR lower(name) = lower(?)) ORDER BY position`, integrationID, ref, ref, ref)
	if err != nil {
		return integration.Action{}, err
	}
	var byID string
	var byOp, byName []string
	for rows.Next() {
		var id, name, op string
		if err := rows.Scan(&id, &name, &op); err != nil {
			rows.Close()
			return integration.Action{}, err
		}
		switch {
		case id == ref:
			byID = id
		case op == ref:
			byOp = append(byOp, id)
		default:
			byName = append(byName, id)
		}
	}
	rows.Close()
	pick := byID
	for _, ids := range [][]string{byOp, byName} {
		if pick != "" || len(ids) == 0 {
			continue
		}
		if len(ids) > 1 {
			return integration.Action{}, apperr.Errorf(apperr.Invalid, "%d actions are called %q; use one of their ids: %s.", len(ids), ref, strings.Join(ids, ", "))
		}
		pick = ids[0]
	}
	if pick == "" {
		return integration.Action{}, apperr.Errorf(apperr.NotFound, "This integration has no action with the id, operationId or name %q (see `show ID`).", ref)
	}
	return s.deps.Integrations.Action(ctx, integrationID, pick)
}
