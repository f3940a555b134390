package cli_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"integrationstudio/backend/auth"
	"integrationstudio/backend/cli"
	"integrationstudio/backend/paginate"
)

// callVendor serves 25 tickets in pages of 10 to the right API key, and a
// 500 on page 2 when asked for ?status=broken.
func callVendor(t *testing.T, key string) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != key {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		page, _ := strconv.Atoi(r.URL.Query().Get("page"))
		if page == 0 {
			page = 1
		}
		if page == 2 && r.URL.Query().Get("status") == "broken" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		var items []int
		for i := (page-1)*10 + 1; i <= page*10 && i <= 25; i++ {
			items = append(items, i)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"tickets": items})
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestCall(t *testing.T) {
	const key = "k-call-3f9a7c1e5b"
	vendor := callVendor(t, key)
	s := newStudio(t)
	id := s.integration(auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "X-API-Key"}})
	s.setHostname(id, strings.TrimPrefix(vendor.URL, "http://"))
	ctx := context.Background()
	_, its, closer, err := s.open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := its.SetPagination(ctx, id, paginate.Config{Type: paginate.Page, ResultsKey: "tickets", PageParam: "page", DefaultPageSize: 10}); err != nil {
		t.Fatal(err)
	}
	a, _ := its.AddAction(ctx, id)
	a.Name, a.Path, a.Paginated = "List tickets", "/tickets", true
	a.Parameters = json.RawMessage(`[{"name":"status","in":"query"}]`)
	if _, err := its.UpdateAction(ctx, id, a); err != nil {
		t.Fatal(err)
	}
	closer.Close()
	if code, _, errOut := s.run(terminal{stdin: key}, "config", "add", id, "--name", "Contoso", "--secret-stdin", "api_key"); code != 0 {
		t.Fatalf("config add: %s", errOut)
	}
	body := filepath.Join(t.TempDir(), "body.json")
	os.WriteFile(body, []byte("{not json"), 0o600)

	cases := []struct {
		name   string
		args   []string
		code   int
		stdout func(t *testing.T, out string)
		stderr string
	}{
		{name: "items as an array", args: []string{"List tickets", "--config", "Contoso", "--param", "status=open"}, code: cli.ExitOK,
			stdout: func(t *testing.T, out string) {
				var items []int
				if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 25 || items[24] != 25 {
					t.Errorf("items %v (%v): %s", items, err, out)
				}
			}},
		{name: "json with the trace", args: []string{"list tickets", "--config", "Contoso", "--json", "--max-pages", "2"}, code: cli.ExitFailure,
			stdout: func(t *testing.T, out string) {
				var r struct {
					Items      []int
					Pages      []paginate.PageTrace
					Complete   bool
					StopReason string
				}
				if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Items) != 20 || len(r.Pages) != 2 || r.Complete || !strings.Contains(r.StopReason, "limit") {
					t.Errorf("result %+v (%v)", r, err)
				}
			}, stderr: "incomplete result (20 items)"},
		{name: "vendor error on page 2", args: []string{a.ID, "--config", "Contoso", "--param", "status=broken"}, code: cli.ExitFailure,
			stderr: "HTTP 500"},
		{name: "unknown parameter", args: []string{"List tickets", "--config", "Contoso", "--param", "stat=open"}, code: cli.ExitUsage,
			stderr: `"stat" is not a parameter`},
		{name: "no configuration", args: []string{"List tickets"}, code: cli.ExitUsage, stderr: "Pick a configuration"},
		{name: "unknown action", args: []string{"Delete everything", "--config", "Contoso"}, code: cli.ExitFailure, stderr: "no action"},
		{name: "bad body file", args: []string{"List tickets", "--config", "Contoso", "--body", "@" + body}, code: cli.ExitUsage, stderr: "does not take a body"},
		{name: "max pages out of range", args: []string{"List tickets", "--max-pages", "21"}, code: cli.ExitUsage, stderr: "--max-pages must be 1 to 20"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errOut := s.run(terminal{}, append([]string{"call", id}, c.args...)...)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errOut)
			}
			if c.stdout != nil {
				c.stdout(t, out)
			}
			if !strings.Contains(errOut, c.stderr) {
				t.Errorf("stderr lacks %q: %s", c.stderr, errOut)
			}
			s.assertNowhere(key, out, errOut)
		})
	}
}
