package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/cli"
	"integrationstudio/backend/datadir"
)

const helpdesk = "../spec/testdata/helpdesk.swagger.yaml"

func TestConvert(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.json")
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	code, stdout, stderr := run(t, env, "convert", helpdesk, "-o", out)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "Converted Swagger 2.0 (YAML) to OpenAPI 3.0.3") || !strings.Contains(stdout, "5 operations") {
		t.Errorf("stdout: %s", stdout)
	}
	var doc map[string]any
	b, _ := os.ReadFile(out)
	if err := json.Unmarshal(b, &doc); err != nil || doc["openapi"] != "3.0.3" {
		t.Errorf("output is not OpenAPI 3.0.3 JSON: %v %v", doc["openapi"], err)
	}
	// Standard output, and flags after the argument.
	code, stdout, _ = run(t, env, "convert", "-o", "-", helpdesk)
	if code != cli.ExitOK || !strings.HasPrefix(stdout, "{\n  \"openapi\": \"3.0.3\"") {
		t.Errorf("convert -o -: exit %d, %.60q", code, stdout)
	}
}

func TestConvertRefusesBadUsageAndNeverOverwritesTheInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "api.yaml")
	original, _ := os.ReadFile(helpdesk)
	os.WriteFile(in, original, 0o600)
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"convert", in}, "-o OUT.json is required"},
		{[]string{"convert", "-o", in, in}, "is the input file"},
		{[]string{"convert", "-o", "x.json"}, "give exactly one SPEC file"},
		{[]string{"convert", filepath.Join(dir, "missing.yaml"), "-o", "x.json"}, "missing.yaml: no such file"},
		{[]string{"convert", dir, "-o", "x.json"}, "is a folder"},
	}
	for _, tt := range tests {
		code, _, stderr := run(t, env, tt.args...)
		if code != cli.ExitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, stderr, tt.want)
		}
	}
	if now, _ := os.ReadFile(in); string(now) != string(original) {
		t.Error("the input file was modified")
	}
}

