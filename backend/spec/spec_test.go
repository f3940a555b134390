package spec_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/finding"
	"integrationstudio/backend/spec"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/golden")

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	importCacheMu sync.Mutex
	importCache   = map[string]*spec.Result{}
)

// importTestdata imports a testdata file once per test binary: the large
// real specs take seconds each under -race, and several tests read them.
func importTestdata(t *testing.T, file string) *spec.Result {
	t.Helper()
	importCacheMu.Lock()
	defer importCacheMu.Unlock()
	if res, ok := importCache[file]; ok {
		return res
	}
	res := mustImport(t, file, read(t, file), spec.Options{})
	importCache[file] = res
	return res
}

func mustImport(t *testing.T, name string, data []byte, opts spec.Options) *spec.Result {
	t.Helper()
	res, err := spec.Import(name, data, opts)
	if err != nil {
		t.Fatalf("Import(%s): %v", name, err)
	}
	return res
}

// Every bad input gets a clear, located message and no panic.
func TestBadInputIsRefusedWithAClearMessage(t *testing.T) {
	deepJSON := strings.Repeat("[", 10_000) + strings.Repeat("]", 10_000)
	deepSpec := `{"openapi":"3.0.3","info":{"title":"x","version":"1"},"paths":{},"x-deep":` + strings.Repeat(`{"a":`, 10_000) + "1" + strings.Repeat("}", 10_000) + "}"
	tests := []struct {
		name  string
		data  []byte
		limit int64
		want  []string
	}{
		{"empty", nil, 0, []string{"empty.json", "the file is empty"}},
		{"whitespace", []byte("  \n\t\n"), 0, []string{"is empty"}},
		{"binary", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...), 0, []string{"binary file"}},
		{"json that is not an API", []byte(`{"name": "shopping list", "items": ["milk"]}`), 0, []string{`no "openapi" or "swagger" field`, `"name"`, `"items"`}},
		{"yaml list", []byte("- a\n- b\n"), 0, []string{"line 1", "holds a list"}},
		{"scalar", []byte("just words"), 0, []string{"holds a single value"}},
		{"bad yaml", []byte("openapi: 3.0.0\ninfo:\n  title: [unclosed\n"), 0, []string{"not valid YAML", "line"}},
		{"bad json", []byte("{\n  \"openapi\": \"3.0.0\",\n  \"info\": {\n}"), 0, []string{"not valid JSON"}},
		{"unsupported openapi version", []byte("openapi: 2.5.0\ninfo: {title: x, version: '1'}\npaths: {}\n"), 0, []string{"line 1", `OpenAPI version "2.5.0" is not supported`}},
		{"unsupported swagger version", []byte(`{"swagger": "1.2"}`), 0, []string{`Swagger version "1.2" is not supported`}},
		{"deep array", []byte(deepJSON), 0, []string{"nesting is deeper than 512 levels"}},
		{"deep schema", []byte(deepSpec), 0, []string{"nesting is deeper than 512 levels", "line 1"}},
		{"over the size cap", bytes.Repeat([]byte(" "), 2<<20), 1 << 20, []string{"the file is 2.0 MB; the import limit is 1.0 MB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			limits := spec.DefaultLimits
			if tt.limit > 0 {
				limits.MaxBytes = tt.limit
			}
			name := "empty.json"
			res, err := spec.Import(name, tt.data, spec.Options{Limits: limits})
			if err == nil {
				t.Fatalf("accepted: %+v", res)
			}
			if apperr.Code(err) != apperr.Invalid {
				t.Errorf("code %s, want invalid (%v)", apperr.Code(err), err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("message %q lacks %q", err, w)
				}
			}
		})
	}
}

func TestHundredMegabyteFileIsRefusedBeforeParsing(t *testing.T) {
	data := bytes.Repeat([]byte("a"), 100<<20)
	_, err := spec.Import("huge.json", data, spec.Options{})
	if err == nil || !strings.Contains(err.Error(), "the file is 100.0 MB; the import limit is 64.0 MB") {
		t.Fatalf("err = %v", err)
	}
}

