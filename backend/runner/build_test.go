package runner

import (
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/spec"
)

func params(t *testing.T, js string) []spec.Parameter {
	t.Helper()
	var ps []spec.Parameter
	if err := json.Unmarshal([]byte(js), &ps); err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestBuildRequest(t *testing.T) {
	base := Target{Hostname: "api.example.com", BasePath: "/v2", Method: "GET", Path: "/orgs/{org}/tickets",
		Parameters: nil}
	base.Parameters = params(t, `[
		{"name":"org","in":"path","required":true},
		{"name":"status","in":"query","enum":["open","closed"],"default":"open"},
		{"name":"limit","in":"query","default":50},
		{"name":"q","in":"query"},
		{"name":"X-Tenant","in":"header","required":true}]`)
	cases := []struct {
		name    string
		target  func(Target) Target
		in      Input
		url     string
		header  map[string]string
		body    string
		field   string
		message string
	}{
		{name: "defaults and escaping", in: Input{Params: map[string]string{"org": "a b/c", "X-Tenant": "t1"}},
			url: "https://api.example.com/v2/orgs/a%20b%2Fc/tickets?limit=50&status=open", header: map[string]string{"X-Tenant": "t1", "User-Agent": "IntegrationStudio/"}},
		{name: "given values win", in: Input{Params: map[string]string{"org": "o", "status": "closed", "limit": "5", "q": "printer", "X-Tenant": "t1"}},
			url: "https://api.example.com/v2/orgs/o/tickets?limit=5&q=printer&status=closed"},
		{name: "location-qualified name", in: Input{Params: map[string]string{"path.org": "o", "header.X-Tenant": "t"}},
			url: "https://api.example.com/v2/orgs/o/tickets?limit=50&status=open"},
		{name: "missing required path parameter", in: Input{Params: map[string]string{"X-Tenant": "t"}},
			field: "params.org", message: `The path parameter "org" is required`},
		{name: "missing required header", in: Input{Params: map[string]string{"org": "o"}},
			field: "params.X-Tenant", message: `header parameter "X-Tenant" is required`},
		{name: "value outside the enum", in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t", "status": "pending"}},
			field: "params.status", message: "one of: open, closed"},
		{name: "unknown parameter", in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t", "page": "2"}},
			field: "params.page", message: "its parameters are: org, status, limit, q, X-Tenant"},
		{name: "header injection", in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t\r\nX-Evil: 1"}},
			field: "params.X-Tenant", message: "one line"},
		{name: "loopback is plain http", target: func(t Target) Target { t.Hostname = "127.0.0.1:4010"; t.BasePath = ""; return t },
			in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t"}}, url: "http://127.0.0.1:4010/orgs/o/tickets?limit=50&status=open"},
		{name: "JSON body", target: func(t Target) Target { t.Method = "POST"; t.HasBody = true; return t },
			in:  Input{Params: map[string]string{"org": "o", "X-Tenant": "t"}, Body: "{\n  \"subject\": \"Printer\"\n}"},
			url: "https://api.example.com/v2/orgs/o/tickets?limit=50&status=open", body: `{"subject":"Printer"}`, header: map[string]string{"Content-Type": "application/json"}},
		{name: "bad JSON body names the line", target: func(t Target) Target { t.Method = "POST"; t.HasBody = true; return t },
			in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t"}, Body: "{\n  \"subject\": \"Printer\",\n}"}, field: "body", message: "line 3"},
		{name: "body on GET", in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t"}, Body: "{}"}, field: "body", message: "does not take a body"},
		{name: "placeholder without a parameter", target: func(t Target) Target { t.Path = "/orgs/{org}/tickets/{id}"; return t },
			in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t"}}, field: "params", message: "needs {id}"},
		{name: "no hostname", target: func(t Target) Target { t.Hostname = ""; return t },
			in: Input{Params: map[string]string{"org": "o", "X-Tenant": "t"}}, field: "hostname", message: "no hostname"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			target := base
			if c.target != nil {
				target = c.target(base)
			}
			req, err := BuildRequest(context.Background(), target, c.in)
			if c.field != "" {
				e := apperr.Public(err)
				if err == nil || e.Field != c.field || !strings.Contains(e.Message, c.message) {
					t.Fatalf("err = %#v, want field %s with %q", err, c.field, c.message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := req.URL.String(); got != c.url {
				t.Errorf("url %s, want %s", got, c.url)
			}
			for k, v := range c.header {
				if !strings.HasPrefix(req.Header.Get(k), v) {
					t.Errorf("header %s = %q, want %q", k, req.Header.Get(k), v)
				}
			}
			if c.body != "" {
				b, _ := io.ReadAll(req.Body)
				if string(b) != c.body || req.GetBody == nil {
					t.Errorf("body %s (replayable: %v)", b, req.GetBody != nil)
				}
			}
		})
	}
}
