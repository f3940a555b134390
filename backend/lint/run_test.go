package lint_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

var importFile = lint.ImportFile

func TestRunMergesAndLocatesWithoutEchoes(t *testing.T) {
	res := importFile(t, "../fix/testdata/rewst-troubleshooting.json")
	report, err := lint.Run(context.Background(), res, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := map[[2]int][]string{}
	sources := map[string]int{}
	for _, f := range report.Findings {
		if f.Line == 0 && f.Pointer != "" {
			t.Errorf("unlocated finding: %+v", f)
		}
		at[[2]int{f.Line, f.Column}] = append(at[[2]int{f.Line, f.Column}], f.RuleID)
		sources[f.Source]++
		if f.RuleID == "circular-references" || f.RuleID == "operation-operationId" {
			t.Errorf("vacuum duplicate of a Rewst rule: %+v", f)
		}
	}
	if sources["rewst"] == 0 || sources["vacuum"] == 0 {
		t.Errorf("sources = %v", sources)
	}
	// The broken pattern at 33:104 is one finding (ours, fixable), not two.
	if got := at[[2]int{33, 104}]; len(got) != 1 || got[0] != lint.RuleInvalidPattern {
		t.Errorf("findings at 33:104: %v", got)
	}
	if report.Counts.Errors == 0 || len(report.Rules) == 0 {
		t.Errorf("counts %+v, %d rule reports", report.Counts, len(report.Rules))
	}
}

func TestVacuumOverBudgetIsReportedNotDropped(t *testing.T) {
	res := importFile(t, "../spec/testdata/asana.yaml")
	report, err := lint.Run(context.Background(), res, lint.Options{VacuumBudget: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	skipped := 0
	for _, r := range report.Rules {
		if r.Skipped && strings.Contains(r.Reason, "budget") {
			skipped++
		}
	}
	if skipped != len(lint.RecommendedRuleIDs()) {
		t.Errorf("%d of %d rules reported as skipped", skipped, len(lint.RecommendedRuleIDs()))
	}
	found := false
	for _, f := range report.Findings {
		if f.RuleID == lint.SkippedRuleID && strings.Contains(f.Message, "did not run") {
			found = true
		}
	}
	if !found {
		t.Error("no info finding says vacuum was skipped")
	}
}

// TestDuplicateDescriptionNamesTheFirstInTheUsersFile: vacuum's message names
// lines of the JSON it parsed; ours names the first occurrence by pointer and
// by its line in the file the user gave.
func TestDuplicateDescriptionNamesTheFirstInTheUsersFile(t *testing.T) {
	yamlSpec := `openapi: 3.0.3
info:
  title: Dupes
  version: "1"
  description: The very same words.
servers:
  - url: https://api.example.test
paths:
  /a:
    get:
      operationId: getA
      description: The very same words.
      responses:
        "200":
          description: ok
`
	res, err := spec.Import("dupes.yaml", []byte(yamlSpec), spec.Options{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := lint.Run(context.Background(), res, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Description is a duplicate of the one at `/info/description` (line 5)"
	for _, f := range report.Findings {
		if f.RuleID == "description-duplication" && f.Pointer == "/paths/~1a/get/description" {
			if f.Message != want || f.Line != 12 {
				t.Errorf("got %q at line %d, want %q at line 12", f.Message, f.Line, want)
			}
			return
		}
	}
	t.Errorf("no description-duplication finding at /paths/~1a/get/description: %+v", report.Findings)
}
