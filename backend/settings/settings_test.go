package settings_test

import (
	"context"
	"path/filepath"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/settings"
	"integrationstudio/backend/store"
)

func TestDefaultsSaveAndBounds(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := settings.New(db)
	got, err := s.Get(ctx)
	if err != nil || got.ImportLimitMB != 64 || got.Limits().MaxBytes != 64<<20 {
		t.Fatalf("defaults = %+v, %v", got, err)
	}
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 200}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx); got.ImportLimitMB != 200 {
		t.Errorf("after save: %+v", got)
	}
	for _, bad := range []int{0, -5, 5000} {
		_, err := s.Save(ctx, settings.Settings{ImportLimitMB: bad})
		if e, ok := err.(*apperr.Error); !ok || e.Field != "importLimitMb" {
			t.Errorf("Save(%d) = %v", bad, err)
		}
	}
	if got, _ := s.Get(ctx); got.ImportLimitMB != 200 {
		t.Errorf("a rejected save changed the setting: %+v", got)
	}
}

func TestBlueprintLimit(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := settings.New(db)
	if got, _ := s.Get(ctx); got.BlueprintLimit != settings.DefaultBlueprintLimit {
		t.Fatalf("default %d", got.BlueprintLimit)
	}
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 64, BlueprintLimit: 25}); err != nil {
		t.Fatal(err)
	}
	// A client that predates the setting sends zero: the limit stays.
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 80}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Get(ctx); got.BlueprintLimit != 25 || got.ImportLimitMB != 80 {
		t.Errorf("after saves: %+v", got)
	}
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 64, BlueprintLimit: 5000}); err == nil || err.(*apperr.Error).Field != "blueprintLimit" {
		t.Errorf("out of range: %v", err)
	}
}

func TestLocalAPISettings(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s := settings.New(db)
	got, _ := s.Get(ctx)
	if got.LocalAPIEnabled == nil || *got.LocalAPIEnabled || got.LocalAPIPort != settings.DefaultLocalAPIPort {
		t.Fatalf("defaults %+v", got)
	}
	on := true
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 64, LocalAPIEnabled: &on, LocalAPIPort: 9100}); err != nil {
		t.Fatal(err)
	}
	// An older client sends neither: both stay.
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 64}); err != nil {
		t.Fatal(err)
	}
	if got, _ = s.Get(ctx); !*got.LocalAPIEnabled || got.LocalAPIPort != 9100 {
		t.Errorf("after saves %+v", got)
	}
	if _, err := s.Save(ctx, settings.Settings{ImportLimitMB: 64, LocalAPIPort: 80}); err == nil || err.(*apperr.Error).Field != "localApiPort" {
		t.Errorf("privileged port: %v", err)
	}
}
