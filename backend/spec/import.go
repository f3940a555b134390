package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/index"
	"gopkg.in/yaml.v3"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/finding"
)

// Options tune one import.
type Options struct {
	Limits Limits
	Refs   RefPolicy
	// Parsed, when set, is called with libopenapi's document as soon as it
	// is parsed, before its model is built (seconds on a big spec), so that
	// work reading only the document can run meanwhile (lint.EarlyChecks).
	// What it returns is kept in the Model of that document. It may be
	// called for a document Import then discards, and from another
	// goroutine.
	Parsed func(libopenapi.Document) any
}

// Result is an imported spec: the clean OpenAPI 3 document and what it offers.
type Result struct {
	Name      string `json:"name"`
	Format    Format `json:"format"`
	Version   string `json:"version"`   // as detected in the input
	Converted bool   `json:"converted"` // Swagger 2.0 → OpenAPI 3.0.3
	// DocumentVersion is the OpenAPI version of Document.
	DocumentVersion string `json:"documentVersion"`
	Title           string `json:"title"`
	Description     string `json:"description"`
	// Document is the OpenAPI 3 document as compact JSON.
	Document    []byte            `json:"-"`
	Operations  int               `json:"operations"`
	Actions     []Action          `json:"actions"`
	Suggestions Suggestions       `json:"suggestions"`
	Findings    []finding.Finding `json:"findings"`
	// Source locates findings in the user's file.
	Source *Source `json:"-"`
	// Model is libopenapi's document and model of exactly Document, built
	// with ClosedDocumentConfig, for the linter to reuse instead of
	// parsing the document again; nil when the model was built from
	// something else (references defused, file references allowed).
	Model *Model `json:"-"`

	// tree is the model's node tree of Document when Source.Root was
	// dropped (Tree).
	tree *yaml.Node
}

// Model is a libopenapi document with its OpenAPI 3 model and the errors
// building the model returned.
type Model struct {
	Source []byte // the bytes Document was built from: IndentJSON of Result.Document
	// Compact is Result.Document (the same bytes, not a copy), set when
	// the model was built from it: the linter then skips its own IndentJSON.
	Compact  []byte
	Document libopenapi.Document
	V3       *libopenapi.DocumentModel[v3.Document]
	Errors   []error
	// Early is what Options.Parsed returned for Document.
	Early any
}

// IndentJSON is the form of a compact JSON document that the model and the
// linter parse: one value per line (so positions and messages can name
// lines), not indented (YAML's flow style does not need it, and the parser
// is faster on fewer bytes: Microsoft Graph's spec is 20 MB this way, 32 MB
// indented by two spaces).
func IndentJSON(doc []byte) ([]byte, error) {
	var b bytes.Buffer
	if err := json.Indent(&b, doc, "", ""); err != nil {
		return nil, err
	}
	// json.Indent reserves twice the input; the result is kept for the
	// whole import (Model.Source), so it is kept without that slack.
	if out := b.Bytes(); cap(out) > len(out)+len(out)/16 {
		return append(make([]byte, 0, len(out)), out...), nil
	}
	return b.Bytes(), nil
}

// ClosedDocumentConfig is how documents are parsed for the model and the
// linter: no remote references, no file references, no base path or URL to
// resolve against, references inside x- extensions not followed (as vacuum
// does by default), and a silent logger.
func ClosedDocumentConfig() *datamodel.DocumentConfiguration {
	c := datamodel.NewDocumentConfiguration()
	c.Logger = slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError + 1}))
	c.AllowRemoteReferences = false
	c.AllowFileReferences = false
	c.BasePath = ""
	c.BaseURL = nil
	c.ExcludeExtensionRefs = true
	return c
}

