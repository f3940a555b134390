package lint

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dlclark/regexp2"
	"gopkg.in/yaml.v3"

	"integrationstudio/backend/finding"
	"integrationstudio/backend/spec"
)

// Rule ids of the checks for what Rewst's troubleshooting list names (and
// rejects at upload). Each says whether backend/fix can repair it.
const (
	RuleOperationIDMissing   = "operation-id-missing"
	RuleOperationIDDuplicate = "operation-id-duplicate"
	RulePathTrailingSlash    = "path-trailing-slash"
	RuleCircularReference    = "circular-reference" // found while importing (libopenapi)
	RuleInvalidPattern       = "invalid-pattern"
	RuleRequiredUndefined    = "required-property-undefined"
	RuleDescriptionMissing   = "description-missing"
	RuleNoServers            = "no-servers"
	RuleNoSecurityScheme     = "no-security-scheme"
)

// httpMethods are the operation keys of a path item.
var httpMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// maxWalkDepth bounds the schema walk; import already refuses deeper files.
const maxWalkDepth = 1000

// CheckRewst runs the Rewst checks over an OpenAPI 3 document tree. Findings
// carry JSON pointers; the caller adds lines. The walks are iterative,
// depth-capped and do not follow YAML aliases (anchors are checked where
// they are defined), so hostile trees cannot loop or recurse.
func CheckRewst(root *yaml.Node) []finding.Finding {
	var out []finding.Finding
	add := func(rule string, sev finding.Severity, fixable bool, pointer, format string, args ...any) {
		out = append(out, finding.Finding{RuleID: rule, Severity: sev, Fixable: fixable, Source: "rewst",
			Pointer: pointer, Message: fmt.Sprintf(format, args...)})
	}
	info := spec.Child(root, "info")
	if strings.TrimSpace(spec.Scalar(spec.Child(info, "description"))) == "" {
		add(RuleDescriptionMissing, finding.Warning, strings.TrimSpace(spec.Scalar(spec.Child(info, "title"))) != "", "/info",
			"The API has no description (info.description).")
	}
	if servers := spec.Child(root, "servers"); servers == nil || len(servers.Content) == 0 {
		add(RuleNoServers, finding.Warning, false, "",
			"The spec names no server (servers, or host in Swagger 2.0), so the hostname must be entered by hand.")
	}
	if schemes := spec.Child(spec.Child(root, "components"), "securitySchemes"); schemes == nil || len(schemes.Content) == 0 {
		add(RuleNoSecurityScheme, finding.Info, false, "",
			"The spec defines no security scheme: choose the auth method from the vendor's documentation (or No Auth).")
	}
	checkOperations(spec.Child(root, "paths"), add)
	checkSchemas(root, add)
	for _, e := range CircularEdges(root) {
		what := fmt.Sprintf("from %s back to %s", e.From, e.To)
		if e.From == e.To {
			what = fmt.Sprintf("%s refers to itself", e.From)
		}
		add(RuleCircularReference, finding.Error, true, e.Pointer,
			"Circular reference: %s. Tools that expand schemas (Rewst among them) reject or loop on it.", what)
	}
	finding.Sort(out)
	return out
}

type addFunc func(rule string, sev finding.Severity, fixable bool, pointer, format string, args ...any)

func checkOperations(paths *yaml.Node, add addFunc) {
	if paths == nil || paths.Kind != yaml.MappingNode {
		return
	}
	firstUse := map[string]string{} // operationId → pointer of its first operation
	for i := 0; i+1 < len(paths.Content); i += 2 {
		path, item := paths.Content[i].Value, paths.Content[i+1]
		pathPtr := spec.Pointer("paths", path)
		if len(path) > 1 && strings.HasSuffix(path, "/") {
			add(RulePathTrailingSlash, finding.Error, true, pathPtr, "Path %q ends with a slash.", path)
		}
		if item.Kind != yaml.MappingNode {
			continue
		}
		for _, m := range httpMethods {
			op := spec.Child(item, m)
			if op == nil || op.Kind != yaml.MappingNode {
				continue
			}
			opPtr := pathPtr + "/" + m
			where := strings.ToUpper(m) + " " + path
			id := strings.TrimSpace(spec.Scalar(spec.Child(op, "operationId")))
			switch {
			case id == "":
				add(RuleOperationIDMissing, finding.Error, true, opPtr, "%s has no operationId.", where)
			case firstUse[id] != "":
				add(RuleOperationIDDuplicate, finding.Error, true, opPtr+"/operationId",
					"operationId %q of %s is already used by %s; operationIds must be unique.", id, where, describeOp(firstUse[id]))
			default:
				firstUse[id] = opPtr
			}
			if strings.TrimSpace(spec.Scalar(spec.Child(op, "description"))) == "" {
				add(RuleDescriptionMissing, finding.Warning, strings.TrimSpace(spec.Scalar(spec.Child(op, "summary"))) != "", opPtr,
					"%s has no description.", where)
			}
		}
	}
}

// describeOp turns "/paths/~1pets/get" back into "GET /pets".
func describeOp(ptr string) string {
	toks := spec.SplitPointer(ptr)
	if len(toks) == 3 {
		return strings.ToUpper(toks[2]) + " " + toks[1]
	}
	return ptr
}

// checkSchemas looks at every object for schema keywords: "pattern" with
// a string value, and "required" lists next to "properties".
func checkSchemas(root *yaml.Node, add addFunc) {
	ForEachMapping(root, "", func(m *yaml.Node, ptr string) {
		checkPattern(m, ptr, add)
		checkRequired(m, ptr, add)
	})
}

