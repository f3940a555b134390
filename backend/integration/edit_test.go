package integration_test

import (
	"context"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
)

func TestSetField(t *testing.T) {
	base := integration.EditForm{Name: "Acme", Description: "d", Hostname: "api.acme.test"}
	tests := []struct {
		key, value string
		check      func(integration.EditForm) bool
		wantErr    string
	}{
		{"hostname", "api.other.test", func(f integration.EditForm) bool { return f.Hostname == "api.other.test" }, ""},
		{"hostname", "8443", func(f integration.EditForm) bool { return f.Hostname == "8443" }, ""},
		{"pagination.type", "pointer", func(f integration.EditForm) bool { return f.Pagination.Type == paginate.Pointer }, ""},
		{"pagination.after_param", "after", func(f integration.EditForm) bool { return f.Pagination.AfterParam == "after" }, ""},
		{"pagination.default_page_size", "250", func(f integration.EditForm) bool { return f.Pagination.DefaultPageSize == 250 }, ""},
		{"auth.method", "api_key", func(f integration.EditForm) bool { return f.Auth.Method == integration.AuthAPIKey }, ""},
		{"auth.api_key.header_name", "X-Key", func(f integration.EditForm) bool {
			return f.Auth.APIKey != nil && f.Auth.APIKey.HeaderName == "X-Key"
		}, ""},
		{"auth.oauth2.basic_auth_on_exchange", "true", func(f integration.EditForm) bool {
			return f.Auth.OAuth2 != nil && f.Auth.OAuth2.BasicAuthOnExchange
		}, ""},
		{"pagination.default_page_size", "many", nil, `pagination.default_page_size takes a whole number, not "many"`},
		{"pagination.colour", "red", nil, `There is no field "pagination.colour"`},
		{"hostname.port", "1", nil, `"hostname" is not a group of fields`},
		{"pagination..type", "x", nil, "empty part between dots"},
		{"Name", "Renamed", nil, `There is no field "Name"; did you mean "name"?`},
		{"pagination.Type", "page", nil, `did you mean "pagination.type"?`},
	}
	for _, tt := range tests {
		got, err := integration.SetField(base, tt.key, tt.value)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("SetField(%s=%s) = %v, want %q", tt.key, tt.value, err, tt.wantErr)
			} else if err.(*apperr.Error).Field != tt.key {
				t.Errorf("SetField(%s) error on field %q", tt.key, err.(*apperr.Error).Field)
			}
			continue
		}
		if err != nil || !tt.check(got) {
			t.Errorf("SetField(%s=%s) = %+v, %v", tt.key, tt.value, got, err)
		}
		if got.Name != "Acme" || (tt.key != "hostname" && got.Hostname != "api.acme.test") {
			t.Errorf("SetField(%s) lost other fields: %+v", tt.key, got)
		}
	}
}

func TestUpdateValidatesEverythingBeforeWriting(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	id := importedHelpdesk(t, s)
	other, err := s.Create(ctx, integration.CreateInput{Name: "Other", Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	it, _ := s.Get(ctx, id)
	form := integration.FormOf(it)
	for _, kv := range [][2]string{{"auth.method", "api_key"}, {"auth.api_key.header_name", "X-Helpdesk-Key"},
		{"pagination.type", "index"}, {"pagination.index_param", "offset"}, {"pagination.page_size_param", "limit"}} {
		if form, err = integration.SetField(form, kv[0], kv[1]); err != nil {
			t.Fatal(err)
		}
	}
	// One bad section: nothing is written.
	bad := form
	bad.Pagination.DefaultPageSize = 5000
	if _, err := s.Update(ctx, id, bad); err == nil || err.(*apperr.Error).Field != "pagination.default_page_size" {
		t.Fatalf("page size 5000 = %v", err)
	}
	if got, _ := s.Get(ctx, id); got.AuthMethod != it.AuthMethod {
		t.Error("a refused update wrote the auth method")
	}
	clash := form
	clash.Name = strings.ToUpper(other.Name)
	if _, err := s.Update(ctx, id, clash); apperr.Code(err) != apperr.Conflict {
		t.Errorf("renaming onto another integration = %v, want a conflict", err)
	}
	got, err := s.Update(ctx, id, form)
	if err != nil {
		t.Fatal(err)
	}
	if got.AuthMethod != integration.AuthAPIKey || got.AuthDefaults.APIKey.HeaderName != "X-Helpdesk-Key" ||
		got.Pagination.Type != paginate.Index || got.Pagination.IndexParam != "offset" {
		t.Errorf("updated %+v", got)
	}
	if _, err := s.Finalize(ctx, id); err != nil {
		t.Fatal(err)
	}
	frozen := integration.FormOf(got)
	frozen.Hostname = "elsewhere.test"
	if _, err := s.Update(ctx, id, frozen); err == nil || !strings.Contains(err.Error(), "hostname is read-only") {
		t.Errorf("hostname after finalize = %v", err)
	}
	frozen = integration.FormOf(got)
	frozen.Description = "Still editable."
	if after, err := s.Update(ctx, id, frozen); err != nil || after.Description != "Still editable." {
		t.Errorf("description after finalize = %v, %v", after.Description, err)
	}
}

func TestSetActionFieldRefusesWhatTheEditorDoesNotChange(t *testing.T) {
	a := integration.Action{ID: "a1", Name: "List", Method: "GET", Path: "/x"}
	for _, key := range []string{"id", "position", "operationId", "responseSchema"} {
		if _, err := integration.SetActionField(a, key, "x"); err == nil || !strings.Contains(err.Error(), "cannot be set on an action") {
			t.Errorf("SetActionField(%s) = %v", key, err)
		}
	}
	if got, err := integration.SetActionField(a, "pagination.type", "page"); err != nil || got.Pagination == nil || got.Pagination.Type != paginate.Page {
		t.Errorf("SetActionField(pagination.type) = %+v, %v", got.Pagination, err)
	}
}
