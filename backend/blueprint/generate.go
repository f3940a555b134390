package blueprint

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
)

// Proposal is a blueprint generated from an action, for the user to trim
// before saving, with how the item schema was found.
type Proposal struct {
	Input
	Source string `json:"source"`
	// Truncated says fields were left out past MaxFields or maxDepth.
	Truncated bool `json:"truncated"`
}

// maxDepth is how deep nested objects are flattened into dotted names.
const maxDepth = 4

// Propose proposes a blueprint with one field per property of the item
// schema of the action's 2xx response: the array at the pagination's
// results key, the response itself when it is an array, or the items of
// its only array property. Nested objects become dotted names; local
// $refs are followed in doc (the integration's OpenAPI document), each at
// most once per branch so circular schemas end.
func Propose(doc []byte, a integration.Action, pg paginate.Config) (Proposal, error) {
	if len(a.ResponseSchema) == 0 || string(a.ResponseSchema) == "null" {
		return Proposal{}, apperr.FieldErrorf("actionId", "%q has no JSON schema for its 2xx response, so there is nothing to propose fields from; create the blueprint by hand.", a.Name)
	}
	var root any
	if len(doc) > 0 {
		_ = json.Unmarshal(doc, &root)
	}
	r := resolver{root: root}
	var schema map[string]any
	if err := json.Unmarshal(a.ResponseSchema, &schema); err != nil {
		return Proposal{}, apperr.FieldErrorf("actionId", "%q's response schema is not a JSON object.", a.Name)
	}
	item, source, err := r.itemSchema(schema, pg.ResultsKey)
	if err != nil {
		return Proposal{}, apperr.FieldErrorf("actionId", "%q: %v", a.Name, err)
	}
	p := Proposal{Input: Input{Name: a.Name, Description: fmt.Sprintf("Records from %s %s (%s).", strings.ToUpper(a.Method), a.Path, a.Name)}, Source: source}
	if a.Description != "" {
		p.Description = a.Description
	}
	r.flatten(item, "", 0, map[string]bool{}, &p)
	if len(p.Fields) == 0 {
		return Proposal{}, apperr.FieldErrorf("actionId", "%q's items (%s) have no properties to turn into fields.", a.Name, source)
	}
	return p, nil
}

type resolver struct{ root any }

// deref follows a local $ref (#/…); seen guards one branch against cycles.
func (r resolver) deref(s map[string]any, seen map[string]bool) (map[string]any, string) {
	for i := 0; i < 16; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s, ""
		}
		if seen[ref] || !strings.HasPrefix(ref, "#/") {
			return nil, ref
		}
		seen[ref] = true
		target := r.pointer(ref[1:])
		next, ok := target.(map[string]any)
		if !ok {
			return nil, ref
		}
		s = next
	}
	return nil, ""
}

func (r resolver) pointer(p string) any {
	cur := r.root
	for _, part := range strings.Split(strings.TrimPrefix(p, "/"), "/") {
		part, _ = url.PathUnescape(part)
		part = strings.ReplaceAll(strings.ReplaceAll(part, "~1", "/"), "~0", "~")
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		cur = obj[part]
	}
	return cur
}

// properties merges an object schema's properties with those of its allOf
// parts.
func (r resolver) properties(s map[string]any, seen map[string]bool) map[string]any {
	out := map[string]any{}
	if props, ok := s["properties"].(map[string]any); ok {
		for k, v := range props {
			out[k] = v
		}
	}
	if all, ok := s["allOf"].([]any); ok {
		for _, part := range all {
			if ps, ok := part.(map[string]any); ok {
				if resolved, _ := r.deref(ps, copySeen(seen)); resolved != nil {
					for k, v := range r.properties(resolved, seen) {
						out[k] = v
					}
				}
			}
		}
	}
	return out
}

