package integration_test

import (
	"context"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
)

func TestValidateHostname(t *testing.T) {
	tests := []struct {
		host    string
		wantErr string // "" = valid
	}{
		{"api.example.com", ""},
		{"host:8443", ""},
		{"localhost", ""},
		{"10.0.0.5", ""},
		{"10.0.0.5:8080", ""},
		{"[2001:db8::1]:443", ""},
		{"2001:db8::1", ""},
		{"my_host.internal", ""},
		{"api.example.com.", ""},
		{"", "Hostname is required"},
		{"https://x", `Leave out the scheme "https://": enter only the host, e.g. x.`},
		{"http://api.example.com/v1", `Leave out the scheme "http://": enter only the host, e.g. api.example.com.`},
		{"api.example.com/v1", `Leave out the path "/v1"`},
		{"api.example.com?x=1", `Leave out the query: enter only the host (api.example.com).`},
		{"api.example.com/v1?api_key=s3cr3t", `Leave out the path "/v1"`},
		{"host:0", "Port \"0\" must be a number from 1 to 65535."},
		{"host:65536", "Port \"65536\" must be a number from 1 to 65535."},
		{"host:abc", "Port \"abc\" must be a number"},
		{"user@host", "cannot contain spaces or '@'"},
		{"api..example.com", "empty part between dots"},
		{"-api.example.com", "starts or ends with '-'"},
		{"api.exa$mple.com", `contains '$'`},
		{strings.Repeat("a", 64) + ".com", "longer than 63 characters"},
		{strings.Repeat("a.", 127) + "com", "DNS allows 253"},
	}
	for _, tt := range tests {
		err := integration.ValidateHostname(tt.host)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("ValidateHostname(%q) = %v, want ok", tt.host, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ValidateHostname(%q) = %v, want %q", tt.host, err, tt.wantErr)
			continue
		}
		if f := err.(*apperr.Error).Field; f != "hostname" {
			t.Errorf("ValidateHostname(%q) field = %q, want hostname", tt.host, f)
		}
	}
}

func TestCheckTransition(t *testing.T) {
	const (
		draft, published, hidden = integration.StatusDraft, integration.StatusPublished, integration.StatusHidden
	)
	tests := []struct {
		from      integration.Status
		finalized bool
		to        integration.Status
		wantErr   string
	}{
		{draft, false, draft, ""},
		{draft, false, published, "Finalize the integration before making it published"},
		{draft, false, hidden, "Finalize the integration before making it hidden"},
		{hidden, true, published, ""},
		{published, true, hidden, ""},
		{published, true, published, ""},
		{hidden, true, draft, "cannot go back to Draft"},
		{published, true, draft, "cannot go back to Draft"},
		{hidden, true, "archived", `Status "archived" is not one of`},
	}
	for _, tt := range tests {
		err := integration.CheckTransition(tt.from, tt.finalized, tt.to)
		if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("CheckTransition(%s, finalized=%v, %s) = %v, want %q", tt.from, tt.finalized, tt.to, err, tt.wantErr)
		}
	}
}

