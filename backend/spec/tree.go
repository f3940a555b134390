package spec

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// Tree returns the OpenAPI 3 document as a node tree for rules to walk.
// For a file that needed no conversion it is the parsed file itself, so
// nothing is parsed twice, or, for a JSON file whose tree Import dropped,
// the model's tree of the same document (which lint.Run then resolves in
// place: call Tree before it); a converted Swagger document is parsed from
// its JSON. Positions come from Locate, not from these nodes.
func (r *Result) Tree() (*yaml.Node, error) {
	if !r.Converted && r.Source != nil && r.Source.Root != nil {
		return r.Source.Root, nil
	}
	if r.tree != nil {
		n := r.tree
		if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
			n = n.Content[0]
		}
		return n, nil
	}
	return ParseTree(r.Document)
}

// ParseTree parses an OpenAPI 3 JSON document this package produced.
func ParseTree(doc []byte) (*yaml.Node, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(doc, &n); err != nil {
		return nil, fmt.Errorf("spec: parse document: %w", err)
	}
	if n.Kind != yaml.DocumentNode || len(n.Content) == 0 {
		return nil, fmt.Errorf("spec: empty document")
	}
	return n.Content[0], nil
}

// RenderTree turns a (possibly fixed) tree back into compact JSON.
func RenderTree(root *yaml.Node) ([]byte, error) {
	w := &jsonWriter{budget: DefaultLimits.MaxNodes, name: "document"}
	if err := w.write(root); err != nil {
		return nil, err
	}
	return w.buf.Bytes(), nil
}

// Child returns the value of key in mapping n, or nil. When a key repeats,
// the last one wins, as in JSON parsers (and as the rendered JSON has it).
func Child(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := len(n.Content) - 2; i >= 0; i -= 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// Scalar returns a scalar node's text, or "" for anything else.
func Scalar(n *yaml.Node) string {
	if n == nil || n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}
