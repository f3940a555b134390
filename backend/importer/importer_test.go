package importer_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/fix"
	"integrationstudio/backend/importer"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/store"
	"integrationstudio/backend/worker"
)

type fakeEmitter struct {
	mu     sync.Mutex
	events []importer.ProgressEvent
}

func (f *fakeEmitter) Emit(name string, payload any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if name == importer.EventProgress {
		f.events = append(f.events, payload.(importer.ProgressEvent))
	}
}

func newService(t *testing.T) (*importer.Service, *integration.Service, *fakeEmitter) {
	t.Helper()
	db, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "studio.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	catalog := integration.NewService(db)
	emit := &fakeEmitter{}
	return importer.New(worker.InProcess{}, catalog, emit, func() spec.Limits { return spec.DefaultLimits }), catalog, emit
}

func TestImportReviewFixAndSave(t *testing.T) {
	ctx := context.Background()
	s, catalog, emit := newService(t)
	p, err := s.StartFile(ctx, "../fix/testdata/rewst-troubleshooting.swagger.yaml", false)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Converted || p.DocumentVersion != "3.0.3" || p.Counts.Errors != 6 || p.Fixable == 0 || len(p.Actions) != 3 {
		t.Errorf("preview %+v", p)
	}
	if len(emit.events) == 0 || emit.events[0].ImportID != p.ImportID {
		t.Errorf("progress events %+v", emit.events)
	}
	fp, err := s.PreviewFix(ctx, p.ImportID, fixOptions())
	if err != nil {
		t.Fatal(err)
	}
	if fp.Counts.Errors != 0 || len(fp.Changes) == 0 || fp.Before == fp.After || !strings.Contains(fp.After, "\n  \"openapi\"") {
		t.Errorf("fix preview: %+v changes, counts %+v", len(fp.Changes), fp.Counts)
	}
	fixed, err := s.ApplyFix(ctx, p.ImportID, fixOptions())
	if err != nil {
		t.Fatal(err)
	}
	if fixed.Counts.Errors != 0 || fixed.Version != "2.0" || !fixed.Converted {
		t.Errorf("after fix %+v", fixed.Counts)
	}
	saved, err := s.Save(ctx, p.ImportID, "")
	if err != nil {
		t.Fatal(err)
	}
	if saved.Integration.Name != "Pedro Aviary Legacy API" || saved.Actions != 3 {
		t.Errorf("saved %+v", saved)
	}
	list, _ := catalog.List(ctx)
	if len(list) != 1 {
		t.Errorf("%d integrations stored", len(list))
	}
	// Saved imports are forgotten.
	if _, err := s.PreviewFix(ctx, p.ImportID, fixOptions()); apperr.Code(err) != apperr.NotFound {
		t.Errorf("after save: %v", err)
	}
}

func TestNothingIsStoredUntilSave(t *testing.T) {
	ctx := context.Background()
	s, catalog, _ := newService(t)
	data, _ := os.ReadFile("../spec/testdata/helpdesk.swagger.yaml")
	p, err := s.StartData(ctx, "", string(data))
	if err != nil {
		t.Fatal(err)
	}
	if p.FileName != "pasted text" {
		t.Errorf("file name %q", p.FileName)
	}
	if list, _ := catalog.List(ctx); len(list) != 0 {
		t.Fatalf("an unsaved import was stored")
	}
	s.Discard(p.ImportID)
	if _, err := s.Save(ctx, p.ImportID, ""); apperr.Code(err) != apperr.NotFound {
		t.Errorf("save after discard: %v", err)
	}
	if _, err := s.StartData(ctx, "notes.txt", "just words"); err == nil || !strings.Contains(err.Error(), "notes.txt") {
		t.Errorf("bad text: %v", err)
	}
}

func fixOptions() fix.Options { return fix.Options{} }