func TestImportStoresADraftWithActions(t *testing.T) {
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	code, stdout, stderr := run(t, env, "import", helpdesk, "--json")
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		ID, Name, Version string
		Converted         bool
		Operations        int
		Actions           int
		Suggestions       struct {
			Host struct{ Hostname, BasePath string }
			Auth []struct{ Method, HeaderName string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	if got.ID == "" || got.Name != "Helpdesk API" || got.Version != "2.0" || !got.Converted || got.Operations != 5 || got.Actions != 5 {
		t.Errorf("summary %+v", got)
	}
	if got.Suggestions.Host.Hostname != "api.helpdesk.example" || got.Suggestions.Host.BasePath != "/v2" || got.Suggestions.Auth[0].HeaderName != "X-Helpdesk-Key" {
		t.Errorf("suggestions %+v", got.Suggestions)
	}
	// Listed with its actions; a second import of the same spec gets a numbered name.
	code, stdout, _ = run(t, env, "import", helpdesk)
	if code != cli.ExitOK || !strings.Contains(stdout, `Imported "Helpdesk API 2"`) || !strings.Contains(stdout, "pagination:") {
		t.Errorf("second import: %d %s", code, stdout)
	}
	_, stdout, _ = run(t, env, "list")
	if !strings.Contains(stdout, "Helpdesk API 2") || strings.Count(stdout, " 5 ") < 2 {
		t.Errorf("list: %s", stdout)
	}
	// A name the user chose is never changed: a clash is an error.
	code, _, stderr = run(t, env, "import", helpdesk, "--name", "Helpdesk API")
	if code != cli.ExitFailure || !strings.Contains(stderr, "already exists") {
		t.Errorf("clash: exit %d %q", code, stderr)
	}
}

func TestImportOfABadFileStoresNothing(t *testing.T) {
	home := t.TempDir()
	env := map[string]string{datadir.EnvHome: home}
	bad := filepath.Join(t.TempDir(), "notes.json")
	os.WriteFile(bad, []byte(`{"shopping": ["milk"]}`), 0o600)
	code, _, stderr := run(t, env, "import", bad)
	if code != cli.ExitUsage || !strings.Contains(stderr, "notes.json") || !strings.Contains(stderr, "not an API description") {
		t.Errorf("exit %d %q", code, stderr)
	}
	_, stdout, _ := run(t, env, "list", "--json")
	if strings.TrimSpace(stdout) != "[]" {
		t.Errorf("something was stored: %s", stdout)
	}
}

const rewstFixture = "../fix/testdata/rewst-troubleshooting.json"

func TestLintExitsOneOnErrorsAndNamesLines(t *testing.T) {
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	code, stdout, _ := run(t, env, "lint", rewstFixture)
	if code != cli.ExitFailure {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"rewst-troubleshooting.json:25:7", "operation-id-missing",
		"rewst-troubleshooting.json:41:5", "path-trailing-slash",
		"rewst-troubleshooting.json:82:13", "circular-reference",
		"fixable",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("lint output lacks %q", want)
		}
	}
	code, stdout, _ = run(t, env, "lint", "--format", "json", rewstFixture)
	var report struct {
		Counts   struct{ Errors int }
		Findings []struct {
			RuleID string
			Line   int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil || report.Counts.Errors == 0 || code != cli.ExitFailure {
		t.Errorf("json: exit %d, %v, %+v", code, err, report.Counts)
	}
	if code, _, stderr := run(t, env, "lint", "--format", "xml", rewstFixture); code != cli.ExitUsage || !strings.Contains(stderr, "text or json") {
		t.Errorf("bad format: %d %q", code, stderr)
	}
	if code, _, _ := run(t, env, "lint", helpdesk); code != cli.ExitOK {
		t.Errorf("a clean spec exits %d", code)
	}
}

func TestFixWritesACleanSpec(t *testing.T) {
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	out := filepath.Join(t.TempDir(), "fixed.json")
	code, stdout, stderr := run(t, env, "fix", rewstFixture, "-o", out)
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "After: 0 errors") || !strings.Contains(stdout, "fixed    path-trailing-slash") {
		t.Errorf("stdout: %s", stdout)
	}
	if code, stdout, _ := run(t, env, "lint", out); code != cli.ExitOK || !strings.Contains(stdout, "0 errors") {
		t.Errorf("lint of the fixed file: exit %d\n%s", code, stdout)
	}
	// Only the rules asked for.
	code, stdout, _ = run(t, env, "fix", rewstFixture, "-o", out, "--rules", "path-trailing-slash")
	if code != cli.ExitFailure || strings.Count(stdout, "fixed ") != 1 {
		t.Errorf("--rules: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := run(t, env, "fix", rewstFixture, "-o", out, "--rules", "bogus"); code != cli.ExitUsage || !strings.Contains(stderr, `"bogus"`) {
		t.Errorf("unknown rule: %d %q", code, stderr)
	}
}

// TestAuthoringCommands: import a spec, rename its actions (dry run, then
// for real), show it, finalize it, publish it, and see Draft refused.
func TestAuthoringCommands(t *testing.T) {
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	code, stdout, stderr := run(t, env, "import", "../spec/testdata/helpdesk.swagger.yaml", "--json")
	if code != cli.ExitOK {
		t.Fatalf("import: %d %s", code, stderr)
	}
	var imported struct{ ID string }
	if err := json.Unmarshal([]byte(stdout), &imported); err != nil || imported.ID == "" {
		t.Fatalf("import --json printed %q (%v)", stdout, err)
	}
	id := imported.ID

	code, stdout, _ = run(t, env, "rename-actions", id, "--pattern", `^(\w+) (.*)$`, "--replace", "$2 ($1)", "--dry-run")
	if code != cli.ExitOK || !strings.Contains(stdout, "Would change (dry run, nothing written)") {
		t.Fatalf("dry run: %d %q", code, stdout)
	}
	code, again, _ := run(t, env, "rename-actions", id, "--pattern", `^(\w+) (.*)$`, "--replace", "$2 ($1)", "--dry-run")
	if code != cli.ExitOK || again != stdout {
		t.Errorf("a dry run changed something:\n%s\nthen\n%s", stdout, again)
	}
	code, stdout, _ = run(t, env, "rename-actions", id, "--pattern", `^(\w+) (.*)$`, "--replace", "$2 ($1)")
	if code != cli.ExitOK || !strings.Contains(stdout, "Changed ") {
		t.Fatalf("rename: %d %q", code, stdout)
	}
	code, _, stderr = run(t, env, "rename-actions", id, "--pattern", `(unclosed`, "--replace", "x")
	if code != cli.ExitUsage || !strings.Contains(stderr, "The pattern is not a valid regular expression") {
		t.Errorf("bad pattern: %d %q", code, stderr)
	}

	code, stdout, stderr = run(t, env, "edit", id, "--set", "pagination.type=pointer", "--set", "pagination.results_key=data",
		"--set", "pagination.after_param=after", "--set", "pagination.pointer_path=$.meta.next", "--set", "auth.method=api_key",
		"--set", "auth.api_key.header_name=X-Key", "--json")
	if code != cli.ExitOK || !strings.Contains(stdout, `"pointer_path": "$.meta.next"`) || !strings.Contains(stdout, `"header_name": "X-Key"`) {
		t.Fatalf("edit: %d %q %q", code, stdout, stderr)
	}
	code, _, stderr = run(t, env, "edit", id, "--set", "pagination.pointer_path=$.[")
	if code != cli.ExitUsage || !strings.Contains(stderr, `JSONPath "$.[" is not a valid RFC 9535 JSONPath`) {
		t.Errorf("edit with a bad JSONPath: %d %q", code, stderr)
	}
	code, _, stderr = run(t, env, "edit", id, "--set", "hostname=https://api.helpdesk.example")
	if code != cli.ExitUsage || !strings.Contains(stderr, `Leave out the scheme "https://"`) {
		t.Errorf("edit with a scheme: %d %q", code, stderr)
	}

	// One action, by name: rename it and give it its own pagination.
	code, stdout, stderr = run(t, env, "rename-actions", id, "--pattern", `^.*$`, "--replace", "Same name", "--dry-run", "--json")
	var planned []struct{ Before string }
	if err := json.Unmarshal([]byte(stdout), &planned); code != cli.ExitOK || err != nil || len(planned) == 0 {
		t.Fatalf("dry run --json: %d %q %v", code, stdout, err)
	}
	first := planned[0].Before
	code, stdout, stderr = run(t, env, "edit", id, "--action", strings.ToUpper(first), "--set", "name=List everything",
		"--set", "paginated=true", "--set", "pagination.type=page", "--set", "pagination.page_param=page", "--set", "pagination.results_key=items")
	if code != cli.ExitOK || !strings.Contains(stdout, `Updated action "List everything"`) || !strings.Contains(stdout, "paginated: true") {
		t.Fatalf("edit --action: %d %q %q", code, stdout, stderr)
	}
	code, _, stderr = run(t, env, "edit", id, "--action", "List everything", "--set", "path=no-slash")
	if code != cli.ExitUsage || !strings.Contains(stderr, "must start with '/'") {
		t.Errorf("edit --action with a bad path: %d %q", code, stderr)
	}
	code, _, stderr = run(t, env, "edit", id, "--action", "ghost", "--set", "name=x")
	if code != cli.ExitFailure || !strings.Contains(stderr, `No action with id or name "ghost"`) {
		t.Errorf("edit --action ghost: %d %q", code, stderr)
	}

	code, _, stderr = run(t, env, "status", id, "published")
	if code != cli.ExitFailure || !strings.Contains(stderr, "Finalize the integration before making it published") {
		t.Errorf("publishing a draft: %d %q", code, stderr)
	}
	code, stdout, stderr = run(t, env, "finalize", id)
	if code != cli.ExitOK || !strings.Contains(stdout, "hostname, auth method, pagination type are now read-only") {
		t.Fatalf("finalize: %d %q %q", code, stdout, stderr)
	}
	if code, stdout, _ = run(t, env, "status", id, "published"); code != cli.ExitOK || !strings.Contains(stdout, "is published") {
		t.Errorf("publish: %d %q", code, stdout)
	}
	code, _, stderr = run(t, env, "status", id, "draft")
	if code != cli.ExitFailure || !strings.Contains(stderr, "cannot go back to Draft") {
		t.Errorf("back to draft: %d %q", code, stderr)
	}
	code, _, stderr = run(t, env, "edit", id, "--set", "pagination.type=page")
	if code != cli.ExitFailure || !strings.Contains(stderr, "pagination type is read-only") {
		t.Errorf("pagination type after finalize: %d %q", code, stderr)
	}
	code, stdout, _ = run(t, env, "show", id)
	if code != cli.ExitOK || !strings.Contains(stdout, "Status:") || !strings.Contains(stdout, "published") || !strings.Contains(stdout, "api.helpdesk.example") {
		t.Errorf("show: %d %q", code, stdout)
	}
	if code, _, stderr = run(t, env, "show", "no-such-id"); code != cli.ExitFailure || !strings.Contains(stderr, `No integration with id "no-such-id"`) {
		t.Errorf("show unknown: %d %q", code, stderr)
	}
	if code, _, _ = run(t, env, "status", id); code != cli.ExitUsage {
		t.Errorf("status without a status: exit %d, want usage", code)
	}
}

func TestImportAcceptSuggestions(t *testing.T) {
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	code, stdout, stderr := run(t, env, "import", "../spec/testdata/helpdesk.swagger.yaml", "--accept-suggestions")
	if code != cli.ExitOK || !strings.Contains(stdout, `applied:     Auth: api_key from scheme "apiKey".`) ||
		!strings.Contains(stdout, "applied:     Pagination: index.") {
		t.Fatalf("import --accept-suggestions: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = run(t, env, "list", "--json")
	var list []struct{ ID string }
	if err := json.Unmarshal([]byte(stdout), &list); code != cli.ExitOK || err != nil || len(list) != 1 {
		t.Fatalf("list: %d %q", code, stdout)
	}
	code, stdout, _ = run(t, env, "show", list[0].ID, "--json")
	for _, want := range []string{`"authMethod": "api_key"`, `"header_name": "X-Helpdesk-Key"`, `"type": "index"`, `"index_param": "offset"`, `"page_size_param": "limit"`} {
		if code != cli.ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("show --json lacks %s:\n%s", want, stdout)
		}
	}
}
