package spec

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/finding"
)

// toJSON renders the parsed source as compact JSON, keeping key order.
// The walk is iterative (no recursion on hostile depth), expands YAML
// aliases under a node budget (alias bombs stop early with a message), and
// reports duplicate keys — the last one wins, as in JSON parsers — instead
// of failing.
func toJSON(src *Source, inputBytes int, limits Limits, unresolved map[string]bool) ([]byte, []finding.Finding, error) {
	budget := limits.MaxNodes
	if b := inputBytes + 1_000_000; budget <= 0 || b < budget {
		budget = b
	}
	w := &jsonWriter{budget: budget, name: src.Name, unresolved: unresolved}
	w.buf.Grow(inputBytes)
	if err := w.write(src.Root); err != nil {
		return nil, nil, err
	}
	out := w.buf.Bytes()
	if cap(out) > len(out)+len(out)/16 { // kept for the whole import: without the slack
		out = append(make([]byte, 0, len(out)), out...)
	}
	return out, w.dupes, nil
}

type jsonWriter struct {
	// unresolved names $ref targets to render as "x-unresolved-ref", so the
	// model builder never tries to follow them.
	unresolved map[string]bool
	buf        bytes.Buffer
	nodes      int
	budget     int
	name       string
	dupes      []finding.Finding
}

// frame is one open container on the explicit stack.
type frame struct {
	pairs []*yaml.Node // mapping: key, value, key, value… after merges and de-duplication
	items []*yaml.Node // sequence
	next  int
	isMap bool
	// aliasDepth counts alias hops above this frame, to catch self-including anchors.
	aliasDepth int
}

func (w *jsonWriter) write(root *yaml.Node) error {
	var stack []*frame
	emit := func(n *yaml.Node, aliasDepth int) error {
		for n.Kind == yaml.AliasNode || n.Kind == yaml.DocumentNode {
			if n.Kind == yaml.DocumentNode {
				if len(n.Content) == 0 {
					w.buf.WriteString("null")
					return nil
				}
				n = n.Content[0]
				continue
			}
			aliasDepth++
			if aliasDepth > 64 || n.Alias == nil {
				return sourceError(w.name, n.Line, "YAML alias *%s refers to itself or nests too deeply.", n.Value)
			}
			n = n.Alias
		}
		w.nodes++
		if w.nodes > w.budget {
			return sourceError(w.name, n.Line, "expanding YAML aliases would produce more than %d values (a \"billion laughs\" alias bomb?); the file was not imported.", w.budget)
		}
		switch n.Kind {
		case yaml.MappingNode:
			pairs, err := w.mappingPairs(n)
			if err != nil {
				return err
			}
			w.buf.WriteByte('{')
			stack = append(stack, &frame{pairs: pairs, isMap: true, aliasDepth: aliasDepth})
		case yaml.SequenceNode:
			w.buf.WriteByte('[')
			stack = append(stack, &frame{items: n.Content, aliasDepth: aliasDepth})
		case yaml.ScalarNode:
			w.scalar(n)
		default:
			return sourceError(w.name, n.Line, "unsupported YAML node.")
		}
		return nil
	}
	if err := emit(root, 0); err != nil {
		return err
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		if top.isMap {
			if top.next >= len(top.pairs) {
				w.buf.WriteByte('}')
				stack = stack[:len(stack)-1]
				continue
			}
			if top.next > 0 {
				w.buf.WriteByte(',')
			}
			key, value := top.pairs[top.next].Value, top.pairs[top.next+1]
			if key == "$ref" && w.unresolved[value.Value] {
				key = "x-unresolved-ref"
			}
			appendString(&w.buf, key)
			w.buf.WriteByte(':')
			top.next += 2
			if err := emit(value, top.aliasDepth); err != nil {
				return err
			}
			continue
		}
		if top.next >= len(top.items) {
			w.buf.WriteByte(']')
			stack = stack[:len(stack)-1]
			continue
		}
		if top.next > 0 {
			w.buf.WriteByte(',')
		}
		item := top.items[top.next]
		top.next++
		if err := emit(item, top.aliasDepth); err != nil {
			return err
		}
	}
	return nil
}

