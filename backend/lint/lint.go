// Package lint runs vacuum's recommended OpenAPI ruleset, as a library, on an
// OpenAPI 3 JSON document and reports what it finds as finding.Finding values.
//
// The package uses vacuum's rules and rule functions but not vacuum's rule
// runner (motor.ApplyRulesToRuleSet), for three reasons found in v0.16.5:
//
//   - the runner silently drops a rule that runs past its timeout (5 s by
//     default): it logs and moves on, and the caller cannot tell which rules
//     are missing. Here every rule is timed and bounded by
//     VacuumOptions.RuleTimeout, and a rule that did not finish is returned
//     in the []RuleReport with Skipped set and reported as an info finding
//     "lint-rule-skipped";
//   - the runner builds its documents internally, and building the pb33f
//     doctor model walks the document in many goroutines that race on lazily
//     built libopenapi schemas (go test -race fails on any spec with a schema
//     $ref). Here the same documents are built, then every schema is built
//     once, sequentially, before that walk (prewarmSchemas), which removes
//     those races. One race inside doctor v0.0.18 remains and cannot be
//     reached from outside: its collector goroutine may read the root
//     document's path segment while the walk writes it. It needs two model
//     objects on one line, so RunVacuum hands vacuum an indented copy of the
//     document (which also avoids doctor's quadratic handling of objects
//     sharing a line) and maps positions back to the caller's bytes;
//   - a rule still running after its timeout keeps writing into the runner's
//     shared result slice after the runner has returned.
//
// Documents are linted offline: remote ($ref to http…) and file references
// are never fetched or read.
package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/daveshanley/vacuum/functions"
	"github.com/daveshanley/vacuum/model"
	doctor "github.com/pb33f/doctor/model"
	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3high "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/index"
	libutils "github.com/pb33f/libopenapi/utils"
	"gopkg.in/yaml.v3"

	"integrationstudio/backend/finding"
	"integrationstudio/backend/spec"
)

const (
	// Source is the finding.Source of every finding RunVacuum returns.
	Source = "vacuum"
	// SkippedRuleID is the RuleID of the info finding RunVacuum emits for a
	// rule that should have run but did not run to completion.
	SkippedRuleID = "lint-rule-skipped"
	// DefaultRuleTimeout is the budget of one rule when
	// VacuumOptions.RuleTimeout is zero.
	DefaultRuleTimeout = 30 * time.Second
)

// VacuumOptions tunes RunVacuum. The zero value runs every recommended rule
// with DefaultRuleTimeout.
type VacuumOptions struct {
	// RuleTimeout bounds one rule: the wall time it may take once it has a
	// CPU (time waiting for one is not counted). A rule that has not finished
	// by then is abandoned, contributes no findings and is reported as
	// skipped. Vacuum's own runner silently SKIPS a rule that runs past 5 s;
	// this package never does. Default DefaultRuleTimeout (30 s).
	RuleTimeout time.Duration
	// Disabled lists rule ids not to run (e.g. rules re-implemented
	// elsewhere), each with a reason. Ids that are not rules of the set are
	// ignored; this includes resolving-references, circular-references and
	// schema-build-failure, which are not rules (filter those findings).
	Disabled map[string]string
	// Prebuilt, when set, is libopenapi's document and model of the bytes
	// given to RunVacuum (spec.Result.Model): RunVacuum reuses it instead
	// of parsing again if it was built from spec.IndentJSON of them.
	// It resolves the document's references in place once the rules that
	// read the unresolved document are done, so the caller must be done
	// with the model. Ignored when a rule needs the doctor model.
	Prebuilt *spec.Model

	// locatedByCaller (Run) skips computing lines and columns in the
	// caller's bytes: Run places findings with spec.Result.Locate.
	locatedByCaller bool

	// beforeRule, when set (tests only), runs in a rule's goroutine before
	// the rule, inside its budget.
	beforeRule func(ruleID string)
	// vacuumOnly (tests only) runs vacuum's own function for the rules
	// this package re-implements (nativeRules), to compare the two.
	vacuumOnly bool
}

// RuleReport says how one rule of the set fared: one per rule that ran or
// could not run, sorted by RuleID.
type RuleReport struct {
	RuleID string `json:"ruleId"`
	// Duration is the wall time the rule ran (up to the moment it was
	// abandoned, if it was).
	Duration time.Duration `json:"duration"`
	// Findings counts the findings returned for this rule.
	Findings int `json:"findings"`
	// Skipped says the rule did not run, or did not run to completion, and
	// Reason says why: "exceeded the 30s budget", "disabled: <reason>",
	// "not applicable: …", "panicked: …", "cancelled". A rule that ran
	// in this package's re-implementation (not vacuum's function) has
	// Skipped false and a Reason starting "re-implemented for speed".
	Skipped bool   `json:"skipped"`
	Reason  string `json:"reason,omitempty"`
}

