package lint

import (
	"strconv"
	"strings"
)

// pathToken is one step of a JSONPath as vacuum writes it.
type pathToken struct {
	name   string
	index  int  // valid when isIndex
	isIdx  bool // written as [n]
	dotted bool // written as .name (no quotes), so it may have been split at a '.' that belongs to the key
}

// parseJSONPath splits the JSONPath dialect vacuum emits ($, .name, ['name'],
// ["name"], [n]) into tokens. It stops at the first thing it cannot read
// (wildcards, filters, garbage) and reports ok=false, returning the tokens
// read so far, so callers can fall back to the closest convertible prefix.
//
// Vacuum (and pb33f/doctor) do not escape quotes inside ['...'], so a quoted
// key ends at the first quote that is followed by ']'; backslash escapes
// (\' \" \\) written by standard JSONPath tools are honoured too.
func parseJSONPath(path string) (toks []pathToken, ok bool) {
	s := strings.TrimSpace(path)
	if !strings.HasPrefix(s, "$") {
		return nil, false
	}
	i := 1
	for i < len(s) {
		switch s[i] {
		case '.':
			if i+1 < len(s) && s[i+1] == '.' { // recursive descent
				return toks, false
			}
			j := i + 1
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			name := s[i+1 : j]
			if name == "" || name == "*" {
				return toks, false
			}
			toks = append(toks, pathToken{name: name, dotted: true})
			i = j
		case '[':
			if i+1 >= len(s) {
				return toks, false
			}
			q := s[i+1]
			if q == '\'' || q == '"' {
				name, next, good := readQuoted(s, i+2, q)
				if !good {
					return toks, false
				}
				toks = append(toks, pathToken{name: name})
				i = next
				continue
			}
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return toks, false
			}
			n, err := strconv.Atoi(strings.TrimSpace(s[i+1 : i+end]))
			if err != nil || n < 0 {
				return toks, false // wildcard, filter, slice, negative index
			}
			toks = append(toks, pathToken{index: n, isIdx: true})
			i += end + 1
		default:
			return toks, false
		}
	}
	return toks, true
}

// readQuoted reads a quoted key starting just after the opening quote q at
// s[start:], returning the key and the index just past the closing ']'.
func readQuoted(s string, start int, q byte) (string, int, bool) {
	var b strings.Builder
	for j := start; j < len(s); j++ {
		c := s[j]
		if c == '\\' && j+1 < len(s) && (s[j+1] == q || s[j+1] == '\\') {
			b.WriteByte(s[j+1])
			j++
			continue
		}
		if c == q && j+1 < len(s) && s[j+1] == ']' {
			return b.String(), j + 2, true
		}
		b.WriteByte(c)
	}
	return "", 0, false
}

// escapePointerToken escapes one JSON pointer reference token (RFC 6901).
func escapePointerToken(t string) string {
	return strings.ReplaceAll(strings.ReplaceAll(t, "~", "~0"), "/", "~1")
}

// jsonPathToPointer converts a JSONPath written by vacuum, such as
// $.paths['/pets'].get.responses, into a JSON pointer
// (/paths/~1pets/get/responses). "$" becomes "" (the whole document). If the
// path cannot be converted entirely, it returns the pointer of the longest
// prefix that can be, and ok=false.
func jsonPathToPointer(path string) (pointer string, ok bool) {
	toks, ok := parseJSONPath(path)
	var b strings.Builder
	for _, t := range toks {
		b.WriteByte('/')
		if t.isIdx {
			b.WriteString(strconv.Itoa(t.index))
		} else {
			b.WriteString(escapePointerToken(t.name))
		}
	}
	return b.String(), ok
}

// pointerInDoc converts path like jsonPathToPointer but checks each step
// against doc (the document decoded by encoding/json; nil: no checks) and stops at the
// longest prefix that exists. An unquoted .name that does not exist is
// retried joined with the following unquoted names ("v1" + "." + "0"),
// because vacuum sometimes writes keys containing dots without quotes.
func pointerInDoc(doc any, path string) string {
	if doc == nil {
		p, _ := jsonPathToPointer(path)
		return p
	}
	toks, _ := parseJSONPath(path)
	var b strings.Builder
	cur := doc
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch node := cur.(type) {
		case map[string]any:
			if t.isIdx {
				// Some tools write map keys that look like numbers as [200].
				t.name = strconv.Itoa(t.index)
			}
			name := t.name
			v, found := node[name]
			j := i
			for !found && t.dotted && j+1 < len(toks) && toks[j+1].dotted {
				j++
				name += "." + toks[j].name
				v, found = node[name]
			}
			if !found {
				return b.String()
			}
			i = j
			b.WriteByte('/')
			b.WriteString(escapePointerToken(name))
			cur = v
		case []any:
			idx := t.index
			if !t.isIdx {
				n, err := strconv.Atoi(t.name)
				if err != nil {
					return b.String()
				}
				idx = n
			}
			if idx < 0 || idx >= len(node) {
				return b.String()
			}
			b.WriteByte('/')
			b.WriteString(strconv.Itoa(idx))
			cur = node[idx]
		default:
			return b.String()
		}
	}
	return b.String()
}
