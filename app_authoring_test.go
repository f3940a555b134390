package main

import (
	"testing"

	"integrationstudio/backend/paginate"
)

// The editor's steps are drawn from these: every choice must come with the
// seed's guidance, and every pagination type with its fields.
func TestEditorMetadata(t *testing.T) {
	a := &App{}
	choices, _ := a.AuthMethods()
	if len(choices) != 5 {
		t.Fatalf("%d auth choices, want 5 (API key, basic, two OAuth grants, none)", len(choices))
	}
	for _, c := range choices {
		if c.Label == "" || c.Advice.Summary == "" || len(c.Advice.ChooseIf) == 0 {
			t.Errorf("auth choice %+v lacks a label or guidance", c)
		}
	}
	if oauth, _ := a.OAuth2Guidance(); oauth.Summary == "" || len(oauth.ChooseIf) == 0 {
		t.Errorf("general OAuth 2.0 guidance is empty: %+v", oauth)
	}
	types, _ := a.PaginationTypes()
	for _, tt := range types {
		fields, _ := a.PaginationFields(tt.Type, paginate.Header)
		if tt.Guidance == "" || (tt.Type != paginate.None && len(fields) == 0) {
			t.Errorf("pagination type %s: guidance %q, %d fields", tt.Type, tt.Guidance, len(fields))
		}
	}
}
