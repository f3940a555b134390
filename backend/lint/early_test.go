package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

// TestEarlyChecksChangeNothing: oas3-schema run while the model is built
// (spec.Options.Parsed = lint.EarlyChecks, as the worker imports) reports
// exactly what it reports when run by Run, on JSON (speculative model) and
// converted Swagger files, with and without problems.
func TestEarlyChecksChangeNothing(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	files = append(files, "../fix/testdata/rewst-troubleshooting.json", "../spec/testdata/petstorev2.json", "../spec/testdata/petstorev3.json")
	schemaFindings := 0
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		// The early outcome is used with the default options; with another
		// budget, or with the rule disabled, it is not, and must not disturb
		// the run (it reads the tree Run then resolves in place).
		for _, lopts := range []lint.Options{{}, {Vacuum: lint.VacuumOptions{RuleTimeout: 29 * time.Second}},
			{Vacuum: lint.VacuumOptions{Disabled: map[string]string{"oas3-schema": "test"}}}} {
			var reports [2]*lint.Report
			for i, opts := range []spec.Options{{}, {Parsed: lint.EarlyChecks}} {
				res, err := spec.Import(filepath.Base(path), data, opts)
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				if opts.Parsed != nil && (res.Model == nil || res.Model.Early == nil) {
					t.Errorf("%s: no early run kept with the model", path)
				}
				if reports[i], err = lint.Run(context.Background(), res, lopts); err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				for j := range reports[i].Rules {
					reports[i].Rules[j].Duration = 0
				}
			}
			if !reflect.DeepEqual(reports[0], reports[1]) {
				t.Errorf("%s, %+v: reports differ:\n%+v\n%+v", path, lopts, reports[0], reports[1])
			}
			for _, f := range reports[1].Findings {
				if f.RuleID == "oas3-schema" {
					schemaFindings++
				}
			}
		}
	}
	if schemaFindings == 0 {
		t.Error("no oas3-schema finding in any file: the test proves nothing")
	}
}

// TestDuplicateDescriptionLineInAJSONFile: the line named for the first
// occurrence comes from the user's bytes when the file is JSON (its node
// tree is not kept).
func TestDuplicateDescriptionLineInAJSONFile(t *testing.T) {
	doc := `{
  "openapi": "3.0.3",
  "info": {"title": "Dupes", "version": "1",
    "description": "The very same words."},
  "servers": [{"url": "https://api.example.test"}],
  "paths": {
    "/a": {
      "get": {
        "operationId": "getA",
        "description": "The very same words.",
        "responses": {"200": {"description": "ok"}}
      }
    }
  }
}`
	res, err := spec.Import("dupes.json", []byte(doc), spec.Options{})
	if err != nil {
		t.Fatal(err)
	}
	report, err := lint.Run(context.Background(), res, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Description is a duplicate of the one at `/info/description` (line 4)"
	for _, f := range report.Findings {
		if f.RuleID == "description-duplication" && f.Pointer == "/paths/~1a/get/description" {
			if f.Message != want || f.Line != 10 || f.Column != 9 {
				t.Errorf("got %q at %d:%d, want %q at 10:9", f.Message, f.Line, f.Column, want)
			}
			return
		}
	}
	t.Errorf("no description-duplication finding at /paths/~1a/get/description: %+v", report.Findings)
}
