package playbook

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/theory/jsonpath"

	"integrationstudio/backend/apperr"
)

// Kinds of data field.
const (
	KindPath     = "path"     // an RFC 9535 JSONPath into each result item
	KindConstant = "constant" // the same text for every record
	KindTemplate = "template" // text with {placeholders}: dotted keys of the item
)

// Mapping fills one blueprint field: a data field.
type Mapping struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

// compiled is a mapping ready to evaluate.
type compiled struct {
	kind  string
	value string
	path  *jsonpath.Path
	// template parts: literal text and keys, alternating, starting with text.
	parts []string
}

var placeholder = regexp.MustCompile(`\{([^{}]*)\}`)

// compile checks a mapping; field names the input for messages.
func compile(field string, m Mapping) (compiled, error) {
	c := compiled{kind: m.Kind, value: m.Value}
	switch m.Kind {
	case KindPath:
		p, err := jsonpath.Parse(m.Value)
		if err != nil {
			msg := strings.TrimPrefix(err.Error(), "jsonpath: ")
			return c, apperr.FieldErrorf(field, "%q is not a valid JSONPath (RFC 9535): %s. Paths start with $, e.g. $.owner.email.", m.Value, msg)
		}
		c.path = p
	case KindConstant:
		if len(m.Value) > 10000 {
			return c, apperr.FieldErrorf(field, "A constant is at most 10,000 characters.")
		}
	case KindTemplate:
		last := 0
		for _, loc := range placeholder.FindAllStringSubmatchIndex(m.Value, -1) {
			key := strings.TrimSpace(m.Value[loc[2]:loc[3]])
			if key == "" {
				return c, apperr.FieldErrorf(field, "The template %q has an empty {} at position %d; write a key such as {first}.", m.Value, loc[0]+1)
			}
			c.parts = append(c.parts, m.Value[last:loc[0]], key)
			last = loc[1]
		}
		c.parts = append(c.parts, m.Value[last:])
		if len(c.parts) == 1 {
			return c, apperr.FieldErrorf(field, "The template %q has no {placeholder}; use a constant for fixed text.", m.Value)
		}
	default:
		return c, apperr.FieldErrorf(field, "Data field kind %q is not path, constant or template.", m.Kind)
	}
	return c, nil
}

// eval fills the field from one item: the value, or a problem in words.
func (c compiled) eval(item any) (any, string) {
	switch c.kind {
	case KindConstant:
		return c.value, ""
	case KindPath:
		nodes := c.path.Select(item)
		switch len(nodes) {
		case 0:
			return nil, fmt.Sprintf("path %s matched nothing", c.value)
		case 1:
			return nodes[0], ""
		}
		return []any(nodes), ""
	}
	var b strings.Builder
	for i, part := range c.parts {
		if i%2 == 0 {
			b.WriteString(part)
			continue
		}
		v, ok := dotted(item, part)
		if !ok {
			return nil, fmt.Sprintf("template key {%s} matched nothing", part)
		}
		b.WriteString(text(v))
	}
	return b.String(), ""
}

func dotted(item any, key string) (any, bool) {
	cur := item
	for _, part := range strings.Split(key, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = obj[part]; !ok {
			return nil, false
		}
	}
	return cur, cur != nil
}

func text(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case json.Number:
		return x.String()
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	}
	b, _ := json.Marshal(v)
	return string(b)
}