func (r resolver) itemSchema(schema map[string]any, resultsKey string) (map[string]any, string, error) {
	s, _ := r.deref(schema, map[string]bool{})
	if s == nil {
		return nil, "", fmt.Errorf("its response schema refers to a schema that cannot be found in the spec")
	}
	path := "the response"
	if resultsKey != "" {
		for _, key := range strings.Split(resultsKey, ".") {
			next, ok := r.properties(s, map[string]bool{})[key].(map[string]any)
			if !ok {
				return nil, "", fmt.Errorf("the response schema has no property %q on the results key %q", key, resultsKey)
			}
			if s, _ = r.deref(next, map[string]bool{}); s == nil {
				return nil, "", fmt.Errorf("the results key %q refers to a schema that cannot be found", resultsKey)
			}
		}
		path = "the results key " + resultsKey
	}
	if items, ok := s["items"].(map[string]any); ok {
		it, _ := r.deref(items, map[string]bool{})
		if it == nil {
			return nil, "", fmt.Errorf("the items of %s refer to a schema that cannot be found", path)
		}
		return it, "items of " + path, nil
	}
	if resultsKey == "" {
		var arrays []string
		props := r.properties(s, map[string]bool{})
		for k, v := range props {
			if ps, ok := v.(map[string]any); ok {
				if d, _ := r.deref(ps, map[string]bool{}); d != nil && d["type"] == "array" {
					arrays = append(arrays, k)
				}
			}
		}
		if len(arrays) == 1 {
			d, _ := r.deref(props[arrays[0]].(map[string]any), map[string]bool{})
			if items, ok := d["items"].(map[string]any); ok {
				if it, _ := r.deref(items, map[string]bool{}); it != nil {
					return it, "items of " + arrays[0] + " (the response's only list)", nil
				}
			}
		}
	}
	return s, path, nil
}

func (r resolver) flatten(s map[string]any, prefix string, depth int, seen map[string]bool, p *Proposal) {
	props := r.properties(s, seen)
	names := make([]string, 0, len(props))
	for k := range props {
		names = append(names, k)
	}
	sort.Strings(names)
	required := map[string]bool{}
	if req, ok := s["required"].([]any); ok {
		for _, n := range req {
			if name, ok := n.(string); ok {
				required[name] = true
			}
		}
	}
	for _, name := range names {
		if len(p.Fields) >= MaxFields {
			p.Truncated = true
			return
		}
		raw, ok := props[name].(map[string]any)
		if !ok {
			continue
		}
		branch := copySeen(seen)
		ps, ref := r.deref(raw, branch)
		full := prefix + name
		if ps == nil {
			p.Fields = append(p.Fields, Field{Name: full, Description: fmt.Sprintf("%s (%s)", humanName(name), refName(ref))})
			continue
		}
		if len(r.properties(ps, branch)) > 0 && ps["type"] != "array" {
			if depth+1 < maxDepth {
				r.flatten(ps, full+".", depth+1, branch, p)
				continue
			}
			p.Truncated = true
		}
		p.Fields = append(p.Fields, Field{Name: full, Description: describe(name, ps, raw), MappingRequired: required[name] && prefix == ""})
	}
}

func copySeen(m map[string]bool) map[string]bool {
	out := make(map[string]bool, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// describe takes the schema's description or title, else says what the
// value is.
func describe(name string, s, raw map[string]any) string {
	for _, src := range []map[string]any{raw, s} {
		for _, k := range []string{"description", "title"} {
			if d, ok := src[k].(string); ok && strings.TrimSpace(d) != "" {
				return oneLine(d)
			}
		}
	}
	kind, _ := s["type"].(string)
	if f, ok := s["format"].(string); ok && kind != "" {
		kind += ", " + f
	}
	if kind == "" {
		kind = "value"
	}
	return fmt.Sprintf("%s (%s)", humanName(name), kind)
}

func refName(ref string) string {
	if i := strings.LastIndex(ref, "/"); i >= 0 {
		return ref[i+1:]
	}
	return "object"
}

func humanName(name string) string {
	s := strings.NewReplacer("_", " ", "-", " ").Replace(name)
	if s == "" {
		return name
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 500 {
		s = string(r[:500]) + "…"
	}
	return s
}

// Actions is what ProposeFrom reads (an *integration.Service).
type Actions interface {
	Get(ctx context.Context, id string) (integration.Integration, error)
	Action(ctx context.Context, integrationID, id string) (integration.Action, error)
	Snapshot(ctx context.Context, id string) (integration.Snapshot, error)
}

// ProposeFrom proposes a blueprint from a stored action, with its
// integration's OpenAPI document and effective pagination.
func (s *Service) ProposeFrom(ctx context.Context, its Actions, integrationID, actionID string) (Proposal, error) {
	it, err := its.Get(ctx, integrationID)
	if err != nil {
		return Proposal{}, err
	}
	a, err := its.Action(ctx, integrationID, actionID)
	if err != nil {
		return Proposal{}, err
	}
	snap, err := its.Snapshot(ctx, integrationID)
	if err != nil {
		return Proposal{}, err
	}
	pg := paginate.Config{Type: paginate.None}
	if a.Paginated {
		pg = paginate.Effective(it.Pagination, a.Pagination)
	}
	p, err := Propose(snap.OpenAPI, a, pg)
	if err != nil {
		return Proposal{}, err
	}
	p.IntegrationID = integrationID
	return p, nil
}
