// Package fix repairs what the linter finds, on the OpenAPI 3 document
// tree, keeping key order so the result diffs cleanly against the input.
package fix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

// RuleSlim is the opt-in fixer that prunes unused components and examples.
const RuleSlim = "slim"

// Change is one edit a fixer made.
type Change struct {
	RuleID  string `json:"ruleId"`
	Pointer string `json:"pointer"` // where, in the document before the change
	Message string `json:"message"`
}

// Unfixed is a problem a fixer looked at but could not repair safely.
type Unfixed struct {
	RuleID  string `json:"ruleId"`
	Pointer string `json:"pointer"`
	Message string `json:"message"`
}

// Options choose fixers and how ambiguous ones behave.
type Options struct {
	// Rules limits the fixers to these rule ids; empty means every fixer
	// except slim, which must be asked for.
	Rules []string
	// DropUndefinedRequired removes a required name that has no property,
	// instead of the default of adding an untyped property.
	DropUndefinedRequired bool
}

// Result is the fixed document and what happened.
type Result struct {
	Document []byte    `json:"-"`
	Changes  []Change  `json:"changes"`
	Unfixed  []Unfixed `json:"unfixed"`
}

type fixer struct {
	rule string
	fn   func(*state)
}

// order matters: paths are renamed before operationIds are generated from them.
var fixers = []fixer{
	{lint.RulePathTrailingSlash, fixTrailingSlashes},
	{lint.RuleOperationIDMissing, fixMissingOperationIDs},
	{lint.RuleOperationIDDuplicate, fixDuplicateOperationIDs},
	{lint.RuleDescriptionMissing, fixMissingDescriptions},
	{lint.RuleInvalidPattern, fixInvalidPatterns},
	{lint.RuleRequiredUndefined, fixUndefinedRequired},
	{lint.RuleCircularReference, fixCircularReferences},
	{RuleSlim, slim},
}

// Rules lists the rule ids a fixer exists for.
func Rules() []string {
	out := make([]string, len(fixers))
	for i, f := range fixers {
		out[i] = f.rule
	}
	return out
}

type state struct {
	root    *yaml.Node
	opts    Options
	changes []Change
	unfixed []Unfixed
}

func (s *state) changed(rule, ptr, format string, args ...any) {
	s.changes = append(s.changes, Change{RuleID: rule, Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

func (s *state) cannot(rule, ptr, format string, args ...any) {
	s.unfixed = append(s.unfixed, Unfixed{RuleID: rule, Pointer: ptr, Message: fmt.Sprintf(format, args...)})
}

// Apply runs the chosen fixers over an OpenAPI 3 JSON document. The input
// is never modified; the caller re-lints the result.
func Apply(doc []byte, opts Options) (*Result, error) {
	wanted := map[string]bool{}
	known := map[string]bool{}
	for _, f := range fixers {
		known[f.rule] = true
	}
	for _, r := range opts.Rules {
		if !known[r] {
			return nil, apperr.Errorf(apperr.Invalid, "There is no fixer for rule %q; fixable rules are %v.", r, Rules())
		}
		wanted[r] = true
	}
	root, err := spec.ParseTree(doc)
	if err != nil {
		return nil, err
	}
	s := &state{root: root, opts: opts}
	for _, f := range fixers {
		if len(wanted) == 0 && f.rule == RuleSlim || len(wanted) > 0 && !wanted[f.rule] {
			continue
		}
		f.fn(s)
	}
	out, err := spec.RenderTree(root)
	if err != nil {
		return nil, err
	}
	sort.SliceStable(s.changes, func(i, j int) bool { return s.changes[i].Pointer < s.changes[j].Pointer })
	if s.changes == nil {
		s.changes = []Change{}
	}
	if s.unfixed == nil {
		s.unfixed = []Unfixed{}
	}
	return &Result{Document: out, Changes: s.changes, Unfixed: s.unfixed}, nil
}

// Pretty indents a compact document for display and diffs.
func Pretty(doc []byte) []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, doc, "", "  "); err != nil {
		return doc
	}
	b.WriteByte('\n')
	return b.Bytes()
}
