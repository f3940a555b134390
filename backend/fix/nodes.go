package fix

import (
	"strings"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/spec"
)

var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

func str(v string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v} }

// set puts key: value into mapping m, replacing an existing value in place
// or appending (after "after", when that key exists, to keep related
// fields together).
func set(m *yaml.Node, key string, value *yaml.Node, after ...string) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content[i+1] = value
			return
		}
	}
	for _, a := range after {
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == a {
				rest := append([]*yaml.Node{str(key), value}, m.Content[i+2:]...)
				m.Content = append(m.Content[:i+2], rest...)
				return
			}
		}
	}
	m.Content = append(m.Content, str(key), value)
}

func remove(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return true
		}
	}
	return false
}

// operation is one method of one path item.
type operation struct {
	path, method string
	node         *yaml.Node
}

func (o operation) pointer() string { return spec.Pointer("paths", o.path, o.method) }
func (o operation) label() string   { return strings.ToUpper(o.method) + " " + o.path }

func operations(root *yaml.Node) []operation {
	var out []operation
	paths := spec.Child(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		item := paths.Content[i+1]
		for _, m := range httpMethods {
			if op := spec.Child(item, m); op != nil && op.Kind == yaml.MappingNode {
				out = append(out, operation{paths.Content[i].Value, m, op})
			}
		}
	}
	return out
}
