package configuration_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/secrets/secretstest"
)

func TestActionURL(t *testing.T) {
	cases := []struct{ host, base, path, want string }{
		{"api.example.com", "/v1", "/things", "https://api.example.com/v1/things"},
		{"api.example.com", "/v1/", "/things", "https://api.example.com/v1/things"},
		{"127.0.0.1:8080", "", "/things", "http://127.0.0.1:8080/things"},
		{"localhost:4010", "", "/a", "http://localhost:4010/a"},
		{"[::1]:9000", "", "/a", "http://[::1]:9000/a"},
		{"10.0.0.5:8443", "", "/a", "https://10.0.0.5:8443/a"},
	}
	for _, c := range cases {
		got, err := runner.ActionURL(c.host, c.base, c.path)
		if err != nil || got != c.want {
			t.Errorf("ActionURL(%q, %q, %q) = %q, %v; want %q", c.host, c.base, c.path, got, err, c.want)
		}
	}
}

func TestTestConnection(t *testing.T) {
	ctx := context.Background()
	const key = "k-test-connection-7f3a"
	vendor := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") != key {
			w.WriteHeader(http.StatusUnauthorized)
			io.WriteString(w, `{"error":"bad key"}`)
			return
		}
		if !strings.HasPrefix(r.Header.Get("User-Agent"), "IntegrationStudio/") {
			t.Errorf("user agent %q", r.Header.Get("User-Agent"))
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"items":[{"id":1}],"password":"echoed-by-a-careless-vendor"}`)
	}))
	defer vendor.Close()
	host := strings.TrimPrefix(vendor.URL, "http://")

	e := newEnv(t, secretstest.RealKeyring(t))
	it := e.integrationWith(t, host, auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "X-API-Key"}})
	c, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Contoso", Secrets: map[string]string{"api_key": key}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, it.ID, c.ID)

	list, err := e.its.AddAction(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	list.Path, list.Name = "/things", "List things"
	if list, err = e.its.UpdateAction(ctx, it.ID, list); err != nil {
		t.Fatal(err)
	}
	res, err := e.svc.TestConnection(ctx, it.ID, c.ID, list.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !res.OK || res.Status != 200 || !strings.Contains(res.BodyPreview, `"items"`) || strings.Contains(res.BodyPreview, "echoed-by") {
		t.Errorf("result %+v", res)
	}

	one, _ := e.its.AddAction(ctx, it.ID)
	one.Path, one.Name = "/things/{id}", "Get thing"
	one.Parameters = json.RawMessage(`[{"name":"id","in":"path","required":true}]`)
	if one, err = e.its.UpdateAction(ctx, it.ID, one); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.TestConnection(ctx, it.ID, c.ID, one.ID)
	var ae *apperr.Error
	if !asAppErr(err, &ae) || ae.Field != "actionId" || !strings.Contains(ae.Message, `"id" is required`) {
		t.Errorf("path-parameter action: %v", err)
	}
}