// RunVacuum lints specJSON, an OpenAPI 3.x document in JSON, with vacuum's
// recommended ruleset (see RecommendedRuleIDs) and returns the findings,
// sorted with finding.Sort, and one RuleReport per rule of the set.
//
// Lines and columns are 1-based positions in specJSON (0 when unknown);
// pointers are JSON pointers into the document. Besides the rules' own ids,
// findings may carry the ids vacuum uses for problems found while building
// the document: resolving-references, circular-references,
// schema-build-failure.
//
// A rule that should have run but did not finish (budget, panic, failed
// lookup) is in the reports with Skipped set and is also reported as an info
// finding with RuleID SkippedRuleID naming it. Rules that are disabled, or
// that vacuum restricts to the other OpenAPI 3 minor version (3.0 vs 3.1),
// are reported as skipped without such a finding.
//
// The document is parsed, indexed and modelled once and shared by all rules,
// which run GOMAXPROCS at a time. Remote and file references are not
// resolved. RunVacuum returns ctx.Err() as soon as ctx is done (work under
// way finishes in the background; rules not yet started are not started). It
// is safe for concurrent use.
func RunVacuum(ctx context.Context, specJSON []byte, opts VacuumOptions) ([]finding.Finding, []RuleReport, error) {
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	budget := opts.RuleTimeout
	if budget <= 0 {
		budget = DefaultRuleTimeout
	}

	// Vacuum gets the document one value per line (spec.IndentJSON):
	// doctor's model walk compares every pair of objects that share a line,
	// so on compact JSON (everything on line 1) it is quadratic, and it is
	// also where doctor's one remaining data race lives; and some messages
	// name lines. Findings are mapped back to specJSON.
	prebuilt := opts.Prebuilt
	var indented []byte
	if prebuilt != nil && prebuilt.Document != nil && prebuilt.Source != nil && bytes.Equal(prebuilt.Compact, specJSON) {
		indented = prebuilt.Source // IndentJSON of specJSON already, and not the caller's to reuse
	} else {
		var err error
		if indented, err = spec.IndentJSON(specJSON); err != nil { // our own copy: the caller may reuse specJSON once we return
			return nil, nil, fmt.Errorf("lint: the document is not valid JSON: %w", err)
		}
		if prebuilt == nil || prebuilt.Document == nil || !bytes.Equal(prebuilt.Source, indented) {
			prebuilt = nil
		}
	}

	// The document decoded by encoding/json is what pointers are checked
	// against; libopenapi decodes a prebuilt one that way already.
	var doc any
	if info := prebuiltInfo(prebuilt); info != nil && info.SpecJSON != nil {
		doc = *info.SpecJSON
	} else if err := json.Unmarshal(specJSON, &doc); err != nil {
		return nil, nil, fmt.Errorf("lint: the document is not valid JSON: %w", err)
	}
	root, _ := doc.(map[string]any)
	version, _ := root["openapi"].(string)
	if !strings.HasPrefix(version, "3.") {
		return nil, nil, fmt.Errorf("lint: not an OpenAPI 3 document (openapi: %q)", version)
	}
	format := specFormat(version)

	// Which rules run.
	all := recommendedRules()
	reports := map[string]*RuleReport{}
	var toRun []*model.Rule
	for _, id := range sortedKeys(all) {
		rule := all[id]
		if reason, off := opts.Disabled[id]; off {
			reports[id] = &RuleReport{RuleID: id, Skipped: true, Reason: "disabled: " + reason}
			continue
		}
		if !appliesTo(rule, format) {
			reports[id] = &RuleReport{RuleID: id, Skipped: true,
				Reason: fmt.Sprintf("not applicable: vacuum runs it on %s documents only, this one is OpenAPI %s",
					strings.Join(rule.Formats, "/"), version)}
			continue
		}
		toRun = append(toRun, rule)
	}

	// Rules re-implemented here run instead of vacuum's functions; the
	// doctor model is built only if a rule left to vacuum needs it.
	natives := map[string]nativeRule{}
	withDoctor := false
	for _, r := range toRun {
		if n, ok := nativeRules[r.Id]; ok && !opts.vacuumOnly {
			natives[r.Id] = n
			continue
		}
		withDoctor = withDoctor || needsDoctor[r.Id]
	}

	if withDoctor {
		prebuilt = nil // doctor needs two documents
	}

	// oas3-schema reads only the document as libopenapi decoded it, so with
	// a prebuilt document it runs while the model is warmed up (on big
	// specs, each takes seconds), or has run while the model was built
	// (EarlyChecks).
	var early chan []*ruleOutcome
	usedEarly := false
	if _, native := natives[oas3SchemaRule]; native && prebuilt != nil {
		var rest []*model.Rule
		var earlyRules []*model.Rule
		for _, r := range toRun {
			if r.Id == oas3SchemaRule {
				earlyRules = append(earlyRules, r)
			} else {
				rest = append(rest, r)
			}
		}
		toRun = rest
		early = make(chan []*ruleOutcome, 1)
		if er := earlyOf(prebuilt); er != nil && budget == er.budget && opts.beforeRule == nil {
			usedEarly = true
			go func() {
				select {
				case <-er.done:
					early <- er.outcomes
				case <-ctx.Done():
					early <- []*ruleOutcome{{rule: earlyRules[0], reason: "cancelled"}}
				}
			}()
		} else {
			ed := &documents{natives: map[string]nativeRule{oas3SchemaRule: natives[oas3SchemaRule]},
				native: &nativeModel{document: prebuilt.Document}}
			go func() { early <- runRules(ctx, ed, earlyRules, budget, opts.beforeRule) }()
		}
	}

	// The index of the unresolved tree's positions (findNodes, seconds on
	// a big spec) only reads the tree, as the schema warm-up does: with a
	// prebuilt document it is made meanwhile, on the other core.
	var earlyRoot *yaml.Node
	var earlyPositions chan nodeFinder
	if prebuilt != nil && !withDoctor {
		if r := prebuilt.Document.GetRolodex(); r != nil && r.GetRootIndex() != nil && r.GetRootIndex().GetRootNode() != nil {
			earlyRoot, earlyPositions = r.GetRootIndex().GetRootNode(), make(chan nodeFinder, 1)
			go func() {
				var nf nodeFinder
				defer func() {
					_ = recover() // made again, where it was made before, if this failed
					earlyPositions <- nf
				}()
				nf = findNodes(earlyRoot)
			}()
		}
	}

	// Build the documents (in the background, so ctx is honoured).
	built := make(chan buildResult, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				built <- buildResult{err: fmt.Errorf("lint: building the document panicked: %v", p)}
			}
		}()
		built <- buildDocuments(indented, withDoctor, prebuilt)
	}()
	var b buildResult
	select {
	case b = <-built:
	case <-ctx.Done():
		return nil, nil, ctx.Err()
	}
	if b.err != nil {
		return nil, nil, b.err
	}
	b.docs.natives = natives
	b.docs.native.decoded = doc
	vacuumPositions := sync.OnceValue(func() nodeFinder {
		if earlyPositions != nil && earlyRoot == b.docs.rootUnresolved {
			if nf := <-earlyPositions; nf != nil {
				return nf
			}
		}
		return findNodes(b.docs.rootUnresolved)
	})
	b.docs.native.positions = vacuumPositions
	b.docs.doctorSlot = make(chan struct{}, 1)

	// One document for both (shared): the rules on the unresolved document
	// run first, then its references are resolved in place for the others.
	var first, second []*model.Rule
	for _, r := range toRun {
		if _, native := natives[r.Id]; b.docs.shared && r.Resolved && !native {
			second = append(second, r)
		} else {
			first = append(first, r)
		}
	}
	outcomes := runRules(ctx, b.docs, first, budget, opts.beforeRule)
	if early != nil {
		outcomes = append(outcomes, <-early...)
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	if b.docs.shared {
		vacuumPositions() // of the unresolved tree, before it changes
		// An early run whose outcome is not used still reads the tree: it
		// must be done (and not abandoned) before the tree is resolved.
		running := outcomes
		if er := earlyOf(prebuilt); er != nil && !usedEarly {
			select {
			case <-er.done:
			case <-ctx.Done():
				return nil, nil, ctx.Err()
			}
			running = append(append([]*ruleOutcome{}, outcomes...), er.outcomes...)
		}
		if err := b.docs.resolve(indented, running); err != nil {
			return nil, nil, err
		}
		outcomes = append(outcomes, runRules(ctx, b.docs, second, budget, opts.beforeRule)...)
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
	}
	b.docs.buildResults = buildProblems(b.docs, b.docs.modelErrs)

	conv := &converter{doc: doc, vacuumPositions: vacuumPositions, indented: indented, original: specJSON,
		seen: map[string]bool{}, skipOriginal: opts.locatedByCaller}
	var findings []finding.Finding
	perRule := map[string]int{}
	add := func(vr model.RuleFunctionResult, rule *model.Rule) {
		if f, ok := conv.convert(vr, rule); ok {
			findings = append(findings, f)
			perRule[f.RuleID]++
		}
	}
	for _, vr := range b.docs.buildResults {
		add(vr, nil)
	}
	for _, o := range outcomes {
		for _, vr := range o.results {
			add(vr, o.rule)
		}
		rep := &RuleReport{RuleID: o.rule.Id, Duration: o.duration, Skipped: o.reason != "", Reason: o.reason}
		if _, ok := natives[o.rule.Id]; ok && !rep.Skipped {
			rep.Reason = reimplementedReason
		}
		reports[o.rule.Id] = rep
		if o.reason != "" {
			findings = append(findings, finding.Finding{
				RuleID:   SkippedRuleID,
				Severity: finding.Info,
				Message: fmt.Sprintf("vacuum rule %q did not run to completion (%s); problems it checks for may be missing from this report",
					o.rule.Id, o.reason),
				Source: Source,
			})
		}
	}

	reportList := make([]RuleReport, 0, len(reports))
	for _, id := range sortedKeys(reports) {
		rep := reports[id]
		rep.Findings = perRule[id]
		reportList = append(reportList, *rep)
	}
	finding.Sort(findings)
	return findings, reportList, nil
}

