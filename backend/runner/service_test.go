package runner_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/store"
)

// fixedAuth hands the runner one authenticator, whatever the configuration.
type fixedAuth struct{ a auth.Authenticator }

func (f fixedAuth) Authenticator(context.Context, string, string) (auth.Authenticator, error) {
	return f.a, nil
}

type memKeeper struct{}

func (memKeeper) SaveToken(context.Context, auth.Token) error   { return nil }
func (memKeeper) SaveNeedsSignIn(context.Context, string) error { return nil }

type env struct {
	svc    *runner.Service
	its    *integration.Service
	dbPath string
	it     integration.Integration
	action integration.Action
}

// newEnv makes an integration pointing at vendor with one paginated GET action.
func newEnv(t *testing.T, vendorURL string, a auth.Authenticator, method auth.Method, d auth.Defaults, pg paginate.Config) *env {
	t.Helper()
	ctx := context.Background()
	e := &env{dbPath: filepath.Join(t.TempDir(), "studio.db")}
	db, err := store.Open(ctx, e.dbPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e.its = integration.NewService(db)
	e.svc = runner.New(runner.Deps{DB: db, Integrations: e.its, Auth: fixedAuth{a}})
	it, err := e.its.Create(ctx, integration.CreateInput{Name: fmt.Sprintf("Vendor %d", time.Now().UnixNano()%1e9), Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.its.SetHostname(ctx, it.ID, strings.TrimPrefix(vendorURL, "http://")); err != nil {
		t.Fatal(err)
	}
	if _, err := e.its.SetAuth(ctx, it.ID, integration.AuthMethod(method), d); err != nil {
		t.Fatal(err)
	}
	if e.it, err = e.its.SetPagination(ctx, it.ID, pg); err != nil {
		t.Fatal(err)
	}
	act, err := e.its.AddAction(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	act.Name, act.Path, act.Paginated = "List tickets", "/tickets", pg.Type != paginate.None
	act.Parameters = json.RawMessage(`[{"name":"status","in":"query","default":"open"}]`)
	if e.action, err = e.its.UpdateAction(ctx, it.ID, act); err != nil {
		t.Fatal(err)
	}
	return e
}

// ticketVendor serves 25 tickets in pages of 10 (?page=N), checks the
// credential with check, and echoes what it received into each body — a
// careless vendor, the worst case for a transcript.
func ticketVendor(t *testing.T, check func(r *http.Request) bool) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !check(r) {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		var items []map[string]any
		for i := (page-1)*10 + 1; i <= page*10 && i <= 25; i++ {
			items = append(items, map[string]any{"id": i})
		}
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Echo", r.Header.Get("Authorization")+r.Header.Get("X-API-Key"))
		json.NewEncoder(w).Encode(map[string]any{"tickets": items, "debug": map[string]any{"you_sent": r.Header.Get("Authorization") + r.Header.Get("X-API-Key"), "status": r.URL.Query().Get("status")}})
	}))
	t.Cleanup(srv.Close)
	return srv
}

var pagePagination = paginate.Config{Type: paginate.Page, ResultsKey: "tickets", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 10}

func TestRunPagesAndRedactsEveryMethod(t *testing.T) {
	const key = "sk_live_9d8c7b6a5f4e3d2c1b0a"
	const password = "correct-horse-battery"
	const token = "eyJhbGciOi.access-token-value.sig"
	cases := []struct {
		name    string
		method  auth.Method
		d       auth.Defaults
		a       auth.Authenticator
		check   func(r *http.Request) bool
		secrets []string
	}{
		{"api key in a custom header", auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "X-API-Key"}},
			auth.APIKey{Settings: auth.APIKeyDefaults{HeaderName: "X-API-Key"}, Key: key},
			func(r *http.Request) bool { return r.Header.Get("X-API-Key") == key }, []string{key}},
		{"api key as bearer", auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer"}},
			auth.APIKey{Settings: auth.APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer"}, Key: key},
			func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer "+key }, []string{key}},
		{"basic", auth.MethodBasic, auth.Defaults{}, auth.Basic{Username: "api-user", Password: password},
			func(r *http.Request) bool { u, p, ok := r.BasicAuth(); return ok && u == "api-user" && p == password }, []string{password}},
		{"oauth2", auth.MethodOAuth2, auth.Defaults{}, nil,
			func(r *http.Request) bool { return r.Header.Get("Authorization") == "Bearer "+token }, []string{token}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			vendor := ticketVendor(t, c.check)
			a := c.a
			d := c.d
			if c.method == auth.MethodOAuth2 {
				o := auth.DefaultsFor(auth.MethodOAuth2, auth.GrantClientCredentials)
				o.OAuth2.TokenURL = vendor.URL + "/token"
				d = o
				a = auth.NewOAuth2Session(auth.OAuth2Client{Settings: *o.OAuth2, ClientID: "c"},
					auth.Token{AccessToken: token, Expiry: time.Now().Add(time.Hour), ObtainedAt: time.Now()}, "", memKeeper{}, nil)
			}
			e := newEnv(t, vendor.URL, a, c.method, d, pagePagination)
			run, err := e.svc.Run(context.Background(), runner.Request{IntegrationID: e.it.ID, ActionID: e.action.ID, ConfigurationID: "cfg"})
			if err != nil {
				t.Fatal(err)
			}
			if !run.Complete || run.ItemCount != 25 || len(run.Pages) != 3 || run.Error != nil {
				t.Fatalf("run: complete %v, %d items, %d pages, stop %q, err %v", run.Complete, run.ItemCount, len(run.Pages), run.StopReason, run.Error)
			}
			if !strings.Contains(run.Transcript[0].URL, "status=open") || !strings.HasPrefix(run.Curl, "curl 'http://127.0.0.1:") {
				t.Errorf("first exchange %s, curl %s", run.Transcript[0].URL, run.Curl)
			}
			whole, _ := json.Marshal(run)
			for _, s := range c.secrets {
				if bytes.Contains(whole, []byte(s)) {
					t.Errorf("the secret is in the run: %s", whole)
				}
				for _, suffix := range []string{"", "-wal"} {
					if b, _ := os.ReadFile(e.dbPath + suffix); bytes.Contains(b, []byte(s)) {
						t.Errorf("the secret is in the history (%s)", filepath.Base(e.dbPath+suffix))
					}
				}
			}
			if !strings.Contains(string(whole), "[REDACTED]") {
				t.Error("nothing was masked: the echo should have been")
			}
			hist, err := e.svc.History(context.Background(), e.it.ID, e.action.ID)
			if err != nil || len(hist) != 1 || hist[0].ItemCount != 25 {
				t.Fatalf("history %+v %v", hist, err)
			}
			got, err := e.svc.GetRun(context.Background(), e.it.ID, hist[0].ID)
			if err != nil || len(got.Items) != 25 || len(got.Transcript) != 3 {
				t.Errorf("stored run: %d items, %d exchanges, %v", len(got.Items), len(got.Transcript), err)
			}
		})
	}
}

