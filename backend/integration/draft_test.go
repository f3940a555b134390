package integration_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
)

func TestDraftSavesHalfTypedInputAndResumes(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	it, err := s.Create(ctx, integration.CreateInput{Name: "Acme", Description: "Acme API"})
	if err != nil {
		t.Fatal(err)
	}
	if d, err := s.GetDraft(ctx, it.ID); err != nil || d != nil {
		t.Fatalf("new integration has draft %+v, %v", d, err)
	}
	form := integration.FormOf(it)
	form.Hostname = "half typed/v1?api_key=s3cr3t" // invalid: a draft keeps it anyway, but not the key
	form.Pagination = paginate.Config{Type: paginate.Pointer}
	form.Auth = integration.AuthForm{Method: integration.AuthAPIKey, Defaults: auth.Defaults{
		APIKey:       &auth.APIKeyDefaults{HeaderName: "X-Key"},
		ExtraHeaders: []auth.Header{{Name: "X-Tenant", Value: "t1"}, {Name: "Authorization", Value: "Bearer sk_live_123"}},
	}}
	if _, err := s.SaveDraft(ctx, it.ID, "pagination_details", form); err != nil {
		t.Fatal(err)
	}
	d, err := s.GetDraft(ctx, it.ID)
	if err != nil || d == nil {
		t.Fatalf("GetDraft = %+v, %v", d, err)
	}
	if d.Step != "pagination_details" || d.Form.Hostname != "half typed/v1?api_key=" || d.Form.Pagination.Type != paginate.Pointer {
		t.Errorf("draft = %+v", d)
	}
	hs := d.Form.Auth.Defaults.ExtraHeaders
	if len(hs) != 2 || hs[0].Value != "t1" || hs[1].Name != "Authorization" || hs[1].Value != "" {
		t.Errorf("extra headers in the draft = %+v; a credential-looking value must be blanked, others kept", hs)
	}
	// The stored integration is untouched by a draft.
	if got, _ := s.Get(ctx, it.ID); got.Hostname != "" || got.Pagination.Type != paginate.None {
		t.Errorf("draft changed the integration: %+v", got)
	}

	if _, err := s.SaveDraft(ctx, it.ID, "nowhere", form); apperr.Code(err) != apperr.Invalid || !strings.Contains(err.Error(), "details, hostname") {
		t.Errorf("unknown step: %v", err)
	}
	form.Description = strings.Repeat("x", 300<<10)
	if _, err := s.SaveDraft(ctx, it.ID, "details", form); apperr.Code(err) != apperr.Invalid || !strings.Contains(err.Error(), "KB") {
		t.Errorf("huge draft: %v", err)
	}
	if d, _ := s.GetDraft(ctx, it.ID); d.Step != "pagination_details" {
		t.Errorf("a refused save changed the draft: %+v", d)
	}
	form.Description = "Acme API"
	if _, err := s.SaveDraft(ctx, "missing", "details", form); apperr.Code(err) != apperr.NotFound {
		t.Errorf("draft of a missing integration: %v", err)
	}
	if _, err := s.GetDraft(ctx, "missing"); apperr.Code(err) != apperr.NotFound {
		t.Errorf("GetDraft of a missing integration: %v", err)
	}
	if err := s.DiscardDraft(ctx, it.ID); err != nil {
		t.Fatal(err)
	}
	if d, _ := s.GetDraft(ctx, it.ID); d != nil {
		t.Errorf("discarded draft still there: %+v", d)
	}
}

func TestCheckFormListsEveryProblemWithItsField(t *testing.T) {
	form := integration.EditForm{
		Name: "Bad/Name", Description: "", Hostname: "https://x",
		Auth:       integration.AuthForm{Method: integration.AuthOAuth2, Defaults: auth.DefaultsFor(auth.MethodOAuth2, auth.GrantClientCredentials)},
		Pagination: paginate.Config{Type: paginate.Pointer, AfterParam: "after", PointerPath: "$.[bad"},
	}
	var fields []string
	for _, p := range integration.CheckForm(form) {
		fields = append(fields, p.Field)
		if p.Message == "" || p.Code != apperr.Invalid {
			t.Errorf("problem %+v lacks a message or code", p)
		}
	}
	for _, want := range []string{"name", "description", "hostname", "auth.oauth2.token_url", "pagination.pointer_path"} {
		if !slices.Contains(fields, want) {
			t.Errorf("CheckForm fields = %v; missing %s", fields, want)
		}
	}
	ok := integration.EditForm{Name: "Good", Description: "Fine", Auth: integration.AuthForm{Method: integration.AuthNone}}
	if p := integration.CheckForm(ok); len(p) != 0 {
		t.Errorf("a valid form (no hostname yet) has problems %+v", p)
	}
}

func TestSuggestionsAreFormReady(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)
	sug, err := s.Suggestions(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if sug.Hostname == nil || sug.Hostname.Hostname != "api.helpdesk.example" || sug.Hostname.Evidence == "" {
		t.Errorf("hostname suggestion %+v", sug.Hostname)
	}
	if len(sug.Auth) == 0 || sug.Auth[0].Evidence == "" || sug.Auth[0].SchemeName == "" {
		t.Fatalf("auth suggestions %+v", sug.Auth)
	}
	for _, a := range sug.Auth {
		if err := auth.Validate(auth.Method(a.Auth.Method), a.Auth.Defaults); err != nil && a.Auth.Method != integration.AuthOAuth2 {
			t.Errorf("suggested %s does not validate: %v", a.Auth.Method, err)
		}
	}
	if sug.Pagination == nil || sug.Pagination.Pagination.Type == paginate.None || sug.Pagination.Evidence == "" {
		t.Errorf("pagination suggestion %+v", sug.Pagination)
	}
	scratch, _ := s.Create(ctx, integration.CreateInput{Name: "Scratch", Description: "From scratch"})
	if sug, err := s.Suggestions(ctx, scratch.ID); err != nil || sug.Hostname != nil || len(sug.Auth) != 0 || sug.Pagination != nil {
		t.Errorf("scratch suggestions %+v, %v", sug, err)
	}
	if _, err := s.Suggestions(ctx, "missing"); apperr.Code(err) != apperr.NotFound {
		t.Errorf("missing: %v", err)
	}
}