func TestYAMLAliasBombIsStopped(t *testing.T) {
	var b strings.Builder
	b.WriteString("openapi: 3.0.3\ninfo: {title: bomb, version: '1'}\npaths: {}\nx-lol:\n")
	b.WriteString("  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
		fmt.Fprintf(&b, "  %s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", n, n, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = n
	}
	_, err := spec.Import("bomb.yaml", []byte(b.String()), spec.Options{})
	if err == nil || !strings.Contains(err.Error(), "alias bomb") {
		t.Fatalf("err = %v, want the alias bomb refused", err)
	}
}

func TestDuplicateKeysAreFindingsWithBothLines(t *testing.T) {
	data := []byte("openapi: 3.0.3\ninfo:\n  title: Dup\n  version: '1'\n  title: Dup again\npaths: {}\n")
	res := mustImport(t, "dup.yaml", data, spec.Options{})
	var got *finding.Finding
	for i := range res.Findings {
		if res.Findings[i].RuleID == "duplicate-key" {
			got = &res.Findings[i]
		}
	}
	if got == nil {
		t.Fatalf("no duplicate-key finding in %+v", res.Findings)
	}
	if got.Line != 5 || !strings.Contains(got.Message, `"title"`) || !strings.Contains(got.Message, "lines 3 and 5") {
		t.Errorf("finding %+v", got)
	}
	if res.Title != "Dup again" {
		t.Errorf("title = %q, want the later value", res.Title)
	}
}

// Remote references are findings and cause zero requests; file references
// outside the folder are never read.
func TestExternalReferencesAreNeverFollowed(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Write([]byte(`{"type":"object"}`))
	}))
	defer srv.Close()

	root := t.TempDir()
	folder := filepath.Join(root, "spec")
	os.MkdirAll(folder, 0o755)
	secret := filepath.Join(root, "secret.yaml")
	os.WriteFile(secret, []byte("type: object\ndescription: TOP-SECRET-MARKER\n"), 0o600)

	doc := fmt.Sprintf(`openapi: 3.0.3
info: {title: Refs, version: '1'}
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '%s/schema.json'}
  /b:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '../secret.yaml'}
  /c:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: '/etc/passwd'}
  /d:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: {$ref: 'http://169.254.169.254/latest/meta-data'}
`, srv.URL)
	res := mustImport(t, "refs.yaml", []byte(doc), spec.Options{Refs: spec.RefPolicy{Folder: folder, AllowFileRefs: true}})
	if n := hits.Load(); n != 0 {
		t.Errorf("the importer made %d requests", n)
	}
	want := map[string]int{"remote-ref": 2, "file-ref-outside-folder": 2}
	for _, f := range res.Findings {
		want[f.RuleID]--
		if f.Line == 0 {
			t.Errorf("finding without a line: %+v", f)
		}
	}
	for id, n := range want {
		if n != 0 {
			t.Errorf("%s findings off by %d: %+v", id, n, res.Findings)
		}
	}
	if len(res.Actions) != 4 {
		t.Errorf("got %d actions, want 4 despite the bad references", len(res.Actions))
	}
	out, _ := json.Marshal(res)
	if bytes.Contains(out, []byte("TOP-SECRET-MARKER")) || bytes.Contains(res.Document, []byte("TOP-SECRET-MARKER")) {
		t.Error("a file outside the spec's folder was read")
	}
}

func TestDetectsFormatAndVersionFromContentNotName(t *testing.T) {
	tests := []struct {
		file, name string
		format     spec.Format
		version    string
		converted  bool
	}{
		{"petstorev3.json", "upload.yaml", spec.FormatJSON, "3.0.2", false},
		{"helpdesk.swagger.yaml", "api.json", spec.FormatYAML, "2.0", true},
		{"petstorev2.json", "pasted text", spec.FormatJSON, "2.0", true},
		{"asana.yaml", "asana.txt", spec.FormatYAML, "3.0.0", false},
	}
	for _, tt := range tests {
		res := mustImport(t, tt.name, read(t, tt.file), spec.Options{})
		if res.Format != tt.format || res.Version != tt.version || res.Converted != tt.converted {
			t.Errorf("%s: format %s version %s converted %v", tt.file, res.Format, res.Version, res.Converted)
		}
		var head struct {
			OpenAPI string `json:"openapi"`
		}
		if err := json.Unmarshal(res.Document, &head); err != nil || !strings.HasPrefix(head.OpenAPI, "3.") {
			t.Errorf("%s: output is not OpenAPI 3 JSON (%q, %v)", tt.file, head.OpenAPI, err)
		}
	}
}

