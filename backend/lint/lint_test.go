package lint

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"integrationstudio/backend/finding"
)

func readSpec(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func logFindings(t *testing.T, fs []finding.Finding) {
	t.Helper()
	for _, f := range fs {
		t.Logf("%-7s %-32s %3d:%-3d %-40s %s", f.Severity, f.RuleID, f.Line, f.Column, f.Pointer, f.Message)
	}
}

func reportOf(t *testing.T, reps []RuleReport, id string) RuleReport {
	t.Helper()
	for _, r := range reps {
		if r.RuleID == id {
			return r
		}
	}
	t.Fatalf("no RuleReport for %s", id)
	return RuleReport{}
}

// skippedFindingFor returns the lint-rule-skipped finding naming rule id.
func skippedFindingFor(fs []finding.Finding, id string) (finding.Finding, bool) {
	for _, f := range fs {
		if f.RuleID == SkippedRuleID && strings.Contains(f.Message, `"`+id+`"`) {
			return f, true
		}
	}
	return finding.Finding{}, false
}

func TestRunVacuumFindsDeliberateProblems(t *testing.T) {
	t.Parallel()
	fs, reps, err := RunVacuum(context.Background(), readSpec(t, "petstore-problems.json"), VacuumOptions{})
	if err != nil {
		t.Fatal(err)
	}
	logFindings(t, fs)

	type place struct {
		pointer string
		line    int
	}
	tests := []struct {
		rule     string
		severity finding.Severity
		pointer  string
		line     int
		or       *place // another acceptable place
	}{
		// GET /pets has no operationId (line 21 is its "get" key)
		{"operation-operationId", finding.Error, "/paths/~1pets/get", 21, nil},
		// GET /owners/ and GET /pets/{petId} share operationId getPet; vacuum
		// reports one of the two, which one depends on Go's map order.
		{"operation-operationId-unique", finding.Error, "/paths/~1owners~1/get", 88,
			&place{"/paths/~1pets~1{petId}/get", 51}},
		// GET /pets/{petId} has no description
		{"operation-description", finding.Warning, "/paths/~1pets~1{petId}/get", 51, nil},
		// "/owners/" ends with a slash
		{"path-keys-no-trailing-slash", finding.Warning, "/paths/~1owners~1", 87, nil},
		// components.schemas.Unused is never referenced
		{"oas3-unused-component", finding.Warning, "/components/schemas/Unused", 123, nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			var got []finding.Finding
			for _, f := range fs {
				if f.RuleID == tt.rule {
					got = append(got, f)
				}
			}
			if len(got) != 1 {
				t.Fatalf("want exactly 1 %s finding, got %d: %+v", tt.rule, len(got), got)
			}
			f := got[0]
			at := place{f.Pointer, f.Line}
			if (at != place{tt.pointer, tt.line} && (tt.or == nil || at != *tt.or)) || f.Severity != tt.severity {
				t.Errorf("got %s at %q line %d, want %s at %q line %d", f.Severity, f.Pointer, f.Line, tt.severity, tt.pointer, tt.line)
			}
			if f.Column < 1 || f.Source != Source || f.Fixable || f.Message == "" {
				t.Errorf("bad finding %+v", f)
			}
			if r := reportOf(t, reps, tt.rule); r.Skipped || r.Findings != 1 {
				t.Errorf("report %+v, want ran with 1 finding", r)
			}
		})
	}

	sorted := slices.Clone(fs)
	finding.Sort(sorted)
	if !reflect.DeepEqual(sorted, fs) {
		t.Error("findings are not sorted with finding.Sort")
	}
	if len(reps) != len(RecommendedRuleIDs()) {
		t.Errorf("%d reports for %d rules", len(reps), len(RecommendedRuleIDs()))
	}
	for _, r := range reps {
		// 3.0 document: only the 3.1-only rule is skipped, as not applicable, without a finding.
		if r.RuleID == "oas3-no-$ref-siblings" {
			if !r.Skipped || !strings.HasPrefix(r.Reason, "not applicable") {
				t.Errorf("%+v: want skipped as not applicable", r)
			}
			if _, ok := skippedFindingFor(fs, r.RuleID); ok {
				t.Errorf("not-applicable rule %s must not produce a %s finding", r.RuleID, SkippedRuleID)
			}
		} else if r.Skipped {
			t.Errorf("rule unexpectedly skipped: %+v", r)
		}
	}
}

