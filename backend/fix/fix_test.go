package fix_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/finding"
	"integrationstudio/backend/fix"
	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

var update = flag.Bool("update", false, "rewrite golden files")

// rewstFindings imports doc and returns the Rewst-rule findings, located.
func rewstFindings(t *testing.T, name string, doc []byte) []finding.Finding {
	t.Helper()
	res, err := spec.Import(name, doc, spec.Options{})
	if err != nil {
		t.Fatalf("import %s: %v", name, err)
	}
	tree, err := res.Tree()
	if err != nil {
		t.Fatal(err)
	}
	fs := lint.CheckRewst(tree)
	for i := range fs {
		fs[i].Line, fs[i].Column = res.Locate(fs[i].Pointer)
	}
	return append(fs, res.Findings...)
}

func fixture(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/rewst-troubleshooting.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every Rewst troubleshooting problem is reported, with its line.
func TestLintReportsEachRewstProblem(t *testing.T) {
	want := map[string]int{ // rule → line in the fixture
		lint.RuleOperationIDMissing:   25,
		lint.RuleOperationIDDuplicate: 37,
		lint.RulePathTrailingSlash:    41,
		lint.RuleCircularReference:    82,
		lint.RuleRequiredUndefined:    66,
		lint.RuleDescriptionMissing:   3,
	}
	got := map[string]bool{}
	patterns := 0
	for _, f := range rewstFindings(t, "rewst.json", fixture(t)) {
		if f.RuleID == lint.RuleInvalidPattern {
			patterns++
			continue
		}
		if line, ok := want[f.RuleID]; ok && f.Line == line {
			got[f.RuleID] = true
		}
		if !f.Fixable && f.Severity == finding.Error {
			t.Errorf("unfixable error: %+v", f)
		}
	}
	for rule, line := range want {
		if !got[rule] {
			t.Errorf("no %s finding at line %d", rule, line)
		}
	}
	if patterns != 2 {
		t.Errorf("%d invalid-pattern findings, want 2", patterns)
	}
}

// Fixing everything fixable leaves no error, the result is valid OpenAPI 3
// for libopenapi, and the original bytes are untouched.
func TestFixAllRemovesEveryRewstProblem(t *testing.T) {
	in := fixture(t)
	before := append([]byte(nil), in...)
	res0, err := spec.Import("rewst.json", in, spec.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := fix.Apply(res0.Document, fix.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(in, before) {
		t.Fatal("Apply modified its input")
	}
	if len(out.Unfixed) != 0 {
		t.Errorf("unfixed: %+v", out.Unfixed)
	}
	rules := map[string]int{}
	for _, c := range out.Changes {
		rules[c.RuleID]++
	}
	for _, r := range []string{lint.RuleOperationIDMissing, lint.RuleOperationIDDuplicate, lint.RulePathTrailingSlash,
		lint.RuleCircularReference, lint.RuleInvalidPattern, lint.RuleRequiredUndefined, lint.RuleDescriptionMissing} {
		if rules[r] == 0 {
			t.Errorf("no change for %s", r)
		}
	}
	for _, f := range rewstFindings(t, "fixed.json", out.Document) {
		if f.Severity == finding.Error || f.Fixable {
			t.Errorf("after fix: %+v", f)
		}
	}
	pretty := fix.Pretty(out.Document)
	golden := filepath.Join("testdata", "golden", "rewst-troubleshooting.fixed.json")
	if *update {
		os.WriteFile(golden, pretty, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test ./backend/fix -update creates it)", err)
	}
	if !bytes.Equal(pretty, want) {
		t.Errorf("fixed output differs from %s (rerun with -update and review the diff)", golden)
	}
	// Repairs keep intent where they can: the reversed range is swapped, the unterminated set dropped.
	if !bytes.Contains(out.Document, []byte(`"pattern":"^[a-z0-9]+$"`)) {
		t.Error("the reversed range was not repaired")
	}
	if bytes.Contains(out.Document, []byte(`[\\w\\-!#`)) {
		t.Error("the unrepairable pattern survived")
	}
}

func TestOperationIDsAreCamelCaseAndUnique(t *testing.T) {
	doc := []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
		"/users/{user_id}/posts":{"get":{"responses":{}}},
		"/users":{"get":{"operationId":"getUsersUserIdPosts","responses":{}},"post":{"operationId":"x","responses":{}},"put":{"operationId":"x","responses":{}},"patch":{"operationId":"x","responses":{}}}}}`)
	out, err := fix.Apply(doc, fix.Options{Rules: []string{lint.RuleOperationIDMissing, lint.RuleOperationIDDuplicate}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"operationId":"getUsersUserIdPosts2"`, `"operationId":"x2"`, `"operationId":"x3"`} {
		if !bytes.Contains(out.Document, []byte(want)) {
			t.Errorf("missing %s in %s", want, out.Document)
		}
	}
}

