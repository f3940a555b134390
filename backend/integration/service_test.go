package integration_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/store"
)

func newService(t testing.TB, now func() time.Time) *integration.Service {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "studio.db"), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return integration.NewService(db)
}

func TestValidateName(t *testing.T) {
	tests := []struct {
		name    string
		wantErr string
	}{
		{"Acme CRM", ""},
		{"acme_crm-v2", ""},
		{"  padded  ", ""},
		{"", "Name is required."},
		{"   ", "Name is required."},
		{"Acme!", `Name contains "!"`},
		{"Café", `Name contains "é"`},
		{"a/b", `Name contains "/"`},
		{strings.Repeat("x", 65), "Name is 65 characters long; the limit is 64."},
		{strings.Repeat("x", 64), ""},
	}
	for _, tt := range tests {
		err := integration.ValidateName(tt.name)
		if tt.wantErr == "" {
			if err != nil {
				t.Errorf("ValidateName(%q) = %v, want ok", tt.name, err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ValidateName(%q) = %v, want %q", tt.name, err, tt.wantErr)
		}
		if f := err.(*apperr.Error).Field; f != "name" {
			t.Errorf("ValidateName(%q) field = %q, want name", tt.name, f)
		}
	}
}

func TestCreateThenList(t *testing.T) {
	ctx := context.Background()
	clock := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	s := newService(t, func() time.Time { return clock })

	first, err := s.Create(ctx, integration.CreateInput{Name: "  Acme CRM ", Description: "Customers and deals"})
	if err != nil {
		t.Fatal(err)
	}
	if first.Name != "Acme CRM" || first.Status != integration.StatusDraft || first.AuthMethod != integration.AuthNone {
		t.Errorf("created %+v", first)
	}
	clock = clock.Add(time.Minute)
	if _, err := s.Create(ctx, integration.CreateInput{Name: "Zeta", Description: "Tickets"}); err != nil {
		t.Fatal(err)
	}

	list, err := s.List(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "Zeta" || list[1].Name != "Acme CRM" {
		t.Fatalf("List = %+v, want Zeta then Acme CRM (newest first)", list)
	}
	if !list[1].UpdatedAt.Equal(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("UpdatedAt = %v", list[1].UpdatedAt)
	}
	got, err := s.Get(ctx, first.ID)
	if err != nil || got.Description != "Customers and deals" {
		t.Errorf("Get = %+v, %v", got, err)
	}
}

func TestCreateRejectsBadInputAndDuplicates(t *testing.T) {
	ctx := context.Background()
	s := newService(t, nil)
	if _, err := s.Create(ctx, integration.CreateInput{Name: "Acme", Description: "x"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in        integration.CreateInput
		code      string
		field     string
		mentioned string
	}{
		{integration.CreateInput{Name: "", Description: "d"}, apperr.Invalid, "name", "required"},
		{integration.CreateInput{Name: "Bad<name>", Description: "d"}, apperr.Invalid, "name", `"<"`},
		{integration.CreateInput{Name: "Fine", Description: "  "}, apperr.Invalid, "description", "required"},
		{integration.CreateInput{Name: "ACME", Description: "d"}, apperr.Conflict, "name", `"Acme" already exists`},
	}
	for _, tt := range tests {
		_, err := s.Create(ctx, tt.in)
		e, ok := err.(*apperr.Error)
		if !ok || e.Code != tt.code || e.Field != tt.field || !strings.Contains(e.Message, tt.mentioned) {
			t.Errorf("Create(%+v) = %#v, want code %s field %s mentioning %s", tt.in, err, tt.code, tt.field, tt.mentioned)
		}
	}
	if list, _ := s.List(ctx); len(list) != 1 {
		t.Errorf("rejected creates changed the list: %d rows", len(list))
	}
}

func TestGetUnknownIsNotFound(t *testing.T) {
	_, err := newService(t, nil).Get(context.Background(), "nope")
	if apperr.Code(err) != apperr.NotFound {
		t.Errorf("Get(nope) = %v, want not_found", err)
	}
}