// Swagger 2.0 → OpenAPI 3 output must validate, for every Swagger file in testdata.
func TestConvertedSwaggerValidatesAsOpenAPI3(t *testing.T) {
	files, _ := filepath.Glob("testdata/*")
	n := 0
	for _, f := range files {
		if info, err := os.Stat(f); err != nil || info.IsDir() {
			continue
		}
		res := importTestdata(t, filepath.Base(f))
		if !res.Converted {
			continue
		}
		n++
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(res.Document)
		if err != nil {
			t.Errorf("%s: converted output does not load: %v", f, err)
			continue
		}
		// Examples and defaults are the vendor's data, carried over as they are
		// (petstorev2-complete has a deliberately wrong default); the structure must be valid.
		if err := doc.Validate(context.Background(), openapi3.DisableExamplesValidation(), openapi3.DisableSchemaDefaultsValidation()); err != nil {
			t.Errorf("%s: converted output is not valid OpenAPI 3: %v", f, err)
		}
	}
	if n < 3 {
		t.Errorf("only %d Swagger files converted; testdata should hold at least 3", n)
	}
}

func TestConvertGolden(t *testing.T) {
	for _, f := range []string{"helpdesk.swagger.yaml", "petstorev2.json", "yaml-anchor.yaml"} {
		res := mustImport(t, f, read(t, f), spec.Options{})
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, res.Document, "", "  "); err != nil {
			t.Fatal(err)
		}
		pretty.WriteByte('\n')
		golden := filepath.Join("testdata", "golden", strings.TrimSuffix(f, filepath.Ext(f))+".openapi3.json")
		if *update {
			os.WriteFile(golden, pretty.Bytes(), 0o644)
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(pretty.Bytes(), want) {
			t.Errorf("%s: output differs from %s (run go test ./backend/spec -update and review the diff)", f, golden)
		}
	}
}

func TestActionsFromPetstore(t *testing.T) {
	res := mustImport(t, "petstorev3.json", read(t, "petstorev3.json"), spec.Options{})
	if res.Operations != 19 || len(res.Actions) != 19 {
		t.Fatalf("operations = %d, actions = %d; want 19", res.Operations, len(res.Actions))
	}
	var find func(method, path string) *spec.Action
	find = func(method, path string) *spec.Action {
		for i := range res.Actions {
			if res.Actions[i].Method == method && res.Actions[i].Path == path {
				return &res.Actions[i]
			}
		}
		t.Fatalf("no action %s %s", method, path)
		return nil
	}
	byStatus := find("GET", "/pet/findByStatus")
	if byStatus.Name != "Finds Pets by status" || byStatus.OperationID != "findPetsByStatus" || len(byStatus.Tags) != 1 || byStatus.Tags[0] != "pet" {
		t.Errorf("findByStatus = %+v", byStatus)
	}
	if len(byStatus.Parameters) != 1 {
		t.Fatalf("params = %+v", byStatus.Parameters)
	}
	p := byStatus.Parameters[0]
	if p.Name != "status" || p.In != "query" || p.Required || p.Default != "available" || len(p.Enum) != 3 {
		t.Errorf("status param = %+v", p)
	}
	get := find("GET", "/pet/{petId}")
	if len(get.Parameters) != 1 || !get.Parameters[0].Required || get.Parameters[0].In != "path" {
		t.Errorf("path param = %+v", get.Parameters)
	}
	if !bytes.Contains(get.ResponseSchema, []byte(`"#/components/schemas/Pet"`)) {
		t.Errorf("response schema = %s", get.ResponseSchema)
	}
	put := find("PUT", "/pet")
	if put.RequestContentType != "application/json" || len(put.RequestBody) == 0 {
		t.Errorf("request body = %q %s", put.RequestContentType, put.RequestBody)
	}
}

func TestActionNames(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: Names, version: '1'}
paths:
  /things/{id}:
    get: {summary: Fetch a thing., operationId: getThing, responses: {'200': {description: ok}}}
    put: {operationId: updateThingByID, responses: {'200': {description: ok}}}
    patch: {operationId: patch_thing-v2, responses: {'200': {description: ok}}}
    delete: {responses: {'204': {description: gone}}}
