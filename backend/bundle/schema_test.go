package bundle_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"integrationstudio/backend/bundle"
	"integrationstudio/backend/secrets/secretstest"
)

// The schema published for bundle writers (docs/bundle-format.md) accepts
// what Export writes.
func TestExportMatchesTheSchema(t *testing.T) {
	ctx := context.Background()
	s := newStudio(t, secretstest.RealKeyring(t))
	id := fullIntegration(t, s)
	exp, err := s.bundles.Export(ctx, id, bundle.ExportOptions{Sign: true})
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("schema/bundle.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("bundle.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	all := members(t, exp.Data)
	defs := map[string]string{"manifest.json": "manifest", "integration.json": "integration"}
	for name := range all {
		if strings.HasPrefix(name, "blueprints/") {
			defs[name] = "blueprint"
		}
	}
	if len(defs) != 3 {
		t.Fatalf("members %v: the linked blueprint is missing", defs)
	}
	for member, def := range defs {
		sch, err := c.Compile("bundle.schema.json#/$defs/" + def)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(all[member], &v); err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s does not match the schema: %v", member, err)
		}
	}
}
