package integration_test

import (
	"context"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
)

func TestAuthAndPaginationSettings(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)

	// OAuth 2.0 client credentials: stored normalized, read back the same.
	d := auth.DefaultsFor(auth.Method(integration.AuthOAuth2), auth.GrantClientCredentials)
	d.OAuth2.TokenURL = "https://auth.helpdesk.example/oauth/token"
	d.OAuth2.AuthorizationURL = "https://auth.helpdesk.example/oauth/authorize" // not used by client credentials
	it, err := s.SetAuth(ctx, id, integration.AuthOAuth2, d)
	if err != nil {
		t.Fatal(err)
	}
	if it.AuthMethod != integration.AuthOAuth2 || it.AuthDefaults.OAuth2 == nil ||
		it.AuthDefaults.OAuth2.TokenURL != d.OAuth2.TokenURL || it.AuthDefaults.OAuth2.AuthorizationURL != "" {
		t.Errorf("stored auth %s %+v", it.AuthMethod, it.AuthDefaults.OAuth2)
	}
	bad := auth.DefaultsFor(auth.Method(integration.AuthOAuth2), auth.GrantClientCredentials)
	bad.OAuth2.TokenURL = "http://auth.helpdesk.example/token"
	if _, err := s.SetAuth(ctx, id, integration.AuthOAuth2, bad); err == nil || err.(*apperr.Error).Field != "auth.oauth2.token_url" {
		t.Errorf("plain-http token URL = %v, want a field error on auth.oauth2.token_url", err)
	}
	if got, _ := s.Get(ctx, id); got.AuthDefaults.OAuth2 == nil || got.AuthDefaults.OAuth2.TokenURL != d.OAuth2.TokenURL {
		t.Error("a refused SetAuth changed the stored defaults")
	}

	// Pointer pagination with a JSONPath; fields of other types dropped.
	p := paginate.Config{Type: paginate.Pointer, ResultsKey: "data", AfterParam: "after", PointerPath: "$.meta.next_cursor", PageParam: "page"}
	if it, err = s.SetPagination(ctx, id, p); err != nil {
		t.Fatal(err)
	}
	if it.Pagination.Type != paginate.Pointer || it.Pagination.PointerPath != "$.meta.next_cursor" || it.Pagination.PageParam != "" {
		t.Errorf("stored pagination %+v", it.Pagination)
	}
	if _, err := s.SetPagination(ctx, id, paginate.Config{Type: paginate.Pointer, ResultsKey: "data", AfterParam: "after", PointerPath: "$.["}); err == nil ||
		err.(*apperr.Error).Field != "pagination.pointer_path" {
		t.Errorf("bad JSONPath = %v, want a field error on pagination.pointer_path", err)
	}

	// After finalize: method and pagination type are read-only, their details are not.
	if _, err := s.Finalize(ctx, id); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetAuth(ctx, id, integration.AuthBasic, auth.Defaults{}); err == nil || !strings.Contains(err.Error(), "auth method is read-only") {
		t.Errorf("changing the method after finalize = %v", err)
	}
	d.OAuth2.Scope = "tickets:read"
	if it, err := s.SetAuth(ctx, id, integration.AuthOAuth2, d); err != nil || it.AuthDefaults.OAuth2.Scope != "tickets:read" {
		t.Errorf("editing defaults after finalize = %+v, %v", it.AuthDefaults.OAuth2, err)
	}
	if _, err := s.SetPagination(ctx, id, paginate.Config{Type: paginate.Page, ResultsKey: "data", PageParam: "page"}); err == nil ||
		!strings.Contains(err.Error(), "pagination type is read-only") {
		t.Errorf("changing the pagination type after finalize = %v", err)
	}
	p.DefaultPageSize = 100
	if it, err := s.SetPagination(ctx, id, p); err != nil || it.Pagination.DefaultPageSize != 100 {
		t.Errorf("editing pagination details after finalize = %+v, %v", it.Pagination, err)
	}
}

func TestSuggestionsBecomeValidSettings(t *testing.T) {
	sug := importHelpdesk(t).Suggestions
	for _, a := range sug.Auth {
		method, d := integration.AuthFromSuggestion(a)
		if err := auth.Validate(auth.Method(method), d); err != nil {
			t.Errorf("suggestion %s (%s) does not validate: %v", a.SchemeName, a.Method, err)
		}
		if method == integration.AuthOAuth2 && (d.OAuth2.TokenURL != a.TokenURL || d.OAuth2.Scope != "tickets:read tickets:write") {
			t.Errorf("oauth2 suggestion mapped to %+v", d.OAuth2)
		}
	}
	if sug.Pagination == nil {
		t.Fatal("no pagination suggestion for the helpdesk spec")
	}
	c := integration.PaginationFromSuggestion(*sug.Pagination)
	if err := c.Validate(); err != nil || c.Type != paginate.Index || c.IndexParam != "offset" {
		t.Errorf("pagination suggestion mapped to %+v (%v)", c, err)
	}
}