`
	res := mustImport(t, "names.yaml", []byte(doc), spec.Options{})
	want := []string{"Fetch a thing", "Update thing by ID", "Delete /things/{id}", "Patch thing v2"}
	var got []string
	for _, a := range res.Actions {
		got = append(got, a.Name)
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("names = %q, want %q", got, want)
	}
}

func TestHostSuggestion(t *testing.T) {
	tests := []struct {
		servers, host, base string
	}{
		{`[{url: 'https://api.example.com/v1/'}]`, "api.example.com", "/v1"},
		{`[{url: 'https://{region}.example.com:8443/{version}', variables: {region: {default: eu}, version: {default: v2}}}]`, "eu.example.com:8443", "/v2"},
		{`[{url: '/api'}]`, "", "/api"},
	}
	for _, tt := range tests {
		doc := "openapi: 3.0.3\ninfo: {title: H, version: '1'}\nservers: " + tt.servers + "\npaths: {}\n"
		res := mustImport(t, "host.yaml", []byte(doc), spec.Options{})
		h := res.Suggestions.Host
		if h == nil || h.Hostname != tt.host || h.BasePath != tt.base || h.Evidence == "" {
			t.Errorf("servers %s → %+v, want %s %s", tt.servers, h, tt.host, tt.base)
		}
	}
	// Swagger host + basePath arrive through the conversion.
	res := mustImport(t, "petstorev2.json", read(t, "petstorev2.json"), spec.Options{})
	if h := res.Suggestions.Host; h == nil || h.Hostname != "petstore.swagger.io" || h.BasePath != "/v2" {
		t.Errorf("swagger host = %+v", h)
	}
}

func TestAuthSuggestions(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: Auth, version: '1'}
security: [{oauth: []}]
paths: {}
components:
  securitySchemes:
    key: {type: apiKey, in: header, name: X-API-Key}
    queryKey: {type: apiKey, in: query, name: api_key}
    bearer: {type: http, scheme: bearer}
    basic: {type: http, scheme: basic}
    oauth:
      type: oauth2
      flows:
        authorizationCode: {authorizationUrl: 'https://id.example.com/authorize', tokenUrl: 'https://id.example.com/token', scopes: {read: Read, write: Write}}
        clientCredentials: {tokenUrl: 'https://id.example.com/token', scopes: {}}
`
	res := mustImport(t, "auth.yaml", []byte(doc), spec.Options{})
	var got []string
	for _, a := range res.Suggestions.Auth {
		got = append(got, fmt.Sprintf("%s/%s/%s/%s/%s", a.SchemeName, a.Method, a.GrantType, a.HeaderName, a.Preamble))
	}
	want := []string{
		"oauth/oauth2/authorization_code//", "oauth/oauth2/client_credentials//",
		"key/api_key//X-API-Key/", "bearer/api_key//Authorization/Bearer", "basic/basic///",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("auth = %q\nwant   %q", got, want)
	}
	if a := res.Suggestions.Auth[0]; a.AuthorizationURL != "https://id.example.com/authorize" || a.TokenURL != "https://id.example.com/token" || strings.Join(a.Scopes, ",") != "read,write" {
		t.Errorf("oauth details = %+v", a)
	}
}

func TestPaginationSuggestions(t *testing.T) {
	tests := []struct {
		file, method, path string
		want               spec.PaginationSuggestion
	}{
		{"asana.yaml", "GET", "/goals", spec.PaginationSuggestion{Type: "index", IndexParam: "offset", PageSizeParam: "limit", ResultsKey: "data"}},
		{"stripe.yaml", "GET", "/v1/customers", spec.PaginationSuggestion{Type: "pointer", AfterParam: "starting_after", PageSizeParam: "limit", ResultsKey: "data", PointerPath: "$.data[-1].id"}},
	}
	for _, tt := range tests {
		res := importTestdata(t, tt.file)
		var got *spec.PaginationSuggestion
		for _, a := range res.Actions {
			if a.Method == tt.method && a.Path == tt.path {
				got = a.Pagination
			}
		}
		if got == nil {
			t.Errorf("%s %s: no pagination suggestion", tt.method, tt.path)
			continue
		}
		if got.Evidence == "" {
			t.Errorf("%s %s: no evidence", tt.method, tt.path)
		}
		cmp := *got // the result is shared between tests: compare a copy
		cmp.Evidence = ""
		if cmp != tt.want {
			t.Errorf("%s %s:\n got %+v\nwant %+v", tt.method, tt.path, cmp, tt.want)
		}
	}
}