// Import reads data (named name in messages) through every stage: check,
// parse, convert, build the model, make actions, infer suggestions. Bad
// input is an *apperr.Error naming the file and line; problems that leave
// a usable document are Findings.
func Import(name string, data []byte, opts Options) (*Result, error) {
	if opts.Limits == (Limits{}) {
		opts.Limits = DefaultLimits
	}
	speculative := speculate(name, data, opts)
	src, err := ReadSource(name, data, opts.Limits)
	if err != nil {
		return nil, err
	}
	res := &Result{Name: name, Format: src.Format, Version: src.Version, Converted: src.Swagger, DocumentVersion: src.Version, Source: src}
	if src.Swagger {
		res.DocumentVersion = convertedVersion
	}
	refFindings, unresolved := checkRefs(src, opts.Refs)
	res.Findings = append(res.Findings, refFindings...)

	doc, dupes, err := toJSON(src, len(data), opts.Limits, nil)
	if err != nil {
		return nil, err
	}
	res.Findings = append(res.Findings, dupes...)
	// A JSON file that compacts to the document is the document: its node
	// tree (hundreds of MB for a big spec) is dropped now, the linter walks
	// the model's tree of the same document, and findings are located in
	// the bytes (Source.LocateAll).
	same := false
	if speculative != nil && !src.Swagger && len(unresolved) == 0 {
		same = bytes.Equal(<-speculative.compacted, doc)
		if same && len(dupes) == 0 {
			src.Root, src.json = nil, trimBOM(data)
		}
	}
	// The model is built from a copy in which references we will not follow
	// are defused; the document the user keeps still has them, as findings.
	modelDoc := doc
	if len(unresolved) > 0 {
		if modelDoc, _, err = toJSON(src, len(data), opts.Limits, unresolved); err != nil {
			return nil, err
		}
	}
	if src.Swagger {
		if doc, err = swaggerToOpenAPI3(name, doc); err != nil {
			return nil, err
		}
		if len(unresolved) > 0 {
			if modelDoc, err = swaggerToOpenAPI3(name, modelDoc); err != nil {
				return nil, err
			}
		} else {
			modelDoc = doc
		}
	}
	res.Document = doc

	// The model is built from the document one value per line, which the
	// linter reuses (it needs lines; ClosedDocumentConfig).
	var built *builtModel
	var modelFindings []finding.Finding
	if same {
		if s := <-speculative.done; s.err == nil {
			built, modelFindings = s.built, s.findings
		}
	}
	if built == nil {
		if modelDoc, err = IndentJSON(modelDoc); err != nil {
			return nil, err
		}
		if built, modelFindings, err = buildModel(name, modelDoc, opts.Refs, opts.Parsed); err != nil {
			return nil, err
		}
	}
	model := &built.V3.Model
	if len(unresolved) == 0 && !built.fileRefs { // built from Document itself
		res.Model = &built.Model
		res.Model.Compact = res.Document
	}
	if src.Root == nil {
		res.tree = built.Document.GetSpecInfo().RootNode
	}
	var toLocate []string
	for _, f := range modelFindings {
		if f.Line == 0 && f.Pointer != "" {
			toLocate = append(toLocate, f.Pointer)
		}
	}
	if len(toLocate) > 0 {
		at := res.LocateAll(toLocate)
		for i := range modelFindings {
			if f := &modelFindings[i]; f.Line == 0 && f.Pointer != "" {
				f.Line, f.Column = at[0][0], at[0][1]
				at = at[1:]
			}
		}
	}
	res.Findings = append(res.Findings, modelFindings...)
	if model.Info != nil {
		res.Title, res.Description = strings.TrimSpace(model.Info.Title), strings.TrimSpace(model.Info.Description)
	}
	res.Actions = actionsOf(model)
	res.Operations = len(res.Actions)
	ops := operationsByKey(model)
	for i := range res.Actions {
		a := &res.Actions[i]
		a.Pagination = inferPagination(*a, ops[a.Method+" "+a.Path])
	}
	res.Suggestions = Suggestions{Host: inferHost(model), Auth: inferAuth(model), Pagination: commonPagination(res.Actions)}
	finding.Sort(res.Findings)
	return res, nil
}

