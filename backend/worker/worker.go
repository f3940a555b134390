// Package worker runs spec import, lint and fix — the work that parses
// untrusted files — in a child process of the same binary, under a memory
// limit and a timeout, so a pathological file can never take the app down.
// The same handlers also run in-process for tests.
package worker

import (
	"context"
	"encoding/json"
	"path/filepath"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/finding"
	"integrationstudio/backend/fix"
	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

// Command is the hidden subcommand main.go routes to Serve.
const Command = "__spec-worker"

// Stages reported while importing, in order.
const (
	StageRead    = "read"
	StageParse   = "parse"
	StageConvert = "convert"
	StageLint    = "lint"
	StageActions = "actions"
	StageFix     = "fix"
)

// Progress is one step of a running job.
type Progress struct {
	Stage   string `json:"stage"`
	Message string `json:"message"`
}

// ImportRequest asks for a spec to be read, converted, linted and turned
// into actions. Give Path (a file on disk) or Data (dropped or pasted).
type ImportRequest struct {
	Name          string      `json:"name"`
	Path          string      `json:"path,omitempty"`
	Data          []byte      `json:"data,omitempty"`
	AllowFileRefs bool        `json:"allowFileRefs"`
	Limits        spec.Limits `json:"limits"`
	SkipVacuum    bool        `json:"skipVacuum"`
}

// Imported is the outcome of an ImportRequest.
type Imported struct {
	Name      string      `json:"name"`
	Format    spec.Format `json:"format"`
	Version   string      `json:"version"`
	Converted bool        `json:"converted"`
	// DocumentVersion is the OpenAPI version of Document (3.0.3 after a conversion).
	DocumentVersion string            `json:"documentVersion"`
	Title           string            `json:"title"`
	Description     string            `json:"description"`
	Document        json.RawMessage   `json:"document"`
	Actions         []spec.Action     `json:"actions"`
	Suggestions     spec.Suggestions  `json:"suggestions"`
	Findings        []finding.Finding `json:"findings"`
	Counts          finding.Counts    `json:"counts"`
	Rules           []lint.RuleReport `json:"rules"`
}

// Result turns the payload back into what integration.Import stores.
func (im *Imported) Result() *spec.Result {
	return &spec.Result{Name: im.Name, Format: im.Format, Version: im.Version, Converted: im.Converted, DocumentVersion: im.DocumentVersion,
		Title: im.Title, Description: im.Description, Document: im.Document, Operations: len(im.Actions),
		Actions: im.Actions, Suggestions: im.Suggestions, Findings: im.Findings}
}

// FixRequest applies fixers to an OpenAPI 3 document and re-lints it.
type FixRequest struct {
	Name     string          `json:"name"`
	Document json.RawMessage `json:"document"`
	Options  fix.Options     `json:"options"`
}

// Fixed is the outcome of a FixRequest: the new document, what changed,
// and the findings that remain.
type Fixed struct {
	Document json.RawMessage   `json:"document"`
	Changes  []fix.Change      `json:"changes"`
	Unfixed  []fix.Unfixed     `json:"unfixed"`
	Findings []finding.Finding `json:"findings"`
	Counts   finding.Counts    `json:"counts"`
	Actions  []spec.Action     `json:"actions"`
}

// Runner does spec work: Child in the app, InProcess in tests.
type Runner interface {
	Import(ctx context.Context, req ImportRequest, progress func(Progress)) (*Imported, error)
	Fix(ctx context.Context, req FixRequest, progress func(Progress)) (*Fixed, error)
}

// handleImport is the work itself, shared by both runners.
func handleImport(ctx context.Context, req ImportRequest, progress func(Progress)) (*Imported, error) {
	if req.Limits == (spec.Limits{}) {
		req.Limits = spec.DefaultLimits
	}
	data := req.Data
	folder := ""
	if req.Path != "" {
		progress(Progress{Stage: StageRead, Message: "Reading " + filepath.Base(req.Path)})
		var err error
		if data, err = spec.ReadFile(req.Path, req.Limits); err != nil {
			return nil, err
		}
		if abs, err := filepath.Abs(req.Path); err == nil {
			folder = filepath.Dir(abs)
		}
		if req.Name == "" {
			req.Name = filepath.Base(req.Path)
		}
	}
	if req.Name == "" {
		req.Name = "pasted text"
	}
	progress(Progress{Stage: StageParse, Message: "Parsing and converting"})
	opts := spec.Options{Limits: req.Limits, Refs: spec.RefPolicy{Folder: folder, AllowFileRefs: req.AllowFileRefs}}
	if !req.SkipVacuum {
		opts.Parsed = lint.EarlyChecks // vacuum's oas3-schema runs while the model is built
	}
	res, err := spec.Import(req.Name, data, opts)
	if err != nil {
		return nil, err
	}
	progress(Progress{Stage: StageLint, Message: "Linting"})
	report, err := lint.Run(ctx, res, lint.Options{SkipVacuum: req.SkipVacuum})
	if err != nil {
		return nil, err
	}
	progress(Progress{Stage: StageActions, Message: "Building actions"})
	return &Imported{
		Name: res.Name, Format: res.Format, Version: res.Version, Converted: res.Converted, DocumentVersion: res.DocumentVersion,
		Title: res.Title, Description: res.Description, Document: res.Document,
		Actions: res.Actions, Suggestions: res.Suggestions,
		Findings: report.Findings, Counts: report.Counts, Rules: report.Rules,
	}, nil
}

func handleFix(ctx context.Context, req FixRequest, progress func(Progress)) (*Fixed, error) {
	if len(req.Document) == 0 {
		return nil, apperr.Errorf(apperr.Invalid, "There is no document to fix.")
	}
	progress(Progress{Stage: StageFix, Message: "Applying fixes"})
	out, err := fix.Apply(req.Document, req.Options)
	if err != nil {
		return nil, err
	}
	progress(Progress{Stage: StageLint, Message: "Linting the result"})
	res, err := spec.Import(req.Name, out.Document, spec.Options{Parsed: lint.EarlyChecks})
	if err != nil {
		return nil, err
	}
	report, err := lint.Run(ctx, res, lint.Options{})
	if err != nil {
		return nil, err
	}
	return &Fixed{Document: out.Document, Changes: out.Changes, Unfixed: out.Unfixed,
		Findings: report.Findings, Counts: report.Counts, Actions: res.Actions}, nil
}

// InProcess runs the handlers in the calling process (tests, and the CLI's
// own unit tests); the app uses Child.
type InProcess struct{}

func (InProcess) Import(ctx context.Context, req ImportRequest, progress func(Progress)) (*Imported, error) {
	return handleImport(ctx, req, orNoop(progress))
}

func (InProcess) Fix(ctx context.Context, req FixRequest, progress func(Progress)) (*Fixed, error) {
	return handleFix(ctx, req, orNoop(progress))
}

func orNoop(p func(Progress)) func(Progress) {
	if p == nil {
		return func(Progress) {}
	}
	return p
}