// earlyRun is oas3-schema run by EarlyChecks on a document just parsed.
type earlyRun struct {
	document libopenapi.Document
	budget   time.Duration
	done     chan struct{} // closed when outcomes is set
	outcomes []*ruleOutcome
}

// earlyOf is the early run kept with prebuilt's document, or nil.
func earlyOf(prebuilt *spec.Model) *earlyRun {
	if prebuilt == nil {
		return nil
	}
	if er, ok := prebuilt.Early.(*earlyRun); ok && er.document == prebuilt.Document {
		return er
	}
	return nil
}

// EarlyChecks starts, on a document libopenapi has just parsed, the rule
// that reads only the document (oas3-schema, seconds on a big spec), so
// that it runs while the document's model is built: pass it as
// spec.Options.Parsed. Run (RunVacuum with a prebuilt model) uses its
// outcome when the model it lints is that document's; otherwise the
// outcome is dropped and the rule runs as usual.
func EarlyChecks(doc libopenapi.Document) any {
	rule := recommendedRules()[oas3SchemaRule]
	if rule == nil || doc == nil {
		return nil
	}
	er := &earlyRun{document: doc, budget: DefaultRuleTimeout, done: make(chan struct{})}
	ed := &documents{natives: map[string]nativeRule{oas3SchemaRule: nativeRules[oas3SchemaRule]},
		native: &nativeModel{document: doc}}
	go func() {
		defer close(er.done)
		er.outcomes = runRules(context.Background(), ed, []*model.Rule{rule}, er.budget, nil)
	}()
	return er
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// documents is everything vacuum's rule functions get to see, built once.
type documents struct {
	resolved, unresolved         libopenapi.Document
	specInfo, specInfoUnresolved *datamodel.SpecInfo
	index, indexUnresolved       *index.SpecIndex
	root, rootUnresolved         *yaml.Node
	dr                           *doctor.DrDocument         // nil when no rule to run needs it
	failedSchemas                []*base.SchemaProxy        // schemas that could not be built
	native                       *nativeModel               // what natives read, met by prewarmSchemas (nil if no model)
	model                        *v3high.Document           // high-level model of unresolved (nil if it failed)
	natives                      map[string]nativeRule      // rules run by this package instead of vacuum
	doctorSlot                   chan struct{}              // one rule on the doctor model at a time (cap 1)
	buildResults                 []model.RuleFunctionResult // problems found while building
	phases                       []phase                    // how long each build step took
	// shared: resolved and unresolved are one document, resolved in place
	// (resolve) once the rules on the unresolved one are done.
	shared    bool
	modelErrs []error // what building the resolved document's model returned
}

// phase is one timed step of buildDocuments (reported by the profile test).
type phase struct {
	name     string
	duration time.Duration
}

type buildResult struct {
	docs *documents
	err  error
}

var quietLogger = slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError + 1}))

