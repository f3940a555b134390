package spec

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"

	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/orderedmap"
	"gopkg.in/yaml.v3"
)

// Parameter is one input of an action.
type Parameter struct {
	Name        string          `json:"name"`
	In          string          `json:"in"` // path, query or header
	Description string          `json:"description,omitempty"`
	Required    bool            `json:"required"`
	Schema      json.RawMessage `json:"schema,omitempty"`
	Enum        []any           `json:"enum,omitempty"`
	Default     any             `json:"default,omitempty"`
}

// Action is one operation of the API, ready to be tested and exported.
type Action struct {
	Name               string          `json:"name"`
	Description        string          `json:"description"`
	OperationID        string          `json:"operationId,omitempty"`
	Method             string          `json:"method"` // upper case
	Path               string          `json:"path"`
	Parameters         []Parameter     `json:"parameters"`
	RequestContentType string          `json:"requestContentType,omitempty"`
	RequestBody        json.RawMessage `json:"requestBody,omitempty"`
	ResponseSchema     json.RawMessage `json:"responseSchema,omitempty"`
	Tags               []string        `json:"tags"`
	Deprecated         bool            `json:"deprecated,omitempty"`
	// Pagination is the inferred suggestion for this action, if any.
	Pagination *PaginationSuggestion `json:"pagination,omitempty"`
}

// methods in the order an API reference lists them.
var methods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// actionsOf makes one action per operation, in document order.
func actionsOf(doc *v3.Document) []Action {
	out := []Action{}
	if doc.Paths == nil || doc.Paths.PathItems == nil {
		return out
	}
	for pp := doc.Paths.PathItems.First(); pp != nil; pp = pp.Next() {
		path, item := pp.Key(), pp.Value()
		if item == nil {
			continue
		}
		ops := item.GetOperations()
		for _, m := range methods {
			op := ops.GetOrZero(m)
			if op == nil {
				continue
			}
			out = append(out, newAction(path, strings.ToUpper(m), item, op))
		}
	}
	return out
}

func newAction(path, method string, item *v3.PathItem, op *v3.Operation) Action {
	a := Action{
		Name:        actionName(op.Summary, op.OperationId, method, path),
		Description: firstNonEmpty(op.Description, op.Summary, item.Description, item.Summary),
		OperationID: op.OperationId,
		Method:      method,
		Path:        path,
		Parameters:  mergedParameters(item.Parameters, op.Parameters),
		Tags:        append([]string{}, op.Tags...),
		Deprecated:  op.Deprecated != nil && *op.Deprecated,
	}
	if op.RequestBody != nil {
		a.RequestContentType, a.RequestBody = pickContent(op.RequestBody.Content)
	}
	if resp := successResponse(op); resp != nil {
		_, a.ResponseSchema = pickContent(resp.Content)
	}
	return a
}

// actionName follows the seed's precedence: the summary, else a humanised
// operationId, else "Get /things/{id}".
func actionName(summary, operationID, method, path string) string {
	if s := strings.TrimSpace(summary); s != "" {
		return strings.TrimRight(s, ".")
	}
	if id := strings.TrimSpace(operationID); id != "" {
		return humanise(id)
	}
	return strings.ToUpper(method[:1]) + strings.ToLower(method[1:]) + " " + path
}

// humanise turns listPetsByOwner, list_pets-by.owner or ListPETS into
// "List pets by owner".
func humanise(id string) string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	runes := []rune(id)
	for i, r := range runes {
		switch {
		case r == '_' || r == '-' || r == '.' || r == ' ' || r == '/':
			flush()
		case unicode.IsUpper(r) && len(cur) > 0 &&
			(unicode.IsLower(cur[len(cur)-1]) || unicode.IsDigit(cur[len(cur)-1]) ||
				(i+1 < len(runes) && unicode.IsLower(runes[i+1]))):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
	}
	flush()
	for i, w := range words {
		if isAcronym(w) && i > 0 {
			continue
		}
		words[i] = strings.ToLower(w)
	}
	if len(words) == 0 {
		return id
	}
	first := []rune(words[0])
	first[0] = unicode.ToUpper(first[0])
	words[0] = string(first)
	return strings.Join(words, " ")
}

