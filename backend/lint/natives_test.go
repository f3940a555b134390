package lint

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"integrationstudio/backend/finding"
	"integrationstudio/backend/spec"
)

// paritySpecs are the small specs the re-implemented rules are compared on,
// as OpenAPI 3 JSON (Swagger 2.0 converted by spec.Import).
var paritySpecs = []string{
	"testdata/petstore-problems.json",
	"testdata/petstore-clean.json",
	"testdata/petstore-clean-3.1.json",
	"testdata/path-rules.json",
	"testdata/doctor-rules.json",
	"testdata/schema-rules.json",
	"../spec/testdata/asana.yaml",
	"../spec/testdata/petstorev3.json",
	"../spec/testdata/helpdesk.swagger.yaml",
	"../spec/testdata/burgershop.openapi.yaml",
	"../spec/testdata/digitalocean.yaml",
}

// importFile imports a spec file as the app does (the lint_test package uses
// it as ImportFile, export_test.go).
func importFile(t *testing.T, path string) *spec.Result {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := spec.Import(path, data, spec.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// vacuumUnstable are rules whose findings vary from run to run in vacuum
// itself: operation-operationId-unique reports one of two duplicates in map
// order; oas3-missing-example skips a schema it has "seen" by hash, in the
// order doctor's goroutines listed them. They are not compared.
var vacuumUnstable = map[string]bool{"operation-operationId-unique": true, "oas3-missing-example": true}

// placedElsewhere are re-implemented rules that find the same problems as
// vacuum but place them differently on purpose: oas3-schema at the
// validator's instance location (vacuum: the doctor object on the next
// line). Their findings are compared as a set of messages.
var placedElsewhere = map[string]bool{"oas3-schema": true}

func messagesOf(fs []finding.Finding, id string) []string {
	set := map[string]bool{}
	for _, f := range fs {
		if f.RuleID == id {
			set[string(f.Severity)+" "+canonicalReason(f.Message)] = true
		}
	}
	out := make([]string, 0, len(set))
	for m := range set {
		out = append(out, m)
	}
	sort.Strings(out)
	return out
}

// metaschemaSubject is who a metaschema failure names: vacuum's
// "file:///<working dir>/schema.json#", ours "the schema at <pointer>".
var metaschemaSubject = regexp.MustCompile(`^("[^"]*schema\.json#"|the schema at \S+|this schema) is not valid against metaschema`)

func findingsOf(fs []finding.Finding, keep func(id string) bool) []string {
	var out []string
	for _, f := range fs {
		if keep(f.RuleID) {
			msg := canonicalReason(metaschemaSubject.ReplaceAllString(f.Message, "SCHEMA is not valid against metaschema"))
			out = append(out, fmt.Sprintf("%s %s %d:%d %s %s", f.RuleID, f.Severity, f.Line, f.Column, f.Pointer, msg))
		}
	}
	sort.Strings(out)
	return out
}

// TestNativeRulesMatchVacuum compares every finding of the rules
// re-implemented in natives.go with what vacuum's own functions find (on
// the doctor model), and checks that not building the doctor model loses
// nothing else (schema-build-failure comes from the schema warm-up then).
func TestNativeRulesMatchVacuum(t *testing.T) {
	t.Parallel()
	covered := map[string]int{}
	// Every rule vacuum leaves to the doctor model and we have not
	// re-implemented: disabling them lets RunVacuum skip the doctor build.
	noDoctor := map[string]string{}
	for id := range needsDoctor {
		if _, ok := nativeRules[id]; !ok {
			noDoctor[id] = "test"
		}
	}
	for _, path := range paritySpecs {
		t.Run(filepath.Base(path), func(t *testing.T) {
			var doc []byte
			if filepath.Dir(path) == "testdata" {
				doc = readSpec(t, filepath.Base(path))
			} else {
				doc = importFile(t, path).Document
			}
			ctx := context.Background()
			want, _, err := RunVacuum(ctx, doc, VacuumOptions{vacuumOnly: true})
			if err != nil {
				t.Fatal(err)
			}
			got, reps, err := RunVacuum(ctx, doc, VacuumOptions{})
			if err != nil {
				t.Fatal(err)
			}
			all := func(id string) bool { return !vacuumUnstable[id] && !placedElsewhere[id] }
			if g, w := findingsOf(got, all), findingsOf(want, all); !reflect.DeepEqual(g, w) {
				t.Errorf("findings differ from vacuum's own:\n%s", diffLines(g, w))
			}
			for id := range placedElsewhere {
				if g, w := messagesOf(got, id), messagesOf(want, id); !reflect.DeepEqual(g, w) {
					t.Errorf("%s messages differ from vacuum's own:\n%s", id, diffLines(g, w))
				}
			}
			// oas3-missing-example: what vacuum finds on parameters,
			// headers and media types does not depend on doctor's order.
			if g, w := stableMissingExamples(got), stableMissingExamples(want); !reflect.DeepEqual(g, w) {
				t.Errorf("oas3-missing-example findings differ from vacuum's own:\n%s", diffLines(g, w))
			} else {
				covered["oas3-missing-example (stable part)"] += len(w)
			}
			for _, r := range reps {
				if _, ok := nativeRules[r.RuleID]; ok && !r.Skipped && r.Reason != reimplementedReason {
					t.Errorf("report %+v: want reason %q", r, reimplementedReason)
				}
			}
			for _, f := range want {
				if _, ok := nativeRules[f.RuleID]; ok {
					covered[f.RuleID]++
				}
			}

			// Without the doctor model.
			lean, _, err := RunVacuum(ctx, doc, VacuumOptions{Disabled: noDoctor})
			if err != nil {
				t.Fatal(err)
			}
			keep := func(id string) bool {
				_, off := noDoctor[id]
				return !off && !vacuumUnstable[id] && !placedElsewhere[id]
			}
			if g, w := findingsOf(lean, keep), findingsOf(want, keep); !reflect.DeepEqual(g, w) {
				t.Errorf("without the doctor model, findings differ:\n%s", diffLines(g, w))
			}
		})
	}
	t.Cleanup(func() {
		for id := range nativeRules {
			if !vacuumUnstable[id] {
				t.Logf("%-28s %d findings compared", id, covered[id])
			}
		}
		t.Logf("%-28s %d findings compared", "oas3-missing-example (stable part)", covered["oas3-missing-example (stable part)"])
	})
}

// stableMissingExamples are the oas3-missing-example findings about
// parameters, headers and media types (and their schemas' properties), as
// a set. Vacuum reports those whatever order doctor listed things in, as
// long as no parameter has content examples (vacuum then stops looking at
// parameters); its findings on schemas depend on that order
// (natives.go, oas3MissingExample).
func stableMissingExamples(fs []finding.Finding) []string {
	set := map[string]bool{}
	for _, f := range fs {
		if f.RuleID != "oas3-missing-example" || strings.HasPrefix(f.Message, "schema ") {
			continue
		}
		set[fmt.Sprintf("%s %d:%d %s", f.Severity, f.Line, f.Column, f.Message)] = true
	}
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func diffLines(got, want []string) string {
	g, w := map[string]bool{}, map[string]bool{}
	for _, s := range got {
		g[s] = true
	}
	for _, s := range want {
		w[s] = true
	}
	var out string
	for _, s := range want {
		if !g[s] {
			out += "  missing: " + s + "\n"
		}
	}
	for _, s := range got {
		if !w[s] {
			out += "  extra:   " + s + "\n"
		}
	}
	if out == "" {
		out = fmt.Sprintf("  same set, different counts: got %d, want %d\n", len(got), len(want))
	}
	return out
}

// TestDefaultRulesNeedNoDoctor: with the rules Run disables (coveredByRewst),
// every rule left that vacuum runs on the doctor model is re-implemented
// here, so the doctor model — most of vacuum's time and memory on big
// specs — is never built by default.
func TestDefaultRulesNeedNoDoctor(t *testing.T) {
	for id := range needsDoctor {
		_, native := nativeRules[id]
		_, off := coveredByRewst[id]
		if !native && !off {
			t.Errorf("rule %s needs the doctor model and is neither re-implemented nor disabled by default", id)
		}
	}
}

// TestOAS3SchemaPlacement: a schema violation is placed at the member the
// validator names, not at the document root as vacuum does when the doctor
// object on the next line is the root.
func TestOAS3SchemaPlacement(t *testing.T) {
	fs, _, err := RunVacuum(context.Background(), readSpec(t, "path-rules.json"), VacuumOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		if f.RuleID == "oas3-schema" {
			got = append(got, fmt.Sprintf("%s %d", f.Pointer, f.Line))
		}
	}
	// components.pathItems is OpenAPI 3.1 only; the file is 3.0.3.
	if want := []string{"/components 40"}; !reflect.DeepEqual(got, want) {
		t.Errorf("oas3-schema findings at %q, want %q", got, want)
	}
}

func TestCanonicalReason(t *testing.T) {
	for in, want := range map[string]string{
		"additional properties 'name', 'data_type', 'a' not allowed": "additional properties 'a', 'data_type', 'name' not allowed",
		"schema invalid: additional properties 'b', 'a' not allowed": "schema invalid: additional properties 'a', 'b' not allowed",
		"additional properties 'only' not allowed":                   "additional properties 'only' not allowed",
		"missing properties 'b', 'a'":                                "missing properties 'b', 'a'",
	} {
		if got := canonicalReason(in); got != want {
			t.Errorf("canonicalReason(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNoAmbiguousPathsMatchesVacuum compares the trie with vacuum's
// pairwise check on paths chosen to exercise it: templates on either side,
// different template counts, "{}" (not a template), empty and trailing
// segments, a template first.
func TestNoAmbiguousPathsMatchesVacuum(t *testing.T) {
	t.Parallel()
	paths := []string{"/a/{b}", "/a/c", "/{x}/c", "/a/{b}/d", "/{}/c", "/a/c/", "/a//c", "/{a}/{b}",
		"/a/{c}", "/{x}/{y}/d", "/a/b/d", "/x/{y}", "/x/{y}/", "/{p}", "/q", "/q/{r}/s/{t}", "/q/u/s/v",
		"/a/{b}/{c}", "/{m}/{n}/d", "/q/{u}/s/{v}"}
	var b strings.Builder
	b.WriteString(`{"openapi": "3.0.3", "info": {"title": "t", "version": "1", "description": "d"}, "paths": {`)
	for i, p := range paths {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `%q: {"get": {"operationId": "op%d", "description": "d", "responses": {"200": {"description": "ok"}}}}`, p, i)
	}
	b.WriteString("}}")
	only := func(fs []finding.Finding) []string {
		return findingsOf(fs, func(id string) bool { return id == "no-ambiguous-paths" })
	}
	ctx := context.Background()
	want, _, err := RunVacuum(ctx, []byte(b.String()), VacuumOptions{vacuumOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, _, err := RunVacuum(ctx, []byte(b.String()), VacuumOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := only(got), only(want); !reflect.DeepEqual(g, w) {
		t.Errorf("no-ambiguous-paths differs from vacuum's:\n%s", diffLines(g, w))
	} else if len(w) < 5 {
		t.Errorf("only %d ambiguous pairs found; the fixture should have more", len(w))
	}
}

// TestFoldKeyIsEqualFold: two names share a foldKey exactly when
// strings.EqualFold says they are equal, as vacuum compares component names.
func TestFoldKeyIsEqualFold(t *testing.T) {
	names := []string{"", "k", "K", "\u212a", "ks", "KS", "\u212a\u017f", "s", "\u017f", "Straße", "STRASSE", "strasse", "Σίσυφος", "ΣΊΣΥΦΟΣ", "σίσυφοσ",
		"ǅ", "ǆ", "Ǆ", "\xff", "\xfe", "User", "user", "uSER", "Users", "ﬀ", "ff", "İ", "i", "ı", "I"}
	for _, a := range names {
		for _, b := range names {
			if got, want := foldKey(a) == foldKey(b), strings.EqualFold(a, b); got != want {
				t.Errorf("%q, %q: same fold key %v, EqualFold %v", a, b, got, want)
			}
		}
	}
}