// needsDoctor are the rules whose vacuum functions (v0.16.5) read the
// pb33f/doctor model (RuleFunctionContext.DrDocument): most find nothing
// without it. pattern uses it only to name the JSONPath of a result about a
// pattern that does not compile, which already has its node.
var needsDoctor = map[string]bool{
	"component-description":    true, // oasComponentDescriptions: V3Document.Components
	"duplicated-entry-in-enum": true, // duplicatedEnum: Schemas
	"info-description":         true, // infoDescription: V3Document.Info
	"info-license-spdx":        true, // infoLicenseURLSPDX: V3Document.Info
	"no-request-body":          true, // noRequestBody: V3Document.Paths
	"oas-schema-check":         true, // schemaTypeCheck: Schemas
	// oasDocumentSchema finds the same problems without the model, but
	// places each one with DrDocument.LocateModelByLine; without it, its
	// findings land elsewhere and fewer of them are merged.
	"oas3-schema":                 true,
	"oas3-example-external-check": true, // oasExampleExternal: Parameters, Headers, MediaTypes
	"oas3-missing-example":        true, // oasExampleMissing: Parameters, Headers, MediaTypes, Schemas
	"oas3-valid-schema-example":   true, // oasExampleSchema: Schemas, Parameters, Headers, MediaTypes
	"operation-description":       true, // oasDescriptions: V3Document.Paths
	"operation-operationId":       true, // oasOpId: V3Document.Paths
	"operation-tag-defined":       true, // oasTagDefined: V3Document.Tags, Paths
	"operation-tags":              true, // oasOperationTags: V3Document.Paths
	"path-item-refs":              true, // pathItemReferences: V3Document.Paths
	"paths-kebab-case":            true, // pathsKebabCase: V3Document.Paths
}

// doctorSchemaCache is the doctor model's schema cache, which vacuum's
// runner turns on. With it, a schema used in several places is walked once,
// by whichever goroutine gets there first, so which of its problems are
// reported, and where, changes from run to run (seen with
// oas3-missing-example). Without it every use is walked: the output is
// stable, at a cost on big specs (stripe.yaml, 3 MB: ~15 s instead of ~5 s).
const doctorSchemaCache = false

// documentConfig is spec.ClosedDocumentConfig: a prebuilt document
// (VacuumOptions.Prebuilt) and one built here are built the same way.
func documentConfig() *datamodel.DocumentConfiguration { return spec.ClosedDocumentConfig() }