func TestPaginationStylesFromParametersAndResponses(t *testing.T) {
	doc := `openapi: 3.0.3
info: {title: Paging, version: '1'}
paths:
  /pages:
    get:
      parameters: [{name: page, in: query, schema: {type: integer}}, {name: per_page, in: query, schema: {type: integer}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
  /cursor:
    get:
      parameters: [{name: cursor, in: query, schema: {type: string}}]
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {results: {type: object, properties: {items: {type: array, items: {type: object}}}}, meta: {type: object, properties: {next_cursor: {type: string}}}}}}}}}
  /linked:
    get:
      responses: {'200': {description: ok, headers: {Link: {schema: {type: string}}}, content: {application/json: {schema: {type: array, items: {type: object}}}}}}
  /bodylink:
    get:
      responses: {'200': {description: ok, content: {application/json: {schema: {type: object, properties: {next_url: {type: string}, values: {type: array, items: {type: object}}}}}}}}
  /plain:
    get:
      responses: {'200': {description: ok}}
`
	res := mustImport(t, "paging.yaml", []byte(doc), spec.Options{})
	want := map[string]string{
		"/pages":    "page page=page size=per_page results=",
		"/cursor":   "pointer after=cursor path=$.meta.next_cursor results=results.items",
		"/linked":   "link header=link results=",
		"/bodylink": "link key=next_url results=values",
		"/plain":    "none",
	}
	for _, a := range res.Actions {
		p := a.Pagination
		got := "none"
		switch {
		case p == nil:
		case p.Type == "page":
			got = fmt.Sprintf("page page=%s size=%s results=%s", p.PageParam, p.PageSizeParam, p.ResultsKey)
		case p.Type == "pointer":
			got = fmt.Sprintf("pointer after=%s path=%s results=%s", p.AfterParam, p.PointerPath, p.ResultsKey)
		case p.Type == "link" && p.LinkLocation == "header":
			got = fmt.Sprintf("link header=%s results=%s", p.HeaderName, p.ResultsKey)
		case p.Type == "link":
			got = fmt.Sprintf("link key=%s results=%s", p.NextPageKey, p.ResultsKey)
		}
		if got != want[a.Path] {
			t.Errorf("%s: %s, want %s", a.Path, got, want[a.Path])
		}
	}
}

func TestCircularReferencesDoNotStopTheImport(t *testing.T) {
	res := mustImport(t, "circular-tests.yaml", read(t, "circular-tests.yaml"), spec.Options{})
	if len(res.Actions) == 0 {
		t.Error("circular references must not stop the import")
	}
}

func TestLargeRealSpecs(t *testing.T) {
	if testing.Short() {
		t.Skip("large specs")
	}
	for _, tt := range []struct {
		file      string
		minOps    int
		converted bool
	}{{"k8s.json", 800, true}, {"stripe.yaml", 400, false}} {
		res := importTestdata(t, tt.file)
		if res.Operations < tt.minOps || res.Converted != tt.converted {
			t.Errorf("%s: %d operations, converted %v", tt.file, res.Operations, res.Converted)
		}
	}
}

// Odd but real-world files (libopenapi's torture-test petstore) import
// without a crash: a result with findings or a clear error.
func TestUnusualFilesNeverCrash(t *testing.T) {
	files, _ := filepath.Glob("testdata/unusual/*")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		res, err := spec.Import(filepath.Base(f), data, spec.Options{})
		if err != nil {
			if apperr.Code(err) != apperr.Invalid || !strings.Contains(err.Error(), filepath.Base(f)) {
				t.Errorf("%s: unclear error %v", f, err)
			}
			continue
		}
		if len(res.Actions) == 0 {
			t.Errorf("%s: no actions", f)
		}
	}
}