// mappingPairs flattens a mapping: YAML merge keys (<<) contribute the keys
// the mapping does not set itself, and a repeated key keeps its last value
// with a finding that names both lines.
func (w *jsonWriter) mappingPairs(m *yaml.Node) ([]*yaml.Node, error) {
	out := make([]*yaml.Node, 0, len(m.Content))
	index := make(map[string]int, len(m.Content)/2)
	var merges []*yaml.Node
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			return nil, sourceError(w.name, k.Line, "a key must be a plain value, not a %s.", kindName(k))
		}
		if k.Tag == "!!merge" {
			merges = append(merges, v)
			continue
		}
		if at, seen := index[k.Value]; seen {
			w.dupes = append(w.dupes, finding.Finding{
				RuleID: "duplicate-key", Severity: finding.Error, Source: "import",
				Message: fmt.Sprintf("Key %q appears twice in the same object (lines %d and %d); the later value is used.", k.Value, out[at].Line, k.Line),
				Line:    k.Line, Column: k.Column,
			})
			out[at], out[at+1] = k, v
			continue
		}
		index[k.Value] = len(out)
		out = append(out, k, v)
	}
	for _, merge := range merges {
		sources := []*yaml.Node{merge}
		if merge.Kind == yaml.SequenceNode {
			sources = merge.Content
		}
		for _, s := range sources {
			for s.Kind == yaml.AliasNode && s.Alias != nil {
				s = s.Alias
			}
			if s.Kind != yaml.MappingNode {
				return nil, sourceError(w.name, s.Line, "a YAML merge (<<) must refer to a mapping.")
			}
			for i := 0; i+1 < len(s.Content); i += 2 {
				k := s.Content[i]
				if _, seen := index[k.Value]; seen || k.Tag == "!!merge" {
					continue
				}
				index[k.Value] = len(out)
				out = append(out, k, s.Content[i+1])
			}
		}
	}
	return out, nil
}

func (w *jsonWriter) scalar(n *yaml.Node) {
	switch n.ShortTag() {
	case "!!null":
		w.buf.WriteString("null")
	case "!!bool":
		if strings.EqualFold(n.Value, "true") {
			w.buf.WriteString("true")
		} else {
			w.buf.WriteString("false")
		}
	case "!!int":
		if v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			w.buf.WriteString(strconv.FormatInt(v, 10))
		} else if isJSONNumber(n.Value) {
			w.buf.WriteString(n.Value) // beyond int64: keep the digits as written
		} else {
			appendString(&w.buf, n.Value)
		}
	case "!!float":
		if isJSONNumber(n.Value) {
			w.buf.WriteString(n.Value)
		} else if v, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil && !math.IsInf(v, 0) && !math.IsNaN(v) {
			w.buf.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		} else {
			appendString(&w.buf, n.Value) // .inf and .nan have no JSON form
		}
	default: // !!str, !!timestamp, !!binary and custom tags keep their text
		appendString(&w.buf, n.Value)
	}
}

// isJSONNumber reports whether s is already a valid JSON number literal.
func isJSONNumber(s string) bool {
	if s == "" {
		return false
	}
	i := 0
	if s[0] == '-' {
		i++
	}
	if i >= len(s) {
		return false
	}
	if s[i] == '0' {
		i++
	} else if s[i] >= '1' && s[i] <= '9' {
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	} else {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string without HTML escaping, so specs
// keep "<" and "&" readable in diffs; invalid UTF-8 becomes U+FFFD.
func appendString(buf *bytes.Buffer, s string) {
	buf.WriteByte('"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				buf.WriteByte('\\')
				buf.WriteByte(c)
			case c == '\n':
				buf.WriteString(`\n`)
			case c == '\r':
				buf.WriteString(`\r`)
			case c == '\t':
				buf.WriteString(`\t`)
			case c < 0x20:
				buf.WriteString(`\u00`)
				buf.WriteByte(hexDigits[c>>4])
				buf.WriteByte(hexDigits[c&0xf])
			default:
				buf.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			buf.WriteString(`\ufffd`)
		case r == '\u2028' || r == '\u2029': // valid JSON, but break JavaScript string literals
			buf.WriteString(`\u202`)
			buf.WriteByte(hexDigits[r&0xf])
		default:
			buf.WriteString(s[i : i+size])
		}
		i += size
	}
	buf.WriteByte('"')
}
