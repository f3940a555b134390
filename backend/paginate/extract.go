package paginate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/theory/jsonpath"
	"github.com/theory/jsonpath/spec"
)

// page is one response body being read. Only the top-level object is
// decoded, into raw values (json.RawMessage); nested objects are decoded
// level by level as a path walks into them, and nothing decoded outlives
// the page except the results array the items point into.
type page struct {
	body  []byte
	top   map[string]json.RawMessage // the top-level object, nil otherwise
	valid int8                       // 0 not checked yet, 1 JSON, -1 not JSON
}

func newPage(body []byte) *page { return &page{body: body} }

func (p *page) trimmed() []byte { return bytes.TrimSpace(p.body) }

func (p *page) kind() byte { return kindOf(p.body) }

// json reports whether the body is one JSON value, decoding the top-level
// object on the way (one pass validates the whole body).
func (p *page) json() bool {
	if p.valid == 0 {
		p.valid = -1
		if p.kind() == '{' {
			if json.Unmarshal(p.body, &p.top) == nil {
				p.valid = 1
			}
		} else if json.Valid(p.body) {
			p.valid = 1
		}
	}
	return p.valid == 1
}

// lookup follows a dotted key path ("results.foo"; "" is the body
// itself). When the path is not there, where says what is, for the
// message: the keys found at the level where it broke off, or what the
// value in the way is.
func (p *page) lookup(path string) (raw []byte, found bool, where string, err error) {
	if !p.json() {
		return nil, false, "", fmt.Errorf("not JSON")
	}
	if path == "" {
		return p.trimmed(), true, "", nil
	}
	if p.top == nil {
		return nil, false, fmt.Sprintf("the response is %s, not an object%s", kindName(p.kind()), arrayHint(p.kind())), nil
	}
	// A key that holds dots verbatim wins over its dotted reading.
	if v, ok := p.top[path]; ok {
		return v, true, "", nil
	}
	m := p.top
	parts := strings.Split(path, ".")
	for i, part := range parts {
		v, ok := m[part]
		if !ok {
			if i == 0 {
				return nil, false, "the response's top-level keys are: " + keyList(m), nil
			}
			return nil, false, fmt.Sprintf("%q has the keys: %s", strings.Join(parts[:i], "."), keyList(m)), nil
		}
		if i == len(parts)-1 {
			return v, true, "", nil
		}
		if k := kindOf(v); k != '{' {
			return nil, false, fmt.Sprintf("%q is %s, not an object", strings.Join(parts[:i+1], "."), kindName(k)), nil
		}
		m = nil
		if err := json.Unmarshal(v, &m); err != nil {
			return nil, false, "", err
		}
	}
	return nil, false, "", nil // not reached: parts is never empty
}

func arrayHint(k byte) string {
	if k == '[' {
		return "; leave the results key empty when the response itself is the array"
	}
	return ""
}

// array splits a results array into items. owned says raw is a private
// copy already (a value decoded out of the body); otherwise it is copied
// once, so the items never pin the response body.
func (p *page) array(raw []byte, owned bool) ([]json.RawMessage, []byte) {
	if !owned {
		raw = append([]byte(nil), raw...)
	}
	return splitArray(raw), raw
}

// selectPath evaluates an RFC 9535 JSONPath against the body. A singular
// query (names and indexes only, which validation requires) walks the raw
// values without decoding whole subtrees; anything else falls back to
// decoding the body and jsonpath's own evaluation.
func (p *page) selectPath(path string) ([]byte, bool, error) {
	jp, err := jsonpath.Parse(path)
	if err != nil {
		return nil, false, fmt.Errorf("pointer JSONPath %s is not valid: %v", path, err)
	}
	if !p.json() {
		return nil, false, fmt.Errorf("the response is not JSON")
	}
	q := jp.Query()
	if q.Singular() == nil {
		var doc any
		if err := json.Unmarshal(p.body, &doc); err != nil {
			return nil, false, err
		}
		nodes := jp.Select(doc)
		if len(nodes) == 0 {
			return nil, false, nil
		}
		b, err := json.Marshal(nodes[0])
		return b, err == nil, err
	}
	cur := p.trimmed()
	for i, seg := range q.Segments() {
		switch sel := seg.Selectors()[0].(type) {
		case spec.Name:
			var m map[string]json.RawMessage
			if i == 0 {
				m = p.top
			} else if kindOf(cur) == '{' {
				if err := json.Unmarshal(cur, &m); err != nil {
					return nil, false, err
				}
			}
			v, ok := m[string(sel)]
			if !ok {
				return nil, false, nil
			}
			cur = v
		case spec.Index:
			if kindOf(cur) != '[' {
				return nil, false, nil
			}
			elems := splitArray(cur)
			idx := int(sel)
			if idx < 0 {
				idx += len(elems)
			}
			if idx < 0 || idx >= len(elems) {
				return nil, false, nil
			}
			cur = elems[idx]
		default:
			return nil, false, fmt.Errorf("pointer JSONPath %s is not a single value", path)
		}
	}
	return cur, true, nil
}

// kindOf is the first byte of a JSON value, with every number as '0'.
func kindOf(raw []byte) byte {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r':
			continue
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			return '0'
		}
		return c
	}
	return 0
}

func kindName(k byte) string {
	switch k {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '0':
		return "a number"
	case 0:
		return "empty"
	}
	return "not JSON"
}

// keyList names an object's keys for a message: names only, never values,
// at most 20.
func keyList(m map[string]json.RawMessage) string {
	if len(m) == 0 {
		return "none (an empty object)"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if len(keys) > 20 {
		return strings.Join(keys[:20], ", ") + fmt.Sprintf(" and %d more", len(keys)-20)
	}
	return strings.Join(keys, ", ")
}

// splitArray returns the elements of a JSON array already known to be
// valid, as sub-slices of buf (each capped, so appending to one cannot
// overwrite the next). One pass, no allocation per element.
func splitArray(buf []byte) []json.RawMessage {
	i := skipSpace(buf, 0)
	if i >= len(buf) || buf[i] != '[' {
		return nil
	}
	i++
	var items []json.RawMessage
	for {
		i = skipSpace(buf, i)
		if i >= len(buf) || buf[i] == ']' {
			return items
		}
		start := i
		i = skipValue(buf, i)
		if items == nil {
			// A guess from the first element's size keeps regrowth rare.
			n := (len(buf) / max(i-start+1, 1)) + 1
			items = make([]json.RawMessage, 0, min(n, 1<<16))
		}
		items = append(items, buf[start:i:i])
		i = skipSpace(buf, i)
		if i < len(buf) && buf[i] == ',' {
			i++
		}
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipValue returns the index just past the value starting at i.
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) {
		switch b[i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// skipString returns the index just past the string starting at b[i]=='"'.
func skipString(b []byte, i int) int {
	i++
	for i < len(b) {
		switch b[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1
		}
		i++
	}
	return i
}