// buildDocuments builds what vacuum's runner (motor.ApplyRulesToRuleSet)
// builds for an OpenAPI 3 document: a resolved and an unresolved libopenapi
// document with their indexes and models, plus a sequential warm-up of
// every schema (prewarmSchemas).
//
// With the doctor model (withDoctor: a rule to run needs it; by far the
// most expensive part, docs/benchmarks.md) they are two documents, the
// resolved one resolved while the other is warmed up. Without it they are
// one (shared): prebuilt if given, else parsed here; RunVacuum resolves it
// in place (resolve) between the rules on the unresolved document and the
// others, which saves a parse, an index and a model, and their memory.
func buildDocuments(specBytes []byte, withDoctor bool, prebuilt *spec.Model) buildResult {
	var phases []phase
	var phasesMu sync.Mutex
	timed := func(name string, f func()) {
		start := time.Now()
		f()
		phasesMu.Lock()
		phases = append(phases, phase{name, time.Since(start)})
		phasesMu.Unlock()
	}
	start := time.Now()
	var unresolved libopenapi.Document
	var mod *libopenapi.DocumentModel[v3high.Document]
	var unresolvedErrs []error
	if prebuilt != nil && prebuilt.Document != nil {
		unresolved, mod, unresolvedErrs = prebuilt.Document, prebuilt.V3, prebuilt.Errors
		phases = append(phases, phase{"libopenapi: parse, index + model (prebuilt)", 0})
	} else {
		var err error
		unresolved, err = libopenapi.NewDocumentWithConfiguration(specBytes, documentConfig())
		if err != nil {
			return buildResult{err: fmt.Errorf("lint: vacuum could not read the document: %w", err)}
		}
		phases = append(phases, phase{"libopenapi: parse", time.Since(start)})
		// A model that cannot be built entirely (e.g. a path item $ref
		// that cannot be resolved) still gets linted, as vacuum does: the
		// rules work on the indexes; only the doctor model is then missing.
		timed("libopenapi: index + model", func() { mod, unresolvedErrs = unresolved.BuildV3Model() })
	}
	d := &documents{unresolved: unresolved, specInfoUnresolved: unresolved.GetSpecInfo()}
	rolodexUnresolved := unresolved.GetRolodex()
	if rolodexUnresolved == nil || rolodexUnresolved.GetRootIndex() == nil {
		return buildResult{err: fmt.Errorf("lint: vacuum could not index the document: %w", errors.Join(unresolvedErrs...))}
	}
	d.indexUnresolved = rolodexUnresolved.GetRootIndex()

	var wg sync.WaitGroup
	var panicked any
	if withDoctor {
		var resolvedErrs []error
		timed("libopenapi: parse, index + model (resolved)", func() {
			var resolved libopenapi.Document
			resolved, resolvedErrs = parseAndModel(specBytes)
			d.resolved = resolved
		})
		if d.resolved == nil || d.resolved.GetRolodex() == nil || d.resolved.GetRolodex().GetRootIndex() == nil {
			return buildResult{err: fmt.Errorf("lint: vacuum could not index the document: %w", errors.Join(resolvedErrs...))}
		}
		d.specInfo, d.index, d.modelErrs = d.resolved.GetSpecInfo(), d.resolved.GetRolodex().GetRootIndex(), resolvedErrs
		// The two documents share nothing, so resolving one and walking
		// the other can run side by side.
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() { panicked = recover() }()
			timed("libopenapi: resolve (concurrent)", d.resolved.GetRolodex().Resolve)
		}()
	} else {
		d.shared = true
		d.resolved, d.specInfo, d.index, d.modelErrs = unresolved, d.specInfoUnresolved, d.indexUnresolved, unresolvedErrs
	}
	if mod != nil {
		d.model = &mod.Model
		timed("prewarm schemas", func() {
			d.failedSchemas, d.native = prewarmSchemas(&mod.Model, rolodexUnresolved.GetIndexes(), d.indexUnresolved, withDoctor)
		})
		if withDoctor {
			timed("doctor model", func() {
				d.dr = doctor.NewDrDocumentWithConfig(mod, &doctor.DrConfig{UseSchemaCache: doctorSchemaCache})
			})
		}
	}
	wg.Wait()
	if d.native == nil {
		d.native = &nativeModel{doc: d.model}
	}
	d.native.document, d.native.index = unresolved, d.indexUnresolved
	d.phases = phases
	if panicked != nil {
		panic(panicked)
	}
	d.root = d.index.GetRootNode()
	d.rootUnresolved = d.indexUnresolved.GetRootNode()
	if d.root == nil || d.rootUnresolved == nil {
		return buildResult{err: errors.New("lint: vacuum could not index the document")}
	}
	return buildResult{docs: d}
}

func prebuiltInfo(p *spec.Model) *datamodel.SpecInfo {
	if p == nil || p.Document == nil {
		return nil
	}
	return p.Document.GetSpecInfo()
}

// parseAndModel parses spec and builds its model (for its index).
func parseAndModel(specBytes []byte) (libopenapi.Document, []error) {
	doc, err := libopenapi.NewDocumentWithConfiguration(specBytes, documentConfig())
	if err != nil {
		return nil, []error{err}
	}
	_, errs := doc.BuildV3Model()
	return doc, errs
}