func TestRunVacuumCleanSpec(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"petstore-clean.json", "petstore-clean-3.1.json"} {
		t.Run(name, func(t *testing.T) {
			fs, reps, err := RunVacuum(context.Background(), readSpec(t, name), VacuumOptions{})
			if err != nil {
				t.Fatal(err)
			}
			logFindings(t, fs)
			if c := finding.Count(fs); c.Errors != 0 {
				t.Errorf("clean spec has %d error findings", c.Errors)
			}
			for _, f := range fs {
				if f.RuleID == SkippedRuleID {
					t.Errorf("unexpected %+v", f)
				}
			}
			for _, r := range reps {
				if r.Skipped && !strings.HasPrefix(r.Reason, "not applicable") {
					t.Errorf("rule skipped: %+v", r)
				}
			}
		})
	}
}

func TestRunVacuumSkippedRulesAreReported(t *testing.T) {
	t.Parallel()
	spec := readSpec(t, "petstore-problems.json")
	tests := []struct {
		name       string
		opts       VacuumOptions
		skipped    []string // rules that must be reported skipped, with an info finding
		reason     string   // prefix of their Reason
		notSkipped []string // rules that must have completed
		absent     []string // rules whose findings must be missing
	}{
		{
			name:    "every rule over a 1ns budget",
			opts:    VacuumOptions{RuleTimeout: time.Nanosecond},
			skipped: RecommendedRuleIDsFor("oas3"),
			reason:  "exceeded the 1ns budget",
			absent:  []string{"operation-operationId", "oas3-unused-component"},
		},
		{
			name: "one rule still running when its budget runs out",
			opts: VacuumOptions{RuleTimeout: 300 * time.Millisecond, beforeRule: func(id string) {
				if id == "operation-operationId" {
					time.Sleep(3 * time.Second)
				}
			}},
			skipped:    []string{"operation-operationId"},
			reason:     "exceeded the 300ms budget",
			notSkipped: []string{"operation-operationId-unique", "oas3-unused-component"},
			absent:     []string{"operation-operationId"},
		},
		{
			name: "a rule that panics",
			opts: VacuumOptions{beforeRule: func(id string) {
				if id == "path-keys-no-trailing-slash" {
					panic("boom")
				}
			}},
			skipped:    []string{"path-keys-no-trailing-slash"},
			reason:     "panicked: boom",
			notSkipped: []string{"operation-operationId"},
			absent:     []string{"path-keys-no-trailing-slash"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fs, reps, err := RunVacuum(context.Background(), spec, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(reps) != len(RecommendedRuleIDs()) {
				t.Errorf("%d reports for %d rules: a rule went missing", len(reps), len(RecommendedRuleIDs()))
			}
			for _, id := range tt.skipped {
				r := reportOf(t, reps, id)
				if !r.Skipped || !strings.HasPrefix(r.Reason, tt.reason) {
					t.Errorf("report %+v, want skipped with reason %q", r, tt.reason)
				}
				f, ok := skippedFindingFor(fs, id)
				if !ok {
					t.Errorf("no %s finding for %s", SkippedRuleID, id)
					continue
				}
				if f.Severity != finding.Info || !strings.Contains(f.Message, tt.reason) || f.Source != Source {
					t.Errorf("bad skipped finding %+v", f)
				}
			}
			for _, id := range tt.notSkipped {
				if r := reportOf(t, reps, id); r.Skipped || r.Findings == 0 {
					t.Errorf("report %+v, want completed with findings", r)
				}
			}
			for _, f := range fs {
				if slices.Contains(tt.absent, f.RuleID) {
					t.Errorf("finding of a skipped rule kept: %+v", f)
				}
			}
		})
	}
}

// RecommendedRuleIDsFor lists the recommended rules vacuum runs on documents
// of the given format.
func RecommendedRuleIDsFor(format string) []string {
	var ids []string
	rules := recommendedRules()
	for _, id := range RecommendedRuleIDs() {
		if appliesTo(rules[id], format) {
			ids = append(ids, id)
		}
	}
	return ids
}

func TestRunVacuumDisabledRules(t *testing.T) {
	t.Parallel()
	fs, reps, err := RunVacuum(context.Background(), readSpec(t, "petstore-problems.json"), VacuumOptions{
		Disabled: map[string]string{
			"operation-operationId": "re-implemented in backend/rewst",
			"no-such-rule":          "ignored",
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	r := reportOf(t, reps, "operation-operationId")
	if !r.Skipped || r.Reason != "disabled: re-implemented in backend/rewst" || r.Findings != 0 {
		t.Errorf("report %+v", r)
	}
	for _, f := range fs {
		if f.RuleID == "operation-operationId" || f.RuleID == SkippedRuleID {
			t.Errorf("unexpected finding %+v", f)
		}
	}
	if r := reportOf(t, reps, "operation-operationId-unique"); r.Skipped || r.Findings != 1 {
		t.Errorf("report %+v", r)
	}
}

func TestRunVacuumHonoursContext(t *testing.T) {
	t.Parallel()
	spec := readSpec(t, "petstore-problems.json")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := RunVacuum(ctx, spec, VacuumOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("pre-cancelled: err = %v", err)
	}

	// Cancelled while a rule is running (and would run for a long time).
	ctx, cancel = context.WithCancel(context.Background())
	defer cancel()
	start := time.Now()
	_, _, err := RunVacuum(ctx, spec, VacuumOptions{beforeRule: func(id string) {
		if id == "oas3-schema" {
			cancel()
			time.Sleep(5 * time.Second)
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled mid-run: err = %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("RunVacuum took %s to notice cancellation", d)
	}
}

func TestRunVacuumRejectsNonOpenAPI3(t *testing.T) {
	t.Parallel()
	for _, spec := range []string{`not json`, `{"swagger": "2.0", "info": {}}`, `[1, 2]`, `{"openapi": 3}`} {
		if _, _, err := RunVacuum(context.Background(), []byte(spec), VacuumOptions{}); err == nil {
			t.Errorf("RunVacuum(%s): no error", spec)
		}
	}
}

// stable drops the one finding whose place vacuum picks at random (see
// TestRunVacuumFindsDeliberateProblems).
func stable(fs []finding.Finding) []finding.Finding {
	return slices.DeleteFunc(slices.Clone(fs), func(f finding.Finding) bool {
		return f.RuleID == "operation-operationId-unique"
	})
}

func TestRunVacuumConcurrent(t *testing.T) {
	t.Parallel()
	specs := [][]byte{readSpec(t, "petstore-problems.json"), readSpec(t, "petstore-clean-3.1.json")}
	want := make([][]finding.Finding, len(specs))
	for i, s := range specs {
		fs, _, err := RunVacuum(context.Background(), s, VacuumOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want[i] = stable(fs)
	}
	var wg sync.WaitGroup
	for n := 0; n < 6; n++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			fs, _, err := RunVacuum(context.Background(), specs[i], VacuumOptions{})
			if err != nil {
				t.Error(err)
				return
			}
			if !reflect.DeepEqual(stable(fs), want[i]) {
				t.Errorf("concurrent run of spec %d differs from a lone run", i)
			}
		}(n % len(specs))
	}
	wg.Wait()
}

func TestRecommendedRuleIDs(t *testing.T) {
	t.Parallel()
	ids := RecommendedRuleIDs()
	if !slices.IsSorted(ids) {
		t.Error("not sorted")
	}
	for _, want := range []string{"operation-operationId", "operation-operationId-unique", "operation-description",
		"oas3-unused-component", "path-keys-no-trailing-slash", "oas3-schema", "info-description"} {
		if !slices.Contains(ids, want) {
			t.Errorf("missing %s", want)
		}
	}
	for _, id := range ids {
		if strings.HasPrefix(id, "oas2-") {
			t.Errorf("OpenAPI 2 rule %s listed", id)
		}
	}
}

// Vacuum works on an indented copy; positions must still be those of the
// bytes given, here all on line 1.
func TestRunVacuumCompactJSON(t *testing.T) {
	t.Parallel()
	pretty := readSpec(t, "petstore-problems.json")
	var buf bytes.Buffer
	if err := json.Compact(&buf, pretty); err != nil {
		t.Fatal(err)
	}
	compact := buf.Bytes()
	fp, _, err := RunVacuum(context.Background(), pretty, VacuumOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fc, _, err := RunVacuum(context.Background(), compact, VacuumOptions{})
	if err != nil {
		t.Fatal(err)
	}
	logFindings(t, fc)
	places := func(fs []finding.Finding) []string {
		var out []string
		for _, f := range stable(fs) {
			out = append(out, f.RuleID+" "+f.Pointer)
		}
		slices.Sort(out)
		return out
	}
	if got, want := places(fc), places(fp); !reflect.DeepEqual(got, want) {
		t.Errorf("compact JSON: %v\nindented JSON: %v", got, want)
	}
	for _, f := range fc {
		if f.Line != 1 || f.Column < 1 || f.Column > len(compact) {
			t.Errorf("%s at %d:%d, want line 1", f.RuleID, f.Line, f.Column)
			continue
		}
		at := string(compact[f.Column-1:])
		last := f.Pointer[strings.LastIndex(f.Pointer, "/")+1:]
		last = strings.ReplaceAll(strings.ReplaceAll(last, "~1", "/"), "~0", "~")
		if !strings.HasPrefix(at, `"`+last+`"`) && !strings.HasPrefix(at, "{") && !strings.HasPrefix(at, "[") {
			t.Errorf("%s %s: column %d points at %.30q", f.RuleID, f.Pointer, f.Column, at)
		}
	}
}
