// Package importer holds OpenAPI imports in progress: the user drops or
// picks a file, reviews findings, previews and applies fixes, then saves
// the result as a draft integration. Nothing is stored until Save.
package importer

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"path/filepath"
	"strings"
	"sync"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/finding"
	"integrationstudio/backend/fix"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/worker"
)

// EventProgress is emitted while a file is read, parsed, converted and
// linted; mirrored in frontend/src/api/events.ts.
const EventProgress = "spec:progress"

// ProgressEvent is the payload of EventProgress.
type ProgressEvent struct {
	ImportID string `json:"importId"`
	Stage    string `json:"stage"`
	Message  string `json:"message"`
}

// Emitter sends events to the UI (the Wails runtime in the app, a fake in tests).
type Emitter interface {
	Emit(name string, payload any)
}

// Catalog stores the finished import.
type Catalog interface {
	Import(ctx context.Context, in integration.ImportInput) (integration.Imported, error)
}

// Service keeps imports in progress in memory.
type Service struct {
	runner  worker.Runner
	catalog Catalog
	emit    Emitter
	limits  func() spec.Limits

	mu      sync.Mutex
	pending map[string]*pending
}

type pending struct {
	fileName string
	original []byte
	imported *worker.Imported
}

// New returns a Service; limits gives the current size cap (Settings).
func New(runner worker.Runner, catalog Catalog, emit Emitter, limits func() spec.Limits) *Service {
	return &Service{runner: runner, catalog: catalog, emit: emit, limits: limits, pending: map[string]*pending{}}
}

// ActionRow is an action as the import review lists it (schemas stay in
// the backend: ten thousand of them would swamp the UI).
type ActionRow struct {
	Name           string   `json:"name"`
	Method         string   `json:"method"`
	Path           string   `json:"path"`
	OperationID    string   `json:"operationId"`
	Tags           []string `json:"tags"`
	Parameters     int      `json:"parameters"`
	PaginationType string   `json:"paginationType"`
	Deprecated     bool     `json:"deprecated"`
}

// Preview is what the review screen shows.
type Preview struct {
	ImportID  string      `json:"importId"`
	FileName  string      `json:"fileName"`
	Format    spec.Format `json:"format"`
	Version   string      `json:"version"`
	Converted bool        `json:"converted"`
	// DocumentVersion is the OpenAPI version of the clean document.
	DocumentVersion string            `json:"documentVersion"`
	Title           string            `json:"title"`
	Findings        []finding.Finding `json:"findings"`
	Counts          finding.Counts    `json:"counts"`
	Fixable         int               `json:"fixable"`
	Actions         []ActionRow       `json:"actions"`
	Suggestions     spec.Suggestions  `json:"suggestions"`
}

// FixPreview shows what fixes would do, before anything changes.
type FixPreview struct {
	Before  string         `json:"before"` // pretty JSON, for the diff view
	After   string         `json:"after"`
	Changes []fix.Change   `json:"changes"`
	Unfixed []fix.Unfixed  `json:"unfixed"`
	Counts  finding.Counts `json:"counts"` // after the fixes
}

// StartFile imports a file from disk (picked or dropped on the window).
func (s *Service) StartFile(ctx context.Context, path string, allowFileRefs bool) (Preview, error) {
	original, err := spec.ReadFile(path, s.limits())
	if err != nil {
		return Preview{}, err
	}
	return s.start(ctx, filepath.Base(path), original, worker.ImportRequest{Path: path, AllowFileRefs: allowFileRefs, Limits: s.limits()})
}

// StartData imports dropped or pasted text. File references cannot be
// followed: there is no folder to resolve them in.
func (s *Service) StartData(ctx context.Context, name, data string) (Preview, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = "pasted text"
	}
	return s.start(ctx, name, []byte(data), worker.ImportRequest{Name: name, Data: []byte(data), Limits: s.limits()})
}