func TestFinalizeAndStatusLifeCycle(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)

	// From scratch: no hostname, no actions — both named at once.
	scratch, err := s.Create(ctx, integration.CreateInput{Name: "Scratch", Description: "From scratch."})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.Finalize(ctx, scratch.ID)
	if err == nil || !strings.Contains(err.Error(), "Hostname is required") || !strings.Contains(err.Error(), "Add at least one action") {
		t.Fatalf("Finalize of an empty draft = %v, want both problems", err)
	}
	if _, err := s.SetStatus(ctx, scratch.ID, integration.StatusPublished); err == nil || !strings.Contains(err.Error(), "Finalize the integration") {
		t.Errorf("publishing a draft = %v, want refused", err)
	}

	// Imported: hostname and actions are there.
	id := importedHelpdesk(t, s)
	if _, err := s.SetHostname(ctx, id, "https://api.helpdesk.example"); err == nil {
		t.Error("SetHostname accepted a scheme")
	}
	if it, err := s.SetHostname(ctx, id, "api.helpdesk.example:8443"); err != nil || it.Hostname != "api.helpdesk.example:8443" {
		t.Fatalf("SetHostname = %+v, %v", it, err)
	}
	it, err := s.Finalize(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if it.Status != integration.StatusHidden || it.FinalizedAt == nil {
		t.Errorf("after Finalize: status %s, finalized %v; want hidden, set", it.Status, it.FinalizedAt)
	}
	if _, err := s.Finalize(ctx, id); apperr.Code(err) != apperr.Conflict {
		t.Errorf("second Finalize = %v, want a conflict", err)
	}
	if _, err := s.SetHostname(ctx, id, "other.example"); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("SetHostname after Finalize = %v, want read-only", err)
	}
	if it, err := s.SetStatus(ctx, id, integration.StatusPublished); err != nil || it.Status != integration.StatusPublished {
		t.Errorf("publish = %+v, %v", it, err)
	}
	if _, err := s.SetStatus(ctx, id, integration.StatusDraft); err == nil || !strings.Contains(err.Error(), "cannot go back to Draft") {
		t.Errorf("back to draft = %v, want refused", err)
	}
	if got, _ := s.Get(ctx, id); got.Status != integration.StatusPublished {
		t.Errorf("a refused move changed the status to %s", got.Status)
	}
	if it, err := s.SetStatus(ctx, id, integration.StatusHidden); err != nil || it.Status != integration.StatusHidden {
		t.Errorf("hide = %+v, %v", it, err)
	}
	// Actions deleted after finalizing: it cannot be published without any.
	all, _ := s.ListActions(ctx, id, integration.ActionQuery{})
	ids := make([]string, len(all.Actions))
	for i, a := range all.Actions {
		ids[i] = a.ID
	}
	if _, err := s.DeleteActions(ctx, id, ids); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetStatus(ctx, id, integration.StatusPublished); apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "no actions left") {
		t.Errorf("publishing with no actions = %v", err)
	}
	if _, err := s.SetStatus(ctx, "nope", integration.StatusHidden); apperr.Code(err) != apperr.NotFound {
		t.Errorf("unknown id = %v, want not found", err)
	}
}

// Refusals due to the integration's state are conflicts (exit 1 in the
// CLI), not bad input; and the OAuth grant is frozen with the method.
func TestFrozenRefusalsAreConflicts(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)
	if _, err := s.SetStatus(ctx, id, integration.StatusPublished); apperr.Code(err) != apperr.Conflict {
		t.Errorf("publishing a draft = %v, want a conflict", err)
	}
	method, d := integration.AuthFromSuggestion(importHelpdesk(t).Suggestions.Auth[1]) // OAuth 2.0 authorization code
	if _, err := s.SetAuth(ctx, id, method, d); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Finalize(ctx, id); err != nil {
		t.Fatal(err)
	}
	cc := auth.DefaultsFor(auth.Method(integration.AuthOAuth2), auth.GrantClientCredentials)
	cc.OAuth2.TokenURL = d.OAuth2.TokenURL
	if _, err := s.SetAuth(ctx, id, integration.AuthOAuth2, cc); apperr.Code(err) != apperr.Conflict ||
		!strings.Contains(err.Error(), "finalized with oauth2 (authorization_code)") {
		t.Errorf("switching the OAuth grant after finalize = %v", err)
	}
	if _, err := s.SetStatus(ctx, id, integration.StatusDraft); apperr.Code(err) != apperr.Conflict {
		t.Errorf("back to draft = %v, want a conflict", err)
	}
	if _, err := s.SetStatus(ctx, id, "archived"); apperr.Code(err) != apperr.Invalid {
		t.Errorf("an unknown status = %v, want invalid input", err)
	}
}