func TestRunErrors(t *testing.T) {
	vendor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "2" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"tickets":[1,2,3,4,5,6,7,8,9,10]}`)
	}))
	defer vendor.Close()
	e := newEnv(t, vendor.URL, auth.NoAuth{}, auth.MethodNone, auth.Defaults{}, pagePagination)
	ctx := context.Background()

	run, err := e.svc.Run(ctx, runner.Request{IntegrationID: e.it.ID, ActionID: e.action.ID})
	if err != nil {
		t.Fatal(err)
	}
	if run.Complete || run.Error == nil || !strings.Contains(strings.ToLower(run.Error.Message), "page 2") || run.ItemCount != 10 {
		t.Errorf("partial run: complete %v, err %+v, %d items", run.Complete, run.Error, run.ItemCount)
	}
	// Bad input sends nothing and keeps no history.
	_, err = e.svc.Run(ctx, runner.Request{IntegrationID: e.it.ID, ActionID: e.action.ID, Input: runner.Input{Params: map[string]string{"nope": "1"}}})
	if apperr.Public(err).Field != "params.nope" {
		t.Errorf("unknown param: %v", err)
	}
	for i := 0; i < runner.HistoryLimit+3; i++ {
		if _, err := e.svc.Run(ctx, runner.Request{IntegrationID: e.it.ID, ActionID: e.action.ID, MaxPages: 1}); err != nil {
			t.Fatal(err)
		}
	}
	hist, _ := e.svc.History(ctx, e.it.ID, e.action.ID)
	if len(hist) != runner.HistoryLimit {
		t.Errorf("%d runs kept, want %d", len(hist), runner.HistoryLimit)
	}
}

func TestFindAction(t *testing.T) {
	e := newEnv(t, "http://127.0.0.1:1", auth.NoAuth{}, auth.MethodNone, auth.Defaults{}, paginate.Config{Type: paginate.None})
	ctx := context.Background()
	for _, ref := range []string{e.action.ID, "list tickets", "LIST TICKETS"} {
		a, err := e.svc.FindAction(ctx, e.it.ID, ref)
		if err != nil || a.ID != e.action.ID {
			t.Errorf("FindAction(%q) = %v, %v", ref, a.ID, err)
		}
	}
	twin, _ := e.its.AddAction(ctx, e.it.ID)
	twin.Name, twin.Path = "List tickets", "/other"
	if _, err := e.its.UpdateAction(ctx, e.it.ID, twin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.FindAction(ctx, e.it.ID, "List tickets"); err == nil || !strings.Contains(err.Error(), "2 actions are called") {
		t.Errorf("ambiguous name: %v", err)
	}
	if _, err := e.svc.FindAction(ctx, e.it.ID, "nothing"); apperr.Code(err) != apperr.NotFound {
		t.Errorf("unknown: %v", err)
	}
}