func TestTrailingSlashMergeAndClash(t *testing.T) {
	doc := []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{
		"/a":{"get":{"operationId":"a","responses":{}}},
		"/a/":{"post":{"operationId":"b","responses":{}}},
		"/c":{"get":{"operationId":"c","responses":{}}},
		"/c/":{"get":{"operationId":"d","responses":{}}}}}`)
	out, err := fix.Apply(doc, fix.Options{Rules: []string{lint.RulePathTrailingSlash}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Document, []byte(`"/a":{"get":{"operationId":"a","responses":{}},"post":{"operationId":"b","responses":{}}}`)) {
		t.Errorf("not merged: %s", out.Document)
	}
	if len(out.Unfixed) != 1 || !strings.Contains(out.Unfixed[0].Message, "define GET") {
		t.Errorf("clash not reported: %+v", out.Unfixed)
	}
	if !bytes.Contains(out.Document, []byte(`"/c/"`)) {
		t.Error("the clashing path was changed")
	}
}

func TestRequiredCanBeDropped(t *testing.T) {
	doc := []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{},"components":{"schemas":{"S":{"type":"object","required":["a","ghost"],"properties":{"a":{"type":"string"}}}}}}`)
	out, err := fix.Apply(doc, fix.Options{Rules: []string{lint.RuleRequiredUndefined}, DropUndefinedRequired: true})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out.Document, []byte(`"required":["a"]`)) || bytes.Contains(out.Document, []byte("ghost")) {
		t.Errorf("got %s", out.Document)
	}
}

func TestSlimPrunesUnusedComponentsAndExamples(t *testing.T) {
	doc := []byte(`{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/p":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"example":{"a":1},"schema":{"$ref":"#/components/schemas/Used"}}}}}}}},
		"components":{"schemas":{"Used":{"type":"object","properties":{"example":{"type":"string"},"child":{"$ref":"#/components/schemas/Child"}}},"Child":{"type":"string","example":"x"},"Unused":{"type":"string"}},
		"securitySchemes":{"k":{"type":"apiKey","in":"header","name":"K"}}}}`)
	out, err := fix.Apply(doc, fix.Options{Rules: []string{fix.RuleSlim}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(out.Document)
	if strings.Contains(s, "Unused") || strings.Contains(s, `"example":{"a":1}`) || strings.Contains(s, `"example":"x"`) {
		t.Errorf("not slimmed: %s", s)
	}
	for _, kept := range []string{`"Used"`, `"Child"`, `"example":{"type":"string"}`, `"securitySchemes"`} {
		if !strings.Contains(s, kept) {
			t.Errorf("lost %s: %s", kept, s)
		}
	}
	// Slim is opt-in: "all" does not prune.
	all, _ := fix.Apply(doc, fix.Options{})
	if !strings.Contains(string(all.Document), "Unused") {
		t.Error("slim ran without being asked")
	}
}

func TestUnknownRuleIsRefused(t *testing.T) {
	if _, err := fix.Apply([]byte(`{"openapi":"3.0.3"}`), fix.Options{Rules: []string{"no-such-rule"}}); err == nil || !strings.Contains(err.Error(), `"no-such-rule"`) {
		t.Errorf("err = %v", err)
	}
}

// The same problems in a Swagger 2.0 YAML file: found at lines of the YAML,
// and all fixed after conversion.
func TestSwaggerYAMLProblemsAreLocatedAndFixed(t *testing.T) {
	data, err := os.ReadFile("testdata/rewst-troubleshooting.swagger.yaml")
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]int{}
	for _, f := range rewstFindings(t, "legacy.yaml", data) {
		if f.Severity == finding.Error {
			lines[f.RuleID] = f.Line
		}
	}
	want := map[string]int{lint.RulePathTrailingSlash: 14, lint.RuleOperationIDMissing: 15, lint.RuleInvalidPattern: 32,
		lint.RuleOperationIDDuplicate: 40, lint.RuleRequiredUndefined: 48, lint.RuleCircularReference: 53}
	for rule, line := range want {
		if lines[rule] != line {
			t.Errorf("%s at line %d, want %d", rule, lines[rule], line)
		}
	}
	res, _ := spec.Import("legacy.yaml", data, spec.Options{})
	out, err := fix.Apply(res.Document, fix.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rewstFindings(t, "fixed.json", out.Document) {
		if f.Severity == finding.Error {
			t.Errorf("after fix: %+v", f)
		}
	}
}
