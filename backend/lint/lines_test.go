package lint

import (
	"testing"

	"integrationstudio/backend/spec"
)

// TestLineIndexAgreesWithPositions: on the one-member-per-line form the
// linter parses, the line index finds exactly what the full index finds.
func TestLineIndexAgreesWithPositions(t *testing.T) {
	for _, name := range []string{"petstore-problems.json", "schema-rules.json", "path-rules.json"} {
		t.Run(name, func(t *testing.T) {
			indented, err := spec.IndentJSON(readSpec(t, name))
			if err != nil {
				t.Fatal(err)
			}
			root := parseYAML(indented)
			li, ok := indexLines(root)
			if !ok {
				t.Fatal("indented JSON not indexed by line")
			}
			full := indexPositions(root)
			for pos, want := range full.byPos {
				got, ok := li.find(pos[0], pos[1])
				if !ok || got != want {
					t.Errorf("find(%d, %d) = %+v, %v; want %+v", pos[0], pos[1], got, ok, want)
				}
			}
			if _, ok := li.find(2, 999); ok {
				t.Error("a column with no node was found")
			}
		})
	}
	// Compact JSON has every member on line 1: not indexed by line.
	if _, ok := indexLines(parseYAML([]byte(`{"a": {"b": [1, 2]}}`))); ok {
		t.Error("compact JSON indexed by line")
	}
	if f := findNodes(parseYAML([]byte(`{"a": {"b": [1, 2]}}`))); f == nil {
		t.Error("no finder for compact JSON")
	} else if at, ok := f.find(1, 7); !ok || at.ptr != "/a" {
		t.Errorf("compact find(1, 7) = %+v, %v; want /a", at, ok)
	}
}
