package fix

import (
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

var charClass = regexp.MustCompile(`\[(\^?)((?:\\.|[^\]\\])*)\]`)
var charRange = regexp.MustCompile(`(\\.|[^\\])-(\\.|[^\\])`)

// repairPattern tries the repairs that keep a pattern's intent: reversed
// character ranges ([z-a] → [a-z]) and a dangling final backslash.
func repairPattern(p string) (string, bool) {
	candidates := []string{}
	swapped := charClass.ReplaceAllStringFunc(p, func(class string) string {
		return charRange.ReplaceAllStringFunc(class, func(r string) string {
			m := charRange.FindStringSubmatch(r)
			if len(m[1]) == 1 && len(m[2]) == 1 && m[1][0] > m[2][0] {
				return m[2] + "-" + m[1]
			}
			return r
		})
	})
	candidates = append(candidates, swapped)
	if strings.HasSuffix(swapped, `\`) && !strings.HasSuffix(swapped, `\\`) {
		candidates = append(candidates, swapped+`\`)
	}
	for _, c := range candidates {
		if c != p && lint.ValidPattern(c) == nil {
			return c, true
		}
	}
	return "", false
}

// fixInvalidPatterns repairs a broken pattern when it can, and otherwise
// drops it (the value is then unchecked, which is safer than rejected).
func fixInvalidPatterns(s *state) {
	lint.ForEachMapping(s.root, "", func(m *yaml.Node, ptr string) {
		p := spec.Child(m, "pattern")
		if p == nil || p.Kind != yaml.ScalarNode || lint.ValidPattern(p.Value) == nil {
			return
		}
		if fixed, ok := repairPattern(p.Value); ok {
			s.changed(lint.RuleInvalidPattern, ptr+"/pattern", "Repaired the pattern %q to %q.", p.Value, fixed)
			p.Value = fixed
			return
		}
		remove(m, "pattern")
		s.changed(lint.RuleInvalidPattern, ptr+"/pattern", "Removed the invalid pattern %q (no safe repair).", p.Value)
	})
}

// fixUndefinedRequired adds an untyped property for each required name
// missing from properties, or drops the name (Options).
func fixUndefinedRequired(s *state) {
	lint.ForEachMapping(s.root, "", func(m *yaml.Node, ptr string) {
		req, props := spec.Child(m, "required"), spec.Child(m, "properties")
		if req == nil || req.Kind != yaml.SequenceNode || props == nil || props.Kind != yaml.MappingNode {
			return
		}
		for _, k := range []string{"allOf", "anyOf", "oneOf", "$ref"} {
			if spec.Child(m, k) != nil {
				return
			}
		}
		kept := req.Content[:0]
		for _, r := range req.Content {
			if r.Kind != yaml.ScalarNode || spec.Child(props, r.Value) != nil {
				kept = append(kept, r)
				continue
			}
			if s.opts.DropUndefinedRequired {
				s.changed(lint.RuleRequiredUndefined, ptr+"/required", "Removed %q from required: it has no property.", r.Value)
				continue
			}
			set(props, r.Value, &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"})
			kept = append(kept, r)
			s.changed(lint.RuleRequiredUndefined, ptr+"/properties", "Added an untyped property %q, which required lists.", r.Value)
		}
		req.Content = kept
		if len(req.Content) == 0 {
			remove(m, "required")
		}
	})
}

// fixCircularReferences breaks every reference cycle between component
// schemas at its closing edge (a schema referring to itself, or back to one
// it is nested in), replacing that $ref with {"type": "object"} and a note.
func fixCircularReferences(s *state) {
	for _, e := range lint.CircularEdges(s.root) {
		e.Ref.Content = []*yaml.Node{
			str("type"), str("object"),
			str("description"), str("Was a $ref to " + e.To + ", which leads back here; replaced to break the circular reference."),
		}
		s.changed(lint.RuleCircularReference, e.Pointer, "Replaced the circular reference from %s to %s with a plain object.", e.From, e.To)
	}
}