// resolve readies a shared document for the rules that read it resolved.
// Resolving rewrites the document's nodes, so it happens in place only if
// every rule on the unresolved document has finished; if one was abandoned
// (over its budget, still running), the resolved document is a second one,
// built from spec as with the doctor model.
func (d *documents) resolve(specBytes []byte, done []*ruleOutcome) error {
	abandoned := false
	for _, o := range done {
		// over its budget (its goroutine may still run) or cancelled
		abandoned = abandoned || strings.HasPrefix(o.reason, "exceeded the ") || o.reason == "cancelled"
	}
	if !abandoned {
		d.resolved.GetRolodex().Resolve()
		return nil
	}
	resolved, errs := parseAndModel(specBytes)
	if resolved == nil || resolved.GetRolodex() == nil || resolved.GetRolodex().GetRootIndex() == nil {
		return fmt.Errorf("lint: vacuum could not index the document: %w", errors.Join(errs...))
	}
	resolved.GetRolodex().Resolve()
	d.shared = false
	d.resolved, d.specInfo, d.index, d.modelErrs = resolved, resolved.GetSpecInfo(), resolved.GetRolodex().GetRootIndex(), errs
	d.root = d.index.GetRootNode()
	return nil
}

// The rules vacuum's runner adds for problems found while building.
var (
	resolvingRule = &model.Rule{Id: "resolving-references", Severity: model.SeverityError,
		Description: "$ref values must be resolvable and locatable within a local or remote document."}
	circularRule = &model.Rule{Id: "circular-references", Severity: model.SeverityWarn,
		Description: "Circular reference detected"}
	schemaBuildRule = &model.Rule{Id: "schema-build-failure", Severity: model.SeverityError,
		Description: "Schemas must be able to be programmatically built using automation"}
)

// buildProblems reports, like vacuum's runner, unresolvable references,
// circular references and schemas that cannot be built.
func buildProblems(d *documents, resolvedErrs []error) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	for _, e := range resolvedErrs {
		var re *index.ResolvingError
		if errors.As(e, &re) {
			out = append(out, model.RuleFunctionResult{RuleId: resolvingRule.Id, Rule: resolvingRule,
				StartNode: re.Node, Message: re.Error(), Path: re.Path})
		}
	}
	if r := d.index.GetResolver(); r != nil {
		for _, cr := range r.GetCircularReferences() {
			msg := "circular reference detected"
			if cr.Start != nil {
				msg = "circular reference detected from " + cr.Start.Definition
			}
			out = append(out, model.RuleFunctionResult{RuleId: circularRule.Id, Rule: circularRule,
				StartNode: cr.ParentNode, Message: msg, Path: cr.GenerateJourneyPath()})
		}
	}
	for _, e := range d.index.GetReferenceIndexErrors() {
		var ie *index.IndexingError
		if errors.As(e, &ie) {
			out = append(out, model.RuleFunctionResult{RuleId: resolvingRule.Id, Rule: resolvingRule,
				StartNode: ie.Node, Message: ie.Error(), Path: ie.Path})
		} else if e != nil {
			out = append(out, model.RuleFunctionResult{RuleId: resolvingRule.Id, Rule: resolvingRule,
				Message: e.Error(), Path: "$"})
		}
	}
	if d.dr != nil {
		for _, be := range d.dr.BuildErrors {
			if be == nil || be.Error == nil {
				continue
			}
			r := model.RuleFunctionResult{RuleId: schemaBuildRule.Id, Rule: schemaBuildRule, Message: be.Error.Error()}
			if be.SchemaProxy != nil && be.SchemaProxy.GoLow() != nil {
				r.StartNode = be.SchemaProxy.GoLow().GetKeyNode()
			}
			if be.DrSchemaProxy != nil {
				r.Path = be.DrSchemaProxy.GenerateJSONPath()
			}
			out = append(out, r)
		}
	} else {
		// The same problems, found while warming the schemas up.
		for _, sp := range d.failedSchemas {
			r := model.RuleFunctionResult{RuleId: schemaBuildRule.Id, Rule: schemaBuildRule, Message: sp.GetBuildError().Error()}
			if sp.GoLow() != nil {
				r.StartNode = sp.GoLow().GetKeyNode()
			}
			out = append(out, r)
		}
	}
	return out
}

// ruleOutcome is how one rule fared.
type ruleOutcome struct {
	rule     *model.Rule
	results  []model.RuleFunctionResult
	duration time.Duration
	reason   string // why it did not complete; "" if it did
}

// slowFirst ranks the rules that take longest on big specs (Microsoft Graph
// beta: seconds each; the others take well under one): higher starts
// earlier.
var slowFirst = map[string]int{
	oas3SchemaRule:              5,
	"oas3-valid-schema-example": 4,
	"description-duplication":   3,
	"oas3-missing-example":      2,
	"oas-schema-check":          1,
}

// runRules runs rules on d, GOMAXPROCS at a time, each bounded by budget.
func runRules(ctx context.Context, d *documents, rules []*model.Rule, budget time.Duration, before func(string)) []*ruleOutcome {
	builtins := functions.MapBuiltinFunctions()
	outcomes := make([]*ruleOutcome, len(rules))
	next := make(chan int)
	var wg sync.WaitGroup
	workers := min(max(1, runtime.GOMAXPROCS(0)), len(rules))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outcomes[i] = runOneRule(ctx, d, rules[i], builtins, budget, before)
			}
		}()
	}
	// The slowest rules on big specs start first, so that two of them do
	// not end up running alone at the end (outcomes keep the rules' order).
	order := make([]int, len(rules))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return slowFirst[rules[order[a]].Id] > slowFirst[rules[order[b]].Id] })