// patternTimeout bounds compiling one vendor regex (catastrophic patterns).
const patternTimeout = 100 * time.Millisecond

func checkPattern(schema *yaml.Node, ptr string, add addFunc) {
	p := spec.Child(schema, "pattern")
	if p == nil || p.Kind != yaml.ScalarNode || p.Tag != "!!str" && p.ShortTag() != "!!str" {
		return
	}
	if err := ValidPattern(p.Value); err != nil {
		add(RuleInvalidPattern, finding.Error, true, ptr+"/pattern", "The pattern %q is not a valid regular expression: %v.", p.Value, err)
	}
}

// ValidPattern checks a schema pattern as OpenAPI defines it: an ECMA-262
// regular expression (not Go's RE2, which rejects valid lookaheads).
func ValidPattern(p string) error {
	re, err := regexp2.Compile(p, regexp2.ECMAScript)
	if err != nil {
		return cleanRegexError(err)
	}
	re.MatchTimeout = patternTimeout
	return nil
}

// cleanRegexError keeps the reason ("unterminated [] set") and drops the
// library's prefix and its echo of the pattern, which the message quotes.
func cleanRegexError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "error parsing regexp: ")
	if i := strings.Index(msg, " in `"); i >= 0 {
		msg = msg[:i]
	}
	return fmt.Errorf("%s", msg)
}

func checkRequired(schema *yaml.Node, ptr string, add addFunc) {
	req, props := spec.Child(schema, "required"), spec.Child(schema, "properties")
	if req == nil || req.Kind != yaml.SequenceNode || props == nil || props.Kind != yaml.MappingNode {
		return
	}
	// Composed schemas may define the property in a sibling; only plain objects are judged.
	for _, k := range []string{"allOf", "anyOf", "oneOf", "$ref"} {
		if spec.Child(schema, k) != nil {
			return
		}
	}
	for i, r := range req.Content {
		if r.Kind == yaml.ScalarNode && spec.Child(props, r.Value) == nil {
			add(RuleRequiredUndefined, finding.Error, true, ptr+"/required/"+strconv.Itoa(i),
				"%q is listed as required but is not defined in properties.", r.Value)
		}
	}
}

const schemaRefPrefix = "#/components/schemas/"

// CycleEdge is a $ref that closes a cycle between component schemas.
type CycleEdge struct {
	From, To string     // schema names
	Ref      *yaml.Node // the mapping holding the $ref
	Pointer  string     // where that mapping is
}

// CircularEdges finds, with one iterative depth-first search over the
// component schemas' references, the edges that close cycles: removing
// them all leaves no cycle. A self-reference is an edge from a schema to
// itself.
func CircularEdges(root *yaml.Node) []CycleEdge {
	schemas := spec.Child(spec.Child(root, "components"), "schemas")
	if schemas == nil || schemas.Kind != yaml.MappingNode {
		return nil
	}
	graph := map[string][]CycleEdge{}
	var names []string
	for i := 0; i+1 < len(schemas.Content); i += 2 {
		name := schemas.Content[i].Value
		names = append(names, name)
		ForEachMapping(schemas.Content[i+1], spec.Pointer("components", "schemas", name), func(m *yaml.Node, ptr string) {
			if ref := spec.Scalar(spec.Child(m, "$ref")); strings.HasPrefix(ref, schemaRefPrefix) {
				to := strings.TrimPrefix(ref, schemaRefPrefix)
				graph[name] = append(graph[name], CycleEdge{From: name, To: to, Ref: m, Pointer: ptr})
			}
		})
	}
	const (
		white = iota
		grey
		black
	)
	color := map[string]int{}
	type frame struct {
		name string
		next int
	}
	var out []CycleEdge
	for _, start := range names {
		if color[start] != white {
			continue
		}
		color[start] = grey
		stack := []*frame{{name: start}}
		for len(stack) > 0 {
			top := stack[len(stack)-1]
			edges := graph[top.name]
			if top.next >= len(edges) {
				color[top.name] = black
				stack = stack[:len(stack)-1]
				continue
			}
			e := edges[top.next]
			top.next++
			switch color[e.To] {
			case grey:
				out = append(out, e)
			case white:
				if spec.Child(schemas, e.To) != nil {
					color[e.To] = grey
					stack = append(stack, &frame{name: e.To})
				}
			}
		}
	}
	return out
}

// ForEachMapping visits every mapping under n, iteratively, depth-capped,
// without following aliases.
func ForEachMapping(n *yaml.Node, ptr string, visit func(m *yaml.Node, ptr string)) {
	type item struct {
		node  *yaml.Node
		ptr   string
		depth int
	}
	stack := []item{{n, ptr, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth > maxWalkDepth {
			continue
		}
		switch it.node.Kind {
		case yaml.MappingNode:
			visit(it.node, it.ptr)
			for i := len(it.node.Content) - 2; i >= 0; i -= 2 {
				stack = append(stack, item{it.node.Content[i+1], it.ptr + spec.Pointer(it.node.Content[i].Value), it.depth + 1})
			}
		case yaml.SequenceNode:
			for i := len(it.node.Content) - 1; i >= 0; i-- {
				stack = append(stack, item{it.node.Content[i], it.ptr + "/" + strconv.Itoa(i), it.depth + 1})
			}
		}
	}
}
