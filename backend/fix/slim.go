package fix

import (
	"strings"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/lint"

	"integrationstudio/backend/spec"
)

// Component kinds slim may prune. Security schemes are referenced by name,
// not by $ref, and are never pruned.
var prunable = []string{"schemas", "parameters", "responses", "requestBodies", "headers", "examples", "links", "callbacks"}

// slim prunes components nothing reaches and drops examples, which make up
// much of very large vendor specs and play no part in calls.
func slim(s *state) {
	components := spec.Child(s.root, "components")
	reached := map[string]bool{} // "#/components/schemas/X"
	var queue []*yaml.Node
	collect := func(n *yaml.Node) {
		lint.ForEachMapping(n, "", func(m *yaml.Node, _ string) {
			if ref := spec.Scalar(spec.Child(m, "$ref")); strings.HasPrefix(ref, "#/components/") && !reached[ref] {
				reached[ref] = true
				if target := resolve(s.root, ref); target != nil {
					queue = append(queue, target)
				}
			}
		})
	}
	for i := 0; i+1 < len(s.root.Content); i += 2 {
		if s.root.Content[i].Value != "components" {
			collect(s.root.Content[i+1])
		}
	}
	if ss := spec.Child(components, "securitySchemes"); ss != nil {
		collect(ss)
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		collect(n)
	}
	for _, kind := range prunable {
		m := spec.Child(components, kind)
		if m == nil || m.Kind != yaml.MappingNode {
			continue
		}
		kept := m.Content[:0]
		pruned := 0
		for i := 0; i+1 < len(m.Content); i += 2 {
			if reached["#"+spec.Pointer("components", kind, m.Content[i].Value)] {
				kept = append(kept, m.Content[i], m.Content[i+1])
			} else {
				pruned++
			}
		}
		m.Content = kept
		if pruned > 0 {
			s.changed(RuleSlim, "/components/"+kind, "Removed %d unused %s.", pruned, kind)
		}
	}
	examples := 0
	lint.ForEachMapping(s.root, "", func(m *yaml.Node, ptr string) {
		// A "properties" map's keys are property names: a property called "example" stays.
		if strings.HasSuffix(ptr, "/properties") {
			return
		}
		for _, k := range []string{"example", "examples"} {
			if remove(m, k) {
				examples++
			}
		}
	})
	if examples > 0 {
		s.changed(RuleSlim, "", "Removed %d examples.", examples)
	}
}

// resolve follows a local "#/…" reference in the tree.
func resolve(root *yaml.Node, ref string) *yaml.Node {
	n := root
	for _, tok := range spec.SplitPointer(strings.TrimPrefix(ref, "#")) {
		n = spec.Child(n, tok)
		if n == nil {
			return nil
		}
	}
	return n
}