feed:
	for _, i := range order {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	for i, o := range outcomes {
		if o == nil {
			outcomes[i] = &ruleOutcome{rule: rules[i], reason: "cancelled"}
		}
	}
	return outcomes
}

// runOneRule runs rule in its own goroutine and waits for it at most budget.
// A rule that overruns is abandoned: its goroutine finishes in the
// background and its results are dropped (it writes only to its own slice).
func runOneRule(ctx context.Context, d *documents, rule *model.Rule, builtins functions.Functions,
	budget time.Duration, before func(string)) *ruleOutcome {
	o := &ruleOutcome{rule: rule}
	if ctx.Err() != nil {
		o.reason = "cancelled"
		return o
	}
	type done struct {
		results []model.RuleFunctionResult
		reason  string
	}
	ch := make(chan done, 1) // buffered: an abandoned rule must not block forever
	// Rules on the doctor model run one at a time: several of vacuum's
	// functions build libopenapi schemas lazily from the model (e.g. an
	// array's items) without synchronisation, which races between rules.
	// The slot is held until the rule's goroutine ends, even if abandoned.
	_, native := d.natives[rule.Id]
	serial := needsDoctor[rule.Id] && !native && d.doctorSlot != nil
	if serial {
		select {
		case d.doctorSlot <- struct{}{}:
		case <-ctx.Done():
			o.reason = "cancelled"
			return o
		}
	}
	start := time.Now()
	go func() {
		if serial {
			defer func() { <-d.doctorSlot }()
		}
		defer func() {
			if p := recover(); p != nil {
				ch <- done{reason: fmt.Sprintf("panicked: %v", p)}
			}
		}()
		if before != nil {
			before(rule.Id)
		}
		results, reason := applyRule(d, rule, builtins, budget)
		ch <- done{results: results, reason: reason}
	}()
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case r := <-ch:
		o.results, o.reason = r.results, r.reason
	case <-timer.C:
		o.reason = budgetReason(budget)
	case <-ctx.Done():
		o.reason = "cancelled"
	}
	o.duration = time.Since(start)
	if o.duration > budget && o.reason != "cancelled" {
		// Finished (or failed), but past the budget: the same outcome as if
		// the timer had won the race, so it does not depend on scheduling.
		o.reason = budgetReason(budget)
	}
	if o.reason != "" {
		o.results = nil
	}
	return o
}

func budgetReason(budget time.Duration) string {
	return fmt.Sprintf("exceeded the %s budget", budget)
}

// applyRule does what vacuum's runner does for one rule (motor.runRule and
// buildResults): find the nodes its `given` paths select, then call its
// function(s) on each node. It returns a reason when the rule cannot be run.
func applyRule(d *documents, rule *model.Rule, builtins functions.Functions, budget time.Duration) ([]model.RuleFunctionResult, string) {
	if native, ok := d.natives[rule.Id]; ok {
		return native(d.native, rule), ""
	}
	spec, idx, info := d.root, d.index, d.specInfo
	if !rule.Resolved {
		spec, idx, info = d.rootUnresolved, d.indexUnresolved, d.specInfoUnresolved
	}
	var actions []model.RuleAction
	switch then := rule.Then.(type) {
	case model.RuleAction:
		actions = []model.RuleAction{then}
	case *model.RuleAction:
		actions = []model.RuleAction{*then}
	case []model.RuleAction:
		actions = then
	default:
		return nil, fmt.Sprintf("not run: unsupported rule action type %T", then)
	}

	var results []model.RuleFunctionResult
	for _, given := range givenPaths(rule) {
		nodes := []*yaml.Node{spec}
		if given != "$" {
			var err error
			nodes, err = libutils.FindNodesWithoutDeserializingWithTimeout(spec, given, budget)
			if err != nil {
				return nil, fmt.Sprintf("could not look up its given path %q: %v", given, err)
			}
		}
		for _, action := range actions {
			fn := builtins.FindFunction(action.Function)
			if fn == nil {
				return nil, fmt.Sprintf("not run: vacuum has no function %q", action.Function)
			}
			a := action
			rfc := model.RuleFunctionContext{
				Options:    a.FunctionOptions,
				RuleAction: &a,
				Rule:       rule,
				Given:      rule.Given,
				Index:      idx,
				SpecInfo:   info,
				Document:   d.unresolved,
				DrDocument: d.dr,
				Logger:     quietLogger,
			}
			if ok, errs := model.ValidateRuleFunctionContextAgainstSchema(fn, rfc); !ok {
				for _, e := range errs {
					results = append(results, model.RuleFunctionResult{Message: e, Rule: rule, RuleId: rule.Id,
						Path: fmt.Sprint(rule.Given)})
				}
				continue
			}
			for _, n := range nodes {
				results = append(results, fn.RunRule([]*yaml.Node{n}, rfc)...)
			}
		}
	}
	return results, ""
}

