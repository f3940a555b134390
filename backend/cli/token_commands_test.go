package cli_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"integrationstudio/backend/cli"
)

func TestTokenCommands(t *testing.T) {
	s := newStudio(t)
	code, out, errOut := s.run(terminal{}, "token", "create", "CI")
	token := strings.TrimSpace(out)
	if code != cli.ExitOK || !regexp.MustCompile(`^ist_[0-9A-Za-z]{49}$`).MatchString(token) || !strings.Contains(errOut, "shown only once") {
		t.Fatalf("create: exit %d %q %q", code, out, errOut)
	}
	code, out, _ = s.run(terminal{}, "token", "list")
	if code != cli.ExitOK || strings.Contains(out, token) || !strings.Contains(out, token[:8]+"…") || !strings.Contains(out, "active") {
		t.Errorf("list: %s", out)
	}
	s.assertNowhere(token, out)
	if code, out, _ = s.run(terminal{}, "token", "revoke", "ci"); code != cli.ExitOK || !strings.Contains(out, "Revoked") {
		t.Errorf("revoke: exit %d %s", code, out)
	}
	if code, _, errOut = s.run(terminal{}, "token", "revoke", "ci"); code != cli.ExitFailure || !strings.Contains(errOut, "no active token") {
		t.Errorf("revoke twice: exit %d %s", code, errOut)
	}
}

func TestWebhookCommands(t *testing.T) {
	var got []http.Header
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		got = append(got, r.Header.Clone())
		io.WriteString(w, "thanks")
	}))
	defer receiver.Close()
	s := newStudio(t)
	code, out, errOut := s.run(terminal{}, "webhook", "add", receiver.URL+"/hook", "--event", "ping", "--generate-key")
	if code != cli.ExitOK || !strings.Contains(out, "Signing key (shown once") || !strings.Contains(out, "whsec_") {
		t.Fatalf("add: exit %d %s %s", code, out, errOut)
	}
	id := regexp.MustCompile(`Added webhook (\S+)`).FindStringSubmatch(out)[1]
	code, out, errOut = s.run(terminal{}, "webhook", "test", id)
	if code != cli.ExitOK || !strings.Contains(out, "Delivered: 200") || len(got) != 1 || !strings.HasPrefix(got[0].Get("webhook-signature"), "v1,") {
		t.Fatalf("test: exit %d %s %s %v", code, out, errOut, got)
	}
	if code, out, _ = s.run(terminal{}, "webhook", "list"); code != cli.ExitOK || !strings.Contains(out, receiver.URL) {
		t.Errorf("list: %s", out)
	}
	if code, _, errOut = s.run(terminal{}, "webhook", "add", "http://hooks.example.com/x"); code != cli.ExitUsage || !strings.Contains(errOut, "https") {
		t.Errorf("plain http: exit %d %s", code, errOut)
	}
	if code, out, _ = s.run(terminal{}, "webhook", "deliveries", id, "--json"); code != cli.ExitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("deliveries: exit %d %s", code, out)
	}
}