func (s *Service) start(ctx context.Context, fileName string, original []byte, req worker.ImportRequest) (Preview, error) {
	id := newID()
	progress := func(p worker.Progress) {
		s.emit.Emit(EventProgress, ProgressEvent{ImportID: id, Stage: p.Stage, Message: p.Message})
	}
	imported, err := s.runner.Import(ctx, req, progress)
	if err != nil {
		return Preview{}, err
	}
	s.mu.Lock()
	s.pending[id] = &pending{fileName: fileName, original: original, imported: imported}
	s.mu.Unlock()
	return preview(id, fileName, imported), nil
}

func (s *Service) get(id string) (*pending, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pending[id]
	if !ok {
		return nil, apperr.Errorf(apperr.NotFound, "This import is no longer open; import the file again.")
	}
	return p, nil
}

// PreviewFix runs the fixers on a copy and returns both versions.
func (s *Service) PreviewFix(ctx context.Context, id string, opts fix.Options) (FixPreview, error) {
	p, err := s.get(id)
	if err != nil {
		return FixPreview{}, err
	}
	fixed, err := s.runner.Fix(ctx, worker.FixRequest{Name: p.fileName, Document: p.imported.Document, Options: opts}, nil)
	if err != nil {
		return FixPreview{}, err
	}
	return FixPreview{Before: string(fix.Pretty(p.imported.Document)), After: string(fix.Pretty(fixed.Document)),
		Changes: fixed.Changes, Unfixed: fixed.Unfixed, Counts: fixed.Counts}, nil
}

// ApplyFix replaces the import's document with the fixed one and re-lints.
// The original file is kept for the record.
func (s *Service) ApplyFix(ctx context.Context, id string, opts fix.Options) (Preview, error) {
	p, err := s.get(id)
	if err != nil {
		return Preview{}, err
	}
	fixed, err := s.runner.Fix(ctx, worker.FixRequest{Name: p.fileName, Document: p.imported.Document, Options: opts}, nil)
	if err != nil {
		return Preview{}, err
	}
	// Re-import the fixed document, indented, so actions and suggestions
	// follow the fixes and finding lines match the "after" side of the diff.
	re, err := s.runner.Import(ctx, worker.ImportRequest{Name: p.fileName + " (fixed)", Data: fix.Pretty(fixed.Document), Limits: s.limits()}, nil)
	if err != nil {
		return Preview{}, err
	}
	// Keep what the user's file was: format, version, conversion.
	re.Format, re.Version, re.Converted, re.DocumentVersion = p.imported.Format, p.imported.Version, p.imported.Converted, p.imported.DocumentVersion
	s.mu.Lock()
	p.imported = re
	s.mu.Unlock()
	return preview(id, p.fileName, re), nil
}

// Save stores the import as a draft integration and forgets it.
func (s *Service) Save(ctx context.Context, id, name string) (integration.Imported, error) {
	p, err := s.get(id)
	if err != nil {
		return integration.Imported{}, err
	}
	out, err := s.catalog.Import(ctx, integration.ImportInput{Name: name, FileName: p.fileName, Original: p.original, Spec: p.imported.Result()})
	if err != nil {
		return integration.Imported{}, err
	}
	s.Discard(id)
	return out, nil
}

// Discard forgets an import in progress.
func (s *Service) Discard(id string) {
	s.mu.Lock()
	delete(s.pending, id)
	s.mu.Unlock()
}

func preview(id, fileName string, im *worker.Imported) Preview {
	rows := make([]ActionRow, len(im.Actions))
	for i, a := range im.Actions {
		rows[i] = ActionRow{Name: a.Name, Method: a.Method, Path: a.Path, OperationID: a.OperationID,
			Tags: a.Tags, Parameters: len(a.Parameters), Deprecated: a.Deprecated}
		if a.Pagination != nil {
			rows[i].PaginationType = a.Pagination.Type
		}
	}
	fixable := 0
	for _, f := range im.Findings {
		if f.Fixable {
			fixable++
		}
	}
	return Preview{ImportID: id, FileName: fileName, Format: im.Format, Version: im.Version, Converted: im.Converted, DocumentVersion: im.DocumentVersion,
		Title: im.Title, Findings: im.Findings, Counts: im.Counts, Fixable: fixable, Actions: rows, Suggestions: im.Suggestions}
}

func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
