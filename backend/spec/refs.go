package spec

import (
	"fmt"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/finding"
)

// RefPolicy says which external references may be followed. Remote ones
// never are: an imported file must not make the app send requests.
type RefPolicy struct {
	// Folder is the spec file's folder; "" for pasted text.
	Folder string
	// AllowFileRefs lets file references inside Folder be read.
	AllowFileRefs bool
}

// checkRefs walks the source iteratively and returns findings for
// references that will not be followed, plus the set of those targets.
// Nothing is fetched or read here.
func checkRefs(src *Source, policy RefPolicy) ([]finding.Finding, map[string]bool) {
	var out []finding.Finding
	unresolved := map[string]bool{}
	stack := []*yaml.Node{src.Root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Value == "$ref" && v.Kind == yaml.ScalarNode {
					if f, skip := classifyRef(v, policy); skip {
						unresolved[v.Value] = true
						out = append(out, f)
					}
					continue
				}
				stack = append(stack, v)
			}
		case yaml.SequenceNode:
			stack = append(stack, n.Content...)
		}
		// Alias nodes are not followed: their anchors are walked where they are defined.
	}
	return out, unresolved
}

func classifyRef(v *yaml.Node, policy RefPolicy) (finding.Finding, bool) {
	ref := v.Value
	f := finding.Finding{Severity: finding.Error, Source: "import", Line: v.Line, Column: v.Column}
	target, _, _ := strings.Cut(ref, "#")
	switch {
	case strings.HasPrefix(ref, "#") || target == "":
		return f, false
	case strings.Contains(target, "://") || strings.HasPrefix(target, "//"):
		f.RuleID = "remote-ref"
		f.Message = fmt.Sprintf("Reference to %q was not fetched: remote references are never followed. Download that file next to the spec, or inline what it defines.", ref)
		return f, true
	case filepath.IsAbs(target) || strings.HasPrefix(target, "/") || (len(target) > 1 && target[1] == ':'):
		f.RuleID = "file-ref-outside-folder"
		f.Message = fmt.Sprintf("Reference to %q was not read: it points outside the spec's folder.", ref)
		return f, true
	}
	if policy.Folder == "" {
		f.RuleID = "file-ref-not-allowed"
		f.Message = fmt.Sprintf("Reference to file %q was not read: pasted text has no folder to resolve it in. Import the file from disk instead.", ref)
		return f, true
	}
	abs := filepath.Clean(filepath.Join(policy.Folder, filepath.FromSlash(target)))
	rel, err := filepath.Rel(policy.Folder, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		f.RuleID = "file-ref-outside-folder"
		f.Message = fmt.Sprintf("Reference to %q was not read: it points outside the spec's folder.", ref)
		return f, true
	}
	if !policy.AllowFileRefs {
		f.RuleID = "file-ref-not-allowed"
		f.Severity = finding.Warning
		f.Message = fmt.Sprintf("Reference to file %q was not read. Allow file references for this import to include it.", ref)
		return f, true
	}
	return f, false
}