func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// mergedParameters applies the OpenAPI rule: operation parameters override
// path-item ones with the same name and location. Cookie parameters are
// left out: actions send path, query and header values.
func mergedParameters(itemParams, opParams []*v3.Parameter) []Parameter {
	out := []Parameter{}
	index := map[string]int{}
	for _, list := range [][]*v3.Parameter{itemParams, opParams} {
		for _, p := range list {
			if p == nil || p.In == "cookie" || p.Name == "" {
				continue
			}
			param := Parameter{
				Name: p.Name, In: p.In, Description: p.Description,
				Required: p.In == "path" || (p.Required != nil && *p.Required),
			}
			if p.Schema != nil {
				param.Schema = schemaJSON(p.Schema)
				if s := p.Schema.Schema(); s != nil {
					for _, e := range s.Enum {
						param.Enum = append(param.Enum, nodeValue(e))
					}
					if s.Default != nil {
						param.Default = nodeValue(s.Default)
					}
				}
			}
			key := p.In + "\x00" + p.Name
			if i, ok := index[key]; ok {
				out[i] = param
				continue
			}
			index[key] = len(out)
			out = append(out, param)
		}
	}
	return out
}

// pickContent prefers JSON media types, then any +json, then the first.
func pickContent(content *orderedmap.Map[string, *v3.MediaType]) (string, json.RawMessage) {
	if content == nil || content.Len() == 0 {
		return "", nil
	}
	var chosen string
	var media *v3.MediaType
	rank := 99
	for p := content.First(); p != nil; p = p.Next() {
		ct := strings.ToLower(p.Key())
		r := 3
		switch {
		case ct == "application/json" || strings.HasPrefix(ct, "application/json;"):
			r = 0
		case strings.HasSuffix(strings.SplitN(ct, ";", 2)[0], "+json"):
			r = 1
		case strings.Contains(ct, "json"):
			r = 2
		}
		if r < rank {
			rank, chosen, media = r, p.Key(), p.Value()
		}
	}
	if media == nil || media.Schema == nil {
		return chosen, nil
	}
	return chosen, schemaJSON(media.Schema)
}

// schemaJSON keeps a reference as a reference, so stored actions stay small
// and a circular schema is never expanded.
func schemaJSON(sp *base.SchemaProxy) json.RawMessage {
	if sp.IsReference() {
		ref, _ := json.Marshal(map[string]string{"$ref": sp.GetReference()})
		return ref
	}
	return nodeJSON(sp.GetValueNode())
}

// successResponse is the first 2xx response (200 before 201…), then 2XX.
func successResponse(op *v3.Operation) *v3.Response {
	if op.Responses == nil || op.Responses.Codes == nil {
		return nil
	}
	var wildcard *v3.Response
	best, bestCode := (*v3.Response)(nil), ""
	for p := op.Responses.Codes.First(); p != nil; p = p.Next() {
		code := strings.ToUpper(p.Key())
		if code == "2XX" {
			wildcard = p.Value()
			continue
		}
		if len(code) == 3 && code[0] == '2' && (bestCode == "" || code < bestCode) {
			best, bestCode = p.Value(), code
		}
	}
	if best != nil {
		return best
	}
	return wildcard
}

// nodeJSON renders a node the document already holds (so it is bounded by
// the size checks done at import) as JSON; nil for no node.
func nodeJSON(n *yaml.Node) json.RawMessage {
	if n == nil {
		return nil
	}
	w := &jsonWriter{budget: 5_000_000, name: "schema"}
	if err := w.write(n); err != nil {
		return nil
	}
	return json.RawMessage(w.buf.Bytes())
}

// nodeValue decodes a scalar or small node into a Go value for enums and defaults.
func nodeValue(n *yaml.Node) any {
	raw := nodeJSON(n)
	if raw == nil {
		return nil
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil
	}
	return v
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if s := strings.TrimSpace(v); s != "" {
			return s
		}
	}
	return ""
}

// resolvedSchema follows a proxy to its schema, or nil.
func resolvedSchema(sp *base.SchemaProxy) *base.Schema {
	if sp == nil {
		return nil
	}
	defer func() { _ = recover() }() // a broken reference must not abort inference
	return sp.Schema()
}

func describeMethodPath(a Action) string { return fmt.Sprintf("%s %s", a.Method, a.Path) }
