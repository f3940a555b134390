package redact_test

import (
	"bytes"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"integrationstudio/backend/redact"
)

func TestHeaders(t *testing.T) {
	in := http.Header{
		"Authorization":                    {"Bearer abc.def.ghi"},
		"Cookie":                           {"sid=123"},
		"Set-Cookie":                       {"sid=456; HttpOnly"},
		"X-Api-Key":                        {"k-789"},
		"X-Auth-Token":                     {"t-000"},
		"Accept":                           {"application/json"},
		"Content-Type":                     {"application/json"},
		"Access-Control-Allow-Credentials": {"true"},
		"X-Client-Credentials":             {"c-111"},
	}
	out := redact.Headers(in)
	want := map[string]string{
		"Authorization":                    "Bearer [REDACTED]",
		"Cookie":                           "[REDACTED]",
		"Set-Cookie":                       "[REDACTED]",
		"X-Api-Key":                        "[REDACTED]",
		"X-Auth-Token":                     "[REDACTED]",
		"Accept":                           "application/json",
		"Content-Type":                     "application/json",
		"Access-Control-Allow-Credentials": "true",
		"X-Client-Credentials":             "[REDACTED]",
	}
	for k, v := range want {
		if got := out.Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
	if in.Get("Authorization") != "Bearer abc.def.ghi" {
		t.Error("Headers modified its input")
	}
}

func TestJSONMasksSensitiveKeysAtAnyDepth(t *testing.T) {
	body := []byte(`{"access_token":"AT1","token_type":"bearer","expires_in":3600,
		"data":{"user":"ann","password":"pw1","items":[{"apiKey":"K1","name":"n"}]},
		"refresh_token":"RT1","client_secret":"CS1"}`)
	out := string(redact.JSON(body))
	for _, secret := range []string{"AT1", "pw1", "K1", "RT1", "CS1"} {
		if strings.Contains(out, secret) {
			t.Errorf("%q survived: %s", secret, out)
		}
	}
	for _, kept := range []string{`"user":"ann"`, `"name":"n"`, `"expires_in":3600`} {
		if !strings.Contains(out, kept) {
			t.Errorf("%s lost: %s", kept, out)
		}
	}
}

func TestFormBodiesAndURLs(t *testing.T) {
	form := string(redact.JSON([]byte("grant_type=client_credentials&client_id=app&client_secret=CS2&code=C0DE")))
	if strings.Contains(form, "CS2") || strings.Contains(form, "C0DE") || !strings.Contains(form, "client_id=app") {
		t.Errorf("form body: %s", form)
	}
	u := redact.URL("https://user:pw@api.example.com/v1?api_key=K3&page=2")
	if strings.Contains(u, "K3") || strings.Contains(u, "pw") || !strings.Contains(u, "page=2") {
		t.Errorf("URL: %s", u)
	}
	if plain := string(redact.JSON([]byte("hello"))); plain != "hello" {
		t.Errorf("plain text changed: %q", plain)
	}
}

func TestDeepJSONIsBounded(t *testing.T) {
	deep := strings.Repeat(`{"a":`, 500) + `{"token":"DEEP"}` + strings.Repeat("}", 500)
	out := string(redact.JSON([]byte(deep)))
	if strings.Contains(out, "DEEP") {
		t.Error("a deeply nested secret survived")
	}
}

func TestLoggerMasksSensitiveAttributes(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: redact.ReplaceAttr}))
	log.Info("token refreshed", "access_token", "AT9", "client_secret", "CS9", "integration", "acme")
	out := buf.String()
	if strings.Contains(out, "AT9") || strings.Contains(out, "CS9") || !strings.Contains(out, `"integration":"acme"`) {
		t.Errorf("log line: %s", out)
	}
}
