package lint

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"integrationstudio/backend/finding"
)

// remoteRefSpec refers to base (an http URL) in several places: a response
// schema, a component schema that carries an example (so
// oas3-valid-schema-example has to compile it), a parameter and a path item.
const remoteRefSpec = `{
  "openapi": "3.0.3",
  "info": {"title": "Remote refs", "version": "1.0.0", "description": "Refers to a server."},
  "servers": [{"url": "https://api.acme.test"}],
  "paths": {
    "/things": {
      "get": {
        "operationId": "listThings",
        "description": "Lists things.",
        "parameters": [{"$ref": "BASE/params.json#/Limit"}],
        "responses": {
          "200": {
            "description": "Things.",
            "content": {"application/json": {"schema": {"$ref": "BASE/x.json"}, "example": {"a": 1}}}
          }
        }
      }
    },
    "/remote": {"$ref": "BASE/pathitem.json"}
  },
  "components": {
    "schemas": {
      "Wrapper": {
        "type": "object",
        "description": "Wraps a remote schema.",
        "properties": {"inner": {"$ref": "BASE/x.json#/Inner"}},
        "example": {"inner": {"b": 2}}
      },
      "Local": {"$ref": "other.json#/Local"}
    }
  }
}`

func TestRunVacuumNeverFetchesRemoteRefs(t *testing.T) {
	t.Parallel()
	var hits atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"type": "object", "Limit": {"name": "limit", "in": "query"}, "Inner": {"type": "string"}}`))
	}))
	defer srv.Close()

	spec := strings.ReplaceAll(remoteRefSpec, "BASE", srv.URL)
	fs, _, err := RunVacuum(context.Background(), []byte(spec), VacuumOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the test server got %d request(s); remote refs must never be fetched", n)
	}
	logFindings(t, fs)
	// The references are reported as unresolvable, where they are.
	want := map[string]bool{
		"/paths/~1things/get/parameters/0":             false,
		"/components/schemas/Wrapper/properties/inner": false,
		"/components/schemas/Local":                    false,
	}
	for _, f := range fs {
		if _, ok := want[f.Pointer]; ok && f.RuleID == "resolving-references" && f.Severity == finding.Error {
			want[f.Pointer] = true
		}
	}
	for ptr, seen := range want {
		if !seen {
			t.Errorf("no resolving-references error at %s", ptr)
		}
	}
}
