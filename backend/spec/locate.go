package spec

import (
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Pointer escapes reference tokens into an RFC 6901 JSON pointer.
func Pointer(tokens ...string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		if strings.ContainsAny(t, "~/") {
			t = pointerEscaper.Replace(t)
		}
		b.WriteString(t)
	}
	return b.String()
}

// Replacers are safe for concurrent use and costly to build: built once.
var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

// SplitPointer is the inverse of Pointer.
func SplitPointer(p string) []string {
	if p == "" || p == "/" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(p, "/"), "/")
	for i, t := range parts {
		if strings.Contains(t, "~") {
			parts[i] = pointerUnescaper.Replace(t)
		}
	}
	return parts
}

// Locate finds the line and column of the node at pointer in the user's
// file. When the exact node is absent (a converted Swagger document has
// fields the original lacks) it returns the position of the nearest
// ancestor that exists, so a finding still points somewhere useful.
func (s *Source) Locate(pointer string) (line, column int) {
	if s.Root == nil {
		pos := s.LocateAll([]string{pointer})[0]
		return pos[0], pos[1]
	}
	n := s.Root
	line, column = n.Line, n.Column
	for _, tok := range SplitPointer(pointer) {
		for n.Kind == yaml.AliasNode && n.Alias != nil {
			n = n.Alias
		}
		var next *yaml.Node
		switch n.Kind {
		case yaml.MappingNode:
			if i, ok := s.keyIndex(n, tok); ok {
				next = n.Content[i+1]
				// Point at the key: that is where an editor shows the field.
				line, column = n.Content[i].Line, n.Content[i].Column
			}
		case yaml.SequenceNode:
			if i, err := strconv.Atoi(tok); err == nil && i >= 0 && i < len(n.Content) {
				next = n.Content[i]
				line, column = next.Line, next.Column
			}
		}
		if next == nil {
			return line, column
		}
		n = next
	}
	return line, column
}

// LocateAll is Locate for many pointers at once: without the node tree
// (a JSON file, Source.Root) it is one pass over the file for all of them.
func (s *Source) LocateAll(pointers []string) [][2]int {
	if s.Root == nil {
		return locateInJSON(s.json, pointers)
	}
	out := make([][2]int, len(pointers))
	for i, p := range pointers {
		out[i][0], out[i][1] = s.Locate(p)
	}
	return out
}

// bigMapping is the number of members from which a mapping's keys are
// indexed for Locate: a linter reports thousands of findings under
// "paths" of a spec with thousands of paths (Microsoft Graph: 7,419).
const bigMapping = 32

// keyIndex is the index in m.Content of key tok's node (the last duplicate
// wins, as in the JSON).
func (s *Source) keyIndex(m *yaml.Node, tok string) (int, bool) {
	if len(m.Content) < 2*bigMapping {
		for i := len(m.Content) - 2; i >= 0; i -= 2 {
			if m.Content[i].Value == tok {
				return i, true
			}
		}
		return 0, false
	}
	s.keysMu.Lock()
	defer s.keysMu.Unlock()
	idx, ok := s.keys[m]
	if !ok {
		idx = make(map[string]int, len(m.Content)/2)
		for i := 0; i+1 < len(m.Content); i += 2 {
			idx[m.Content[i].Value] = i
		}
		if s.keys == nil {
			s.keys = map[*yaml.Node]map[string]int{}
		}
		s.keys[m] = idx
	}
	i, ok := idx[tok]
	return i, ok
}
