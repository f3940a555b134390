package localapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/localapi"
	"integrationstudio/backend/playbook"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/secrets/secretstest"
	"integrationstudio/backend/store"
	"integrationstudio/backend/worker"
)

type env struct {
	srv    *localapi.Server
	base   string
	token  string
	tokens *apitoken.Service
	it     integration.Integration
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
	configs := configuration.New(configuration.Deps{DB: db, Secrets: secrets.New(db, secretstest.Unavailable{}), Integrations: its})
	runs := runner.New(runner.Deps{DB: db, Integrations: its, Auth: configs})
	bps := blueprint.New(db, nil)
	e := &env{tokens: apitoken.New(db)}
	e.srv, err = localapi.Listen(localapi.Deps{Tokens: e.tokens, Integrations: its, Runs: runs, Configs: configs,
		Playbooks: playbook.New(db, bps, runs, nil)}, 0)
	if err != nil {
		t.Fatal(err)
	}
	go e.srv.Serve()
	t.Cleanup(func() { e.srv.Shutdown(context.Background()) })
	e.base = "http://" + e.srv.Addr()
	c, err := e.tokens.Create(ctx, "tests")
	if err != nil {
		t.Fatal(err)
	}
	e.token = c.Value

	vendor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `[{"id":1},{"id":2}]`)
	}))
	t.Cleanup(vendor.Close)
	e.it, _ = its.Create(ctx, integration.CreateInput{Name: "Loopback vendor", Description: "d"})
	its.SetHostname(ctx, e.it.ID, strings.TrimPrefix(vendor.URL, "http://"))
	its.SetAuth(ctx, e.it.ID, integration.AuthMethod(auth.MethodNone), auth.Defaults{})
	a, _ := its.AddAction(ctx, e.it.ID)
	a.Name, a.Path = "List things", "/things"
	its.UpdateAction(ctx, e.it.ID, a)
	return e
}

func (e *env) do(t *testing.T, method, path, body string, header map[string]string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, e.base+path, strings.NewReader(body))
	for k, v := range header {
		if k == "Host" {
			req.Host = v
		} else {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestLocalAPI(t *testing.T) {
	e := newEnv(t)
	if !strings.HasPrefix(e.srv.Addr(), "127.0.0.1:") {
		t.Fatalf("listening on %s", e.srv.Addr())
	}
	bearer := map[string]string{"Authorization": "Bearer " + e.token}
	code, body := e.do(t, "GET", "/v1/integrations", "", bearer)
	if code != 200 || !strings.Contains(body, "Loopback vendor") {
		t.Fatalf("list: %d %s", code, body)
	}
	code, body = e.do(t, "POST", "/v1/integrations/"+e.it.ID+"/actions/List%20things/run", `{"maxPages":1}`, bearer)
	var run struct {
		Complete  bool
		ItemCount int
	}
	if code != 200 || json.Unmarshal([]byte(body), &run) != nil || !run.Complete || run.ItemCount != 2 {
		t.Fatalf("run: %d %s", code, body)
	}
	refusals := []struct {
		name   string
		path   string
		header map[string]string
		status int
		msg    string
	}{
		{"no token", "/v1/integrations", nil, 401, "Bearer"},
		{"bad token", "/v1/integrations", map[string]string{"Authorization": "Bearer ist_nope"}, 401, "malformed"},
		{"token in the query", "/v1/integrations?token=" + e.token, bearer, 400, "never in the URL"},
		{"DNS rebinding", "/v1/integrations", map[string]string{"Authorization": "Bearer " + e.token, "Host": "evil.example:80"}, 403, "Host header"},
		{"cross-origin browser", "/v1/integrations", map[string]string{"Authorization": "Bearer " + e.token, "Origin": "https://evil.example"}, 403, "other origins"},
	}
	for _, r := range refusals {
		code, body := e.do(t, "GET", r.path, "", r.header)
		if code != r.status || !strings.Contains(body, r.msg) || strings.Contains(body, e.token) {
			t.Errorf("%s: %d %s", r.name, code, body)
		}
	}
	if code, body = e.do(t, "POST", "/v1/integrations/"+e.it.ID+"/actions/nothing/run", `{}`, bearer); code != 404 || !strings.Contains(body, `"code": "not_found"`) {
		t.Errorf("unknown action: %d %s", code, body)
	}
	if code, body = e.do(t, "POST", "/v1/integrations/"+e.it.ID+"/actions/List%20things/run", `{"bogus":1}`, bearer); code != 400 {
		t.Errorf("unknown field: %d %s", code, body)
	}
	big := fmt.Sprintf(`{"params":{"q":"%s"}}`, strings.Repeat("x", 2<<20))
	if code, body = e.do(t, "POST", "/v1/integrations/"+e.it.ID+"/actions/List%20things/run", big, bearer); code != 400 || !strings.Contains(body, "larger than") {
		t.Errorf("oversized body: %d %.200s", code, body)
	}
	e.tokens.Revoke(context.Background(), "tests")
	if code, _ = e.do(t, "GET", "/v1/integrations", "", bearer); code != 401 {
		t.Errorf("revoked token: %d", code)
	}
}

// The API's own description imports into the app like any vendor's.
func TestOpenAPIDescriptionImports(t *testing.T) {
	e := newEnv(t)
	code, body := e.do(t, "GET", "/openapi.json", "", nil)
	if code != 200 {
		t.Fatalf("openapi.json: %d", code)
	}
	im, err := worker.InProcess{}.Import(context.Background(), worker.ImportRequest{Name: "local-api.json", Data: []byte(body)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(im.Actions) != 5 || im.Counts.Errors != 0 {
		t.Errorf("%d actions, %d errors: %+v", len(im.Actions), im.Counts.Errors, im.Findings)
	}
}