func givenPaths(rule *model.Rule) []string {
	switch g := rule.Given.(type) {
	case string:
		return []string{g}
	case []string:
		return g
	case []any:
		var out []string
		for _, x := range g {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// converter turns vacuum results into findings, dropping duplicates (the
// same rule, message and place, which vacuum reports once per path that
// leads to a shared schema).
type converter struct {
	doc any // the document, decoded by encoding/json
	// vacuumPositions indexes the document vacuum parsed (unresolved).
	vacuumPositions func() nodeFinder
	indented        []byte // the bytes vacuum parsed
	original        []byte // the bytes the caller gave
	seen            map[string]bool
	// skipOriginal leaves Line and Column 0 (the caller places findings).
	skipOriginal bool

	inOriginal *positions // built on first need
}

func (c *converter) convert(vr model.RuleFunctionResult, rule *model.Rule) (finding.Finding, bool) {
	if rule == nil {
		rule = vr.Rule
	}
	id := vr.RuleId
	sev := vr.RuleSeverity
	if rule != nil {
		if id == "" {
			id = rule.Id
		}
		if rule.Severity != "" {
			sev = rule.Severity
		}
	}
	path := vr.Path
	if path == "" && len(vr.Paths) > 0 {
		path = vr.Paths[0]
	}
	f := finding.Finding{
		RuleID:   id,
		Severity: mapSeverity(sev),
		Message:  strings.TrimSpace(vr.Message),
		Source:   Source,
	}
	if id == "description-duplication" {
		f.Message, _ = rewriteLines(f.Message, c.vacuumPositions())
	}

	// Where: the node vacuum points at is the most reliable (it does not
	// depend on which path vacuum took to reach a shared schema). The
	// JSONPath is used when there is no such node, or when it points inside
	// that node (a rule reporting on the root node with the path $.info); it
	// is cut back to its longest prefix that exists in the document.
	ptr, onKey := pointerInDoc(c.doc, path), true
	if n := vr.StartNode; n != nil && n.Line > 0 {
		if at, ok := c.vacuumPositions().find(n.Line, n.Column); ok && !strings.HasPrefix(ptr, at.ptr+"/") {
			ptr, onKey = at.ptr, at.key
		}
	}
	f.Pointer = ptr
	// Line and column in the caller's bytes: of the member's key, or of
	// the value when vacuum pointed at the value (or there is no key).
	if c.skipOriginal {
		c.inOriginal = &positions{}
	}
	if c.inOriginal == nil {
		c.inOriginal = indexPositions(parseYAML(c.original))
	}
	if p, ok := c.inOriginal.byPtr[ptr]; ok {
		pos := p.value
		if onKey && p.key != [2]int{} {
			pos = p.key
		}
		f.Line, f.Column = pos[0], pos[1]
	}

	key := fmt.Sprintf("%s\x00%s\x00%d\x00%d\x00%s", f.RuleID, f.Pointer, f.Line, f.Column, f.Message)
	if c.seen[key] {
		return f, false
	}
	c.seen[key] = true
	return f, true
}

func parseYAML(b []byte) *yaml.Node {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil
	}
	return &root
}

// positions indexes the nodes of a parsed document both ways.
type positions struct {
	byPos map[[2]int]nodeAt    // line:column of a key or value → what it is
	byPtr map[string]memberPos // pointer → where its key and value are
}

type nodeAt struct {
	ptr string
	key bool // the node is the member's key, not its value
}

type memberPos struct {
	key, value [2]int // key is zero for the root and array items
}

// indexPositions maps every node under root (keys and values) to the JSON
// pointer of the value it stands for, and every pointer to its positions.
func indexPositions(root *yaml.Node) *positions {
	p := &positions{byPos: map[[2]int]nodeAt{}, byPtr: map[string]memberPos{}}
	if root == nil {
		return p
	}
	var walk func(n *yaml.Node, ptr string, key *yaml.Node)
	walk = func(n *yaml.Node, ptr string, key *yaml.Node) {
		if n.Kind == yaml.DocumentNode {
			for _, c := range n.Content {
				walk(c, ptr, nil)
			}
			return
		}
		mp := memberPos{value: [2]int{n.Line, n.Column}}
		if key != nil {
			mp.key = [2]int{key.Line, key.Column}
			p.byPos[mp.key] = nodeAt{ptr: ptr, key: true}
		}
		if _, dup := p.byPos[mp.value]; !dup {
			p.byPos[mp.value] = nodeAt{ptr: ptr}
		}
		p.byPtr[ptr] = mp
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], ptr+"/"+escapePointerToken(n.Content[i].Value), n.Content[i])
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, ptr+"/"+strconv.Itoa(i), nil)
			}
		}
	}
	walk(root, "", nil)
	return p
}

// mapSeverity maps vacuum's severities: error→error, warn→warning,
// info/hint (and anything else)→info.
func mapSeverity(s string) finding.Severity {
	switch strings.ToLower(s) {
	case model.SeverityError:
		return finding.Error
	case model.SeverityWarn, "warning":
		return finding.Warning
	default:
		return finding.Info
	}
}
