package apitoken_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/store"
)

func newService(t *testing.T) (*apitoken.Service, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "studio.db")
	db, err := store.Open(context.Background(), path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return apitoken.New(db), path
}

func TestTokenShownOnceOnlyItsHashStored(t *testing.T) {
	ctx := context.Background()
	s, path := newService(t)
	c, err := s.Create(ctx, "CI pipeline")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Value, "ist_") || len(c.Value) != apitoken.Len || !apitoken.WellFormed(c.Value) {
		t.Fatalf("token %q", c.Value)
	}
	for _, suffix := range []string{"", "-wal"} {
		if b, _ := os.ReadFile(path + suffix); bytes.Contains(b, []byte(c.Value)) || bytes.Contains(b, []byte(c.Value[8:])) {
			t.Errorf("the token is in the database file%s", suffix)
		}
	}
	list, _ := s.List(ctx)
	if len(list) != 1 || list[0].Hint != c.Value[:8]+"…" {
		t.Errorf("list %+v", list)
	}
	if _, err := s.Check(ctx, c.Value); err != nil {
		t.Fatalf("a fresh token was refused: %v", err)
	}
	if list, _ := s.List(ctx); list[0].LastUsedAt == nil {
		t.Error("last use not recorded")
	}
	if _, err := s.Revoke(ctx, "ci pipeline"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Check(ctx, c.Value); err != apitoken.ErrUnauthorized {
		t.Errorf("a revoked token was accepted: %v", err)
	}
}

func TestMalformedAndUnknownTokens(t *testing.T) {
	ctx := context.Background()
	s, _ := newService(t)
	c, _ := s.Create(ctx, "script")
	typo := []byte(c.Value)
	if typo[10] == 'a' {
		typo[10] = 'b'
	} else {
		typo[10] = 'a'
	}
	other, _ := s.Create(ctx, "other")
	s.Revoke(ctx, "other")
	for name, tok := range map[string]string{
		"empty": "", "no prefix": strings.TrimPrefix(c.Value, "ist_"), "typo (checksum)": string(typo),
		"truncated": c.Value[:len(c.Value)-1], "revoked": other.Value, "bearer word": "Bearer " + c.Value,
	} {
		if _, err := s.Check(ctx, tok); err != apitoken.ErrUnauthorized {
			t.Errorf("%s: %v", name, err)
		}
	}
	if apitoken.WellFormed(string(typo)) {
		t.Error("a typo passed the checksum")
	}
	if _, err := s.Create(ctx, "SCRIPT"); apperr.Code(err) != apperr.Conflict {
		t.Errorf("duplicate active name: %v", err)
	}
	if _, err := s.Create(ctx, "other"); err != nil {
		t.Errorf("a revoked token's name cannot be reused: %v", err)
	}
}
