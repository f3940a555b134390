package lint

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"integrationstudio/backend/finding"
	"integrationstudio/backend/spec"
)

// coveredByRewst are vacuum rules our Rewst rules replace, with the reason:
// same check, but ours point at the exact node and come with a fixer, and
// one finding per problem is clearer than two.
var coveredByRewst = map[string]string{
	"operation-operationId":        "covered by " + RuleOperationIDMissing + ", which has a fixer",
	"operation-operationId-unique": "covered by " + RuleOperationIDDuplicate + ", which has a fixer",
	"path-keys-no-trailing-slash":  "covered by " + RulePathTrailingSlash + ", which has a fixer",
	"operation-description":        "covered by " + RuleDescriptionMissing + ", which has a fixer",
	"info-description":             "covered by " + RuleDescriptionMissing + ", which has a fixer",
	"oas3-api-servers":             "covered by " + RuleNoServers,
}

// DefaultVacuumBudget bounds all of vacuum's work on one spec: on very large
// specs its document model alone can take minutes (docs/benchmarks.md).
const DefaultVacuumBudget = 60 * time.Second

// Options tune Run.
type Options struct {
	Vacuum VacuumOptions
	// VacuumBudget bounds vacuum as a whole (default DefaultVacuumBudget).
	// When it runs out, every rule is reported as skipped — never silently.
	VacuumBudget time.Duration
	// SkipVacuum runs only the import and Rewst checks (fast re-lint after a fix preview).
	SkipVacuum bool
}

// Report is everything the linter found, located in the user's file.
type Report struct {
	Findings []finding.Finding `json:"findings"`
	Counts   finding.Counts    `json:"counts"`
	Rules    []RuleReport      `json:"rules"`
}

// Run lints an imported spec: the importer's findings, the Rewst checks and
// vacuum's recommended rules, each finding with a line and column in the
// file the user gave (for converted Swagger, in the original where the
// element exists there). It reuses res.Model and resolves its references
// in place (VacuumOptions.Prebuilt): the caller must be done with the model.
func Run(ctx context.Context, res *spec.Result, opts Options) (*Report, error) {
	tree, err := res.Tree()
	if err != nil {
		return nil, err
	}
	findings := append([]finding.Finding{}, res.Findings...)
	findings = append(findings, CheckRewst(tree)...)
	var rules []RuleReport
	if !opts.SkipVacuum {
		vopts := opts.Vacuum
		disabled := map[string]string{}
		for id, why := range coveredByRewst {
			disabled[id] = why
		}
		for id, why := range vopts.Disabled {
			disabled[id] = why
		}
		vopts.Disabled = disabled
		vopts.Prebuilt = res.Model
		vopts.locatedByCaller = true
		budget := opts.VacuumBudget
		if budget <= 0 {
			budget = DefaultVacuumBudget
		}
		vctx, cancel := context.WithTimeout(ctx, budget)
		vf, reports, err := RunVacuum(vctx, res.Document, vopts)
		cancel()
		switch {
		case err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded):
			reason := fmt.Sprintf("the vacuum rules as a whole exceeded their %s budget on this spec", budget)
			for _, id := range RecommendedRuleIDs() {
				rules = append(rules, RuleReport{RuleID: id, Skipped: true, Reason: reason})
			}
			findings = append(findings, finding.Finding{RuleID: SkippedRuleID, Severity: finding.Info, Source: Source,
				Message: fmt.Sprintf("vacuum's recommended rules did not run: %s. The Rewst checks ran in full.", reason)})
		case err != nil:
			return nil, err
		default:
			findings = append(findings, vf...)
			rules = reports
		}
	}
	// Positions from the importer are already in the user's file; the
	// others were computed on the compact OpenAPI 3 JSON. All are looked up
	// at once (one pass over a JSON file), with the first occurrences that
	// description-duplication messages name.
	var pointers []string
	firsts := map[int]int{} // finding → index of its first occurrence in pointers
	for i := range findings {
		f := &findings[i]
		if f.Source != "import" || f.Line == 0 {
			pointers = append(pointers, f.Pointer)
		}
		if f.RuleID == "description-duplication" {
			if ptr, ok := duplicateOf(f.Message); ok {
				firsts[i] = len(pointers)
				pointers = append(pointers, ptr)
			}
		}
	}
	at := res.LocateAll(pointers)
	next := 0
	for i := range findings {
		f := &findings[i]
		if f.Source != "import" || f.Line == 0 {
			f.Line, f.Column = at[next][0], at[next][1]
			next++
		}
		if j, ok := firsts[i]; ok {
			if line := at[j][0]; line > 0 {
				f.Message = fmt.Sprintf("%s (line %d)", f.Message, line)
			}
			next++
		}
	}
	findings = dropEchoes(findings)
	finding.Sort(findings)
	if rules == nil {
		rules = []RuleReport{}
	}
	return &Report{Findings: findings, Counts: finding.Count(findings), Rules: rules}, nil
}

// dropEchoes removes a vacuum finding at the very position of one of our
// fixable findings (vacuum's generic schema check reports the same broken
// pattern or undefined required name): one problem, one finding, the one
// that can be fixed.
func dropEchoes(fs []finding.Finding) []finding.Finding {
	ours := map[[2]int]bool{}
	for _, f := range fs {
		if f.Fixable && f.Line > 0 {
			ours[[2]int{f.Line, f.Column}] = true
		}
	}
	out := fs[:0]
	for _, f := range fs {
		if f.Source == Source && ours[[2]int{f.Line, f.Column}] {
			continue
		}
		// vacuum's document build reports cycles too; ours name the closing
		// edge and come with a fixer.
		if f.Source == Source && f.RuleID == "circular-references" {
			continue
		}
		out = append(out, f)
	}
	return out
}

// duplicateOf is the pointer of the first occurrence a
// description-duplication message names; Run adds its line in the user's
// file to the message.
func duplicateOf(msg string) (string, bool) {
	_, rest, ok := strings.Cut(msg, DuplicateOfPrefix+"`")
	if !ok {
		return "", false
	}
	ptr, _, ok := strings.Cut(rest, "`")
	return ptr, ok
}