// locate maps a pointer in the OpenAPI 3 document to the user's file; for
// converted Swagger it translates the component locations back first.
func (r *Result) locate(pointer string) (int, int) {
	if r.Source.Swagger {
		for from, to := range swaggerLocations {
			if strings.HasPrefix(pointer, from) {
				pointer = to + strings.TrimPrefix(pointer, from)
				break
			}
		}
	}
	return r.Source.Locate(pointer)
}

// Locate is locate for other packages (the linter).
func (r *Result) Locate(pointer string) (int, int) { return r.locate(pointer) }

// LocateAll is Locate for many pointers at once (see Source.LocateAll).
func (r *Result) LocateAll(pointers []string) [][2]int {
	if r.Source.Swagger {
		out := make([][2]int, len(pointers))
		for i, p := range pointers {
			out[i][0], out[i][1] = r.locate(p)
		}
		return out
	}
	return r.Source.LocateAll(pointers)
}

var swaggerLocations = map[string]string{
	"/components/schemas/":         "/definitions/",
	"/components/parameters/":      "/parameters/",
	"/components/responses/":       "/responses/",
	"/components/securitySchemes/": "/securityDefinitions/",
}

func operationsByKey(doc *v3.Document) map[string]*v3.Operation {
	out := map[string]*v3.Operation{}
	if doc.Paths == nil || doc.Paths.PathItems == nil {
		return out
	}
	for pp := doc.Paths.PathItems.First(); pp != nil; pp = pp.Next() {
		if pp.Value() == nil {
			continue
		}
		for op := pp.Value().GetOperations().First(); op != nil; op = op.Next() {
			out[strings.ToUpper(op.Key())+" "+pp.Key()] = op.Value()
		}
	}
	return out
}

// buildModel parses the OpenAPI 3 JSON with libopenapi. Circular references
// are findings, not failures; remote references are never fetched.
func buildModel(name string, doc []byte, refs RefPolicy, parsed func(libopenapi.Document) any) (*builtModel, []finding.Finding, error) {
	cfg := ClosedDocumentConfig()
	if refs.AllowFileRefs && refs.Folder != "" {
		cfg.AllowFileReferences = true
		cfg.BasePath = refs.Folder
	}
	document, err := newDocumentSafely(doc, cfg)
	if err != nil {
		return nil, nil, apperr.Wrap(err, apperr.Invalid, "%s: the OpenAPI document could not be read: %v", name, err)
	}
	var early any
	if parsed != nil {
		early = parsed(document)
	}
	model, errs := buildV3Safely(document)
	var out []finding.Finding
	seen := map[string]bool{}
	for _, e := range errs {
		var refErr *index.ResolvingError
		if errors.As(e, &refErr) && refErr.CircularReference != nil {
			continue // the linter reports every schema cycle, with the edge that closes it
		}
		f := modelFinding(e)
		key := f.RuleID + f.Pointer + f.Message
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, f)
	}
	if model == nil {
		msg := "the document could not be built"
		if len(out) > 0 {
			msg = out[0].Message
		}
		return nil, out, apperr.Errorf(apperr.Invalid, "%s: %s", name, msg)
	}
	return &builtModel{Model: Model{Source: doc, Document: document, V3: model, Errors: errs, Early: early}, fileRefs: cfg.AllowFileReferences}, out, nil
}

type builtModel struct {
	Model
	fileRefs bool // built with file references allowed
}

func newDocumentSafely(doc []byte, cfg *datamodel.DocumentConfiguration) (d libopenapi.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the parser failed on this document (%v)", r)
		}
	}()
	return libopenapi.NewDocumentWithConfiguration(doc, cfg)
}

func buildV3Safely(d libopenapi.Document) (m *libopenapi.DocumentModel[v3.Document], errs []error) {
	defer func() {
		if r := recover(); r != nil {
			m, errs = nil, []error{fmt.Errorf("the model builder failed on this document (%v)", r)}
		}
	}()
	return d.BuildV3Model()
}

func modelFinding(err error) finding.Finding {
	return finding.Finding{RuleID: "reference-error", Severity: finding.Error, Source: "import", Message: err.Error()}
}
