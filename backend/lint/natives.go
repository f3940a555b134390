package lint

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/daveshanley/vacuum/model"
	vacuumUtils "github.com/daveshanley/vacuum/utils"
	"github.com/dop251/goja"
	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3high "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/datamodel/low"
	"github.com/pb33f/libopenapi/index"
	"github.com/pb33f/libopenapi/orderedmap"
	libUtils "github.com/pb33f/libopenapi/utils"
	"gopkg.in/yaml.v3"
)

// Re-implementations of vacuum rules whose v0.16.5 functions read the
// pb33f/doctor model, which is by far the most expensive thing vacuum
// builds (docs/benchmarks.md). Each keeps the rule's id, meaning, message
// and location, but reads libopenapi's high-level model of the unresolved
// document instead, which is built anyway: the very objects doctor wraps.
// Parity with vacuum's own function is tested in natives_test.go.
//
// A rule listed here runs in place of vacuum's function; its RuleReport
// carries reimplementedReason.
type nativeRule func(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult

// nativeModel is what the re-implemented rules read: the high-level model
// of the unresolved document (nil if it could not be built) and, met while
// walking it (prewarmSchemas), every schema built, parameter, header and
// media type, in place of DrDocument.Schemas, Parameters, Headers and
// MediaTypes.
type nativeModel struct {
	doc *v3high.Document
	// document and index are the unresolved document and its root index,
	// as vacuum's rules get them (RuleFunctionContext.Document, Index).
	document libopenapi.Document
	index    *index.SpecIndex
	// decoded is the document decoded by encoding/json; positions maps
	// the unresolved document's nodes to JSON pointers (built on first use).
	decoded   any
	positions func() nodeFinder
	schemas   []*base.Schema
	// schemaParents[i] is what holds schemas[i]'s SchemaProxy: the
	// *v3high.Parameter, Header, MediaType or Components, or the
	// *base.Schema, as doctor's SchemaProxy.Parent (nil for anything else).
	schemaParents []any
	// built is the schema of every SchemaProxy met. Rules read it rather
	// than call SchemaProxy.Schema, which builds the schema if it was not
	// yet, racing with vacuum's rules that render it.
	built map[*base.SchemaProxy]*base.Schema
	// byValueNode is the first schema built from each proxy's node: the
	// schema of a proxy inside a schema that was not walked again.
	byValueNode map[*yaml.Node]*base.Schema
	parameters  []*v3high.Parameter
	headers     []*v3high.Header
	mediaTypes  []*v3high.MediaType
}

// onDoc adapts a rule that reads only the document model.
func onDoc(f func(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult) nativeRule {
	return func(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult { return f(m.doc, rule) }
}

const oas3SchemaRule = "oas3-schema"

const reimplementedReason = "re-implemented for speed: vacuum's version needs the doctor model"

var nativeRules = map[string]nativeRule{
	"no-request-body":             onDoc(noRequestBody),        // vacuum: functions/openapi/no_request_body.go
	"operation-tags":              onDoc(operationTags),        // vacuum: functions/openapi/operation_tags.go
	"operation-tag-defined":       onDoc(operationTagDefined),  // vacuum: functions/openapi/operation_tag_defined.go
	"path-item-refs":              onDoc(pathItemRefs),         // vacuum: functions/openapi/path_item_ref.go
	"paths-kebab-case":            onDoc(pathsKebabCase),       // vacuum: functions/openapi/paths_kebab_case.go
	"component-description":       onDoc(componentDescription), // vacuum: functions/openapi/component_descriptions.go
	"info-license-spdx":           onDoc(infoLicenseSPDX),      // vacuum: functions/openapi/info_license_urlspdx.go
	"duplicated-entry-in-enum":    duplicatedEntryInEnum,       // vacuum: functions/openapi/duplicated_enum_entry.go
	"oas3-example-external-check": oas3ExampleExternalCheck,    // vacuum: functions/openapi/examples_external_val.go
	"oas3-missing-example":        oas3MissingExample,          // vacuum: functions/openapi/examples_missing.go
	"oas-schema-check":            oasSchemaCheck,              // vacuum: functions/openapi/schema_type.go
	oas3SchemaRule:                oas3Schema,                  // vacuum: functions/openapi/oas_schema.go
	"oas3-valid-schema-example":   oas3ValidSchemaExample,      // vacuum: functions/openapi/examples_schema.go
	"no-ambiguous-paths":          noAmbiguousPaths,            // vacuum: functions/openapi/no_ambiguous_paths.go
}

// forEachOperation calls f for every operation of every path item, in
// document order.
func forEachOperation(doc *v3high.Document, f func(path, method string, op *v3high.Operation)) {
	if doc == nil || doc.Paths == nil || doc.Paths.PathItems == nil {
		return
	}
	for path, item := range doc.Paths.PathItems.FromOldest() {
		if item == nil {
			continue
		}
		for method, op := range item.GetOperations().FromOldest() {
			if op != nil {
				f(path, method, op)
			}
		}
	}
}

func noRequestBody(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	forEachOperation(doc, func(path, method string, op *v3high.Operation) {
		if (strings.EqualFold(method, "GET") || strings.EqualFold(method, "DELETE")) && op.RequestBody != nil {
			out = append(out, model.RuleFunctionResult{
				Message: vacuumUtils.SuppliedOrDefault(rule.Message,
					fmt.Sprintf("`%s` operation should not have a requestBody defined", strings.ToUpper(method))),
				StartNode: op.GoLow().KeyNode,
				Path:      fmt.Sprintf("$.paths['%s'].%s", path, method),
				Rule:      rule,
			})
		}
	})
	return out
}

func operationTags(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	forEachOperation(doc, func(path, method string, op *v3high.Operation) {
		if len(op.Tags) == 0 {
			out = append(out, model.RuleFunctionResult{
				Message: vacuumUtils.SuppliedOrDefault(rule.Message,
					fmt.Sprintf("tags for `%s` operation are missing", strings.ToUpper(method))),
				StartNode: op.GoLow().KeyNode,
				Path:      fmt.Sprintf("$.paths['%s'].%s", path, method),
				Rule:      rule,
			})
		}
	})
	return out
}

func operationTagDefined(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	if doc == nil {
		return nil
	}
	global := map[string]bool{}
	for _, t := range doc.Tags {
		if t != nil {
			global[t.Name] = true
		}
	}
	var out []model.RuleFunctionResult
	forEachOperation(doc, func(path, method string, op *v3high.Operation) {
		for i, tag := range op.Tags {
			if global[tag] {
				continue
			}
			r := model.RuleFunctionResult{
				Message: vacuumUtils.SuppliedOrDefault(rule.Message,
					fmt.Sprintf("tag `%s` for `%s` operation is not defined as a global tag", tag, strings.ToUpper(method))),
				Path: fmt.Sprintf("$.paths['%s'].%s.tags[%v]", path, method, i),
				Rule: rule,
			}
			if low := op.GoLow(); low != nil && i < len(low.Tags.Value) {
				r.StartNode = low.Tags.Value[i].ValueNode
			}
			out = append(out, r)
		}
	})
	return out
}

func pathItemRefs(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	if doc == nil || doc.Paths == nil || doc.Paths.PathItems == nil {
		return nil
	}
	var out []model.RuleFunctionResult
	for path, item := range doc.Paths.PathItems.FromOldest() {
		if item == nil || item.GoLow() == nil || !item.GoLow().IsReference() {
			continue
		}
		out = append(out, model.RuleFunctionResult{
			Message: vacuumUtils.SuppliedOrDefault(rule.Message,
				fmt.Sprintf("path `%s` item uses a $ref, it's technically allowed, but not a great idea", path)),
			StartNode: item.GoLow().KeyNode,
			Path:      fmt.Sprintf("$.paths['%s']", path),
			Rule:      rule,
		})
	}
	return out
}

// The same expressions as vacuum's checkPathCase.
var (
	pathKebabCaseRegex = regexp.MustCompile(`^[{}a-z\d-.]+$`)
	pathVariableRegex  = regexp.MustCompile(`^\{(\w.*)}\.?.*$`)
)

func pathsKebabCase(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	if doc == nil || doc.Paths == nil || doc.Paths.PathItems == nil {
		return nil
	}
	var out []model.RuleFunctionResult
	for path, item := range doc.Paths.PathItems.FromOldest() {
		if item == nil {
			continue
		}
		var bad []string
		segs := strings.Split(path, "/")
		if len(segs) > 0 {
			segs = segs[1:]
		}
		for _, seg := range segs {
			if seg != "" && !pathKebabCaseRegex.MatchString(seg) && !pathVariableRegex.MatchString(seg) {
				bad = append(bad, seg)
			}
		}
		if len(bad) == 0 {
			continue
		}
		r := model.RuleFunctionResult{
			Message: vacuumUtils.SuppliedOrDefault(rule.Message,
				fmt.Sprintf("path segments `%s` do not use kebab-case", strings.Join(bad, "`, `"))),
			Path: fmt.Sprintf("$.paths['%s']", path),
			Rule: rule,
		}
		if item.GoLow() != nil {
			r.StartNode = item.GoLow().KeyNode
		}
		out = append(out, r)
	}
	return out
}

// ruleOptions are the function options of a rule's (first) action, as
// vacuum's runner passes them in RuleFunctionContext.Options.
func ruleOptions(rule *model.Rule) map[string]string {
	switch then := rule.Then.(type) {
	case model.RuleAction:
		return libUtils.ConvertInterfaceIntoStringMap(then.FunctionOptions)
	case *model.RuleAction:
		return libUtils.ConvertInterfaceIntoStringMap(then.FunctionOptions)
	}
	return map[string]string{}
}

// componentKeyNodes indexes the key nodes of a low-level components map
// the way vacuum finds one (low.FindItemInOrderedMapWithKey): the first key
// equal to the name under strings.EqualFold. Looking each name up in the
// list instead is quadratic (3 s on Microsoft Graph beta's components).
func componentKeyNodes[T any](m *orderedmap.Map[low.KeyReference[string], low.ValueReference[T]]) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	for pair := orderedmap.First(m); pair != nil; pair = pair.Next() {
		k := pair.Key()
		if f := foldKey(k.Value); out[f] == nil {
			out[f] = k.GetKeyNode()
		}
	}
	return out
}

// foldKey maps every string strings.EqualFold deems equal to one key: each
// rune becomes the smallest rune of its case-folding orbit.
func foldKey(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s) // the smallest rune of an ASCII letter's orbit is its upper case (K and S too)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// componentDescriptions calls f for every component of one type, in
// document order, with its description and key node.
func componentDescriptions[H any, L any](all *orderedmap.Map[string, H], lowMap *orderedmap.Map[low.KeyReference[string], low.ValueReference[L]],
	description func(H) (string, bool), f func(name, description string, key *yaml.Node)) {
	if all == nil {
		return
	}
	var keys map[string]*yaml.Node
	if lowMap != nil {
		keys = componentKeyNodes(lowMap)
	}
	for name, v := range all.FromOldest() {
		if d, ok := description(v); ok {
			f(name, d, keys[foldKey(name)])
		}
	}
}

func componentDescription(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	if doc == nil || doc.Components == nil || doc.Components.GoLow() == nil {
		return nil
	}
	minWords, _ := strconv.Atoi(ruleOptions(rule)["minWords"])
	var out []model.RuleFunctionResult
	check := func(componentType string) func(name, description string, key *yaml.Node) {
		return func(name, description string, key *yaml.Node) {
			var msg string
			if description == "" {
				msg = fmt.Sprintf("`%s` component `%s` is missing a description", componentType, name)
			} else if len(strings.Split(description, " ")) < minWords {
				msg = fmt.Sprintf("`%s` component `%s` description must be at least `%d` words long", componentType, name, minWords)
			} else {
				return
			}
			out = append(out, model.RuleFunctionResult{
				Message:   vacuumUtils.SuppliedOrDefault(rule.Message, msg),
				StartNode: key,
				EndNode:   vacuumUtils.BuildEndNode(key),
				Path:      fmt.Sprintf("$.components.%s['%s']", componentType, name),
				Rule:      rule,
			})
		}
	}
	c, lc := doc.Components, doc.Components.GoLow()
	componentDescriptions(c.Schemas, lc.Schemas.Value, func(v *base.SchemaProxy) (string, bool) {
		if v == nil {
			return "", false
		}
		if s := v.Schema(); s != nil {
			return s.Description, true
		}
		return "", false
	}, check("schemas"))
	componentDescriptions(c.Parameters, lc.Parameters.Value, func(v *v3high.Parameter) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("parameters"))
	componentDescriptions(c.RequestBodies, lc.RequestBodies.Value, func(v *v3high.RequestBody) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("requestBodies"))
	componentDescriptions(c.Responses, lc.Responses.Value, func(v *v3high.Response) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("responses"))
	componentDescriptions(c.Examples, lc.Examples.Value, func(v *base.Example) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("examples"))
	componentDescriptions(c.Headers, lc.Headers.Value, func(v *v3high.Header) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("headers"))
	componentDescriptions(c.Links, lc.Links.Value, func(v *v3high.Link) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("links"))
	componentDescriptions(c.SecuritySchemes, lc.SecuritySchemes.Value, func(v *v3high.SecurityScheme) (string, bool) {
		if v == nil {
			return "", false
		}
		return v.Description, true
	}, check("securitySchemes"))
	return out
}

func infoLicenseSPDX(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult {
	if doc == nil || doc.Info == nil || doc.Info.License == nil {
		return nil
	}
	l := doc.Info.License
	if l.Identifier == "" || l.URL == "" {
		return nil
	}
	r := model.RuleFunctionResult{
		Message: vacuumUtils.SuppliedOrDefault(rule.Message,
			"`license` must contain either a `url` or an `identifier`, not both"),
		Path: "$.info.license",
		Rule: rule,
	}
	if low := l.GoLow(); low != nil {
		r.StartNode = low.KeyNode
		r.EndNode = vacuumUtils.BuildEndNode(low.KeyNode)
	}
	return []model.RuleFunctionResult{r}
}

// duplicatedEntryInEnum reports, like vacuum, each duplicate in each
// schema's enum, at the enum's key. Vacuum walks doctor's list of schemas
// (one per schema node); here every schema built is seen, once per enum.
func duplicatedEntryInEnum(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	seen := map[*yaml.Node]bool{}
	for _, s := range m.schemas {
		if s == nil || s.Enum == nil || s.GoLow() == nil {
			continue
		}
		node := s.GoLow().Enum.KeyNode
		if node != nil {
			if seen[node] {
				continue
			}
			seen[node] = true
		}
		for _, dup := range libUtils.CheckEnumForDuplicates(s.Enum) {
			out = append(out, model.RuleFunctionResult{
				Message:   fmt.Sprintf("enum contains a duplicate: `%s`", dup.Value),
				StartNode: node,
				EndNode:   vacuumUtils.BuildEndNode(node),
				// Vacuum's path is doctor's path to the schema; the
				// finding is placed by StartNode, so the root will do.
				Path: "$",
				Rule: rule,
			})
		}
	}
	return out
}

// oas3ExampleExternalCheck reports, like vacuum, every example of a
// parameter, header or media type that has both a value and an
// externalValue, at the example.
func oas3ExampleExternalCheck(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	check := func(kind string, examples *orderedmap.Map[string, *base.Example]) {
		if examples == nil {
			return
		}
		for _, ex := range examples.FromOldest() {
			if ex == nil || ex.Value == nil || ex.ExternalValue == "" {
				continue
			}
			r := model.RuleFunctionResult{
				Message: vacuumUtils.SuppliedOrDefault(rule.Message,
					kind+" example contains both `externalValue` and `value`"),
				// Vacuum's path is doctor's path to the example; the
				// finding is placed by StartNode, so the root will do.
				Path: "$",
				Rule: rule,
			}
			if low := ex.GoLow(); low != nil {
				r.StartNode = low.RootNode
				r.EndNode = vacuumUtils.BuildEndNode(low.RootNode)
			}
			out = append(out, r)
		}
	}
	for _, p := range m.parameters {
		check("parameter", p.Examples)
	}
	for _, h := range m.headers {
		check("header", h.Examples)
	}
	for _, mt := range m.mediaTypes {
		check("media type", mt.Examples)
	}
	return out
}

// omLen is the length of a possibly nil ordered map.
func omLen[K comparable, V any](m *orderedmap.Map[K, V]) int {
	if m == nil {
		return 0
	}
	return m.Len()
}

// exampleNodeNull is vacuum's isExampleNodeNull: no node, or any nil or
// null one.
func exampleNodeNull(nodes ...*yaml.Node) bool {
	if len(nodes) == 0 {
		return true
	}
	for _, n := range nodes {
		if n == nil || n.Tag == "!!null" {
			return true
		}
	}
	return false
}

func schemaHasType(s *base.Schema, types ...string) bool {
	if s == nil {
		return false
	}
	for _, t := range types {
		if slices.Contains(s.Type, t) {
			return true
		}
	}
	return false
}

// exampleExempt is what vacuum's oasExampleMissing skips a schema for: a
// boolean, enum, number or string schema.
func exampleExempt(s *base.Schema) bool {
	return s != nil && (len(s.Enum) > 0 || schemaHasType(s, "boolean", "string", "number", "integer"))
}

// itemsEnum reports whether s's items are a schema with an enum.
func (m *nativeModel) itemsEnum(s *base.Schema) bool {
	if s == nil || s.Items == nil || !s.Items.IsA() || s.Items.A == nil {
		return false
	}
	is := m.schemaOf(s.Items.A)
	return is != nil && len(is.Enum) > 0
}

// exampleCheckProps is vacuum's checkProps: the schema, or its first
// property (recursively), has an example.
func (m *nativeModel) exampleCheckProps(s *base.Schema) bool {
	if s == nil {
		return false
	}
	if len(s.Examples) > 0 || s.Example != nil {
		return true
	}
	if s.Properties != nil {
		for _, p := range s.Properties.FromOldest() {
			return m.exampleCheckProps(m.schemaOf(p))
		}
	}
	return false
}

// firstPropWithoutExample is the first property of s for which
// exampleCheckProps fails, as vacuum reports it.
func (m *nativeModel) firstPropWithoutExample(s *base.Schema) (name string, key *yaml.Node, ok bool) {
	if s == nil || s.Properties == nil {
		return "", nil, false
	}
	for k, v := range s.Properties.FromOldest() {
		if !m.exampleCheckProps(m.schemaOf(v)) {
			if low := s.GoLow(); low != nil && low.Properties.Value != nil {
				for lk := range low.Properties.Value.KeysFromOldest() {
					if lk.Value == k {
						key = lk.KeyNode
					}
				}
			}
			return k, key, true
		}
	}
	return "", nil, false
}

// positionHash is vacuum's hash of a model object's key node.
func positionHash(o interface {
	GetIndex() *index.SpecIndex
	GetKeyNode() *yaml.Node
}) string {
	var path string
	if idx := o.GetIndex(); idx != nil {
		path = idx.GetSpecAbsolutePath()
	}
	line, col := 0, 0
	if n := o.GetKeyNode(); n != nil {
		line, col = n.Line, n.Column
	}
	return fmt.Sprintf("%s:%d:%d", path, line, col)
}

// exampleNode is where vacuum places a missing example: the object, or its
// key when that is on the line above.
func exampleNode(root, key *yaml.Node) *yaml.Node {
	if key != nil && root != nil && key.Line == root.Line-1 {
		return key
	}
	return root
}

// schemaExampleSkipped is the common part of vacuum's checks of a schema
// (of a parameter, header, media type or on its own): true when it has
// examples, is a boolean, enum, number or string, has a const or default,
// has no type or has items with an enum.
func (m *nativeModel) schemaExampleSkipped(s *base.Schema) bool {
	return s.Examples != nil || s.Example != nil || exampleExempt(s) ||
		s.Const != nil || s.Default != nil || len(s.Type) == 0 || m.itemsEnum(s)
}

// oas3MissingExample follows vacuum's oasExampleMissing on every
// parameter, header, media type and schema met, in document order. Vacuum
// walks doctor's lists in the order its goroutines filled them, and both
// stops at the first parameter with content examples and checks a schema
// only if no schema with the same parent "hash" was checked before (all
// schemas nested in schemas share one; all component schemas another), so
// which of those it reports changes from run to run; here it is the first
// in document order. natives_test.go compares the findings that do not
// depend on that order.
func oas3MissingExample(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	add := func(msg, path string, node *yaml.Node) {
		out = append(out, model.RuleFunctionResult{
			Message:   vacuumUtils.SuppliedOrDefault(rule.Message, msg),
			StartNode: node,
			EndNode:   vacuumUtils.BuildEndNode(node),
			// Vacuum's path is doctor's path to the object; the finding
			// is placed by StartNode, so the root will do.
			Path: path,
			Rule: rule,
		})
	}
	seen := map[string]bool{}

params:
	for _, p := range m.parameters {
		low := p.GoLow()
		if low == nil {
			continue
		}
		if p.Schema != nil {
			s := m.schemaOf(p.Schema)
			if s == nil || m.schemaExampleSkipped(s) {
				continue
			}
		}
		if p.Content != nil {
			for _, mt := range p.Content.FromOldest() {
				if mt != nil && omLen(mt.Examples) > 0 {
					seen[positionHash(low)] = true
					break params
				}
			}
		}
		if omLen(p.Examples) == 0 && exampleNodeNull(p.Example) {
			node := exampleNode(low.RootNode, low.KeyNode)
			if node == low.KeyNode && node != nil && node.Value == "parameters" {
				// The first of a list of parameters: its key node is the
				// list's, and vacuum's JSONPath, inside it, places the
				// finding at the parameter.
				node = low.RootNode
			}
			add("parameter is missing `examples` or `example`", "$", node)
		} else {
			seen[positionHash(low)] = true
		}
	}

	for _, h := range m.headers {
		low := h.GoLow()
		if low == nil || h.Schema == nil {
			continue
		}
		if s := m.schemaOf(h.Schema); s == nil || m.schemaExampleSkipped(s) {
			continue
		}
		if omLen(h.Examples) == 0 && exampleNodeNull(h.Example) {
			add("header is missing `examples` or `example`", "$", exampleNode(low.RootNode, low.KeyNode))
		} else {
			seen[positionHash(low)] = true
		}
	}

	for _, mt := range m.mediaTypes {
		low := mt.GoLow()
		if low == nil {
			continue
		}
		var s *base.Schema
		if mt.Schema != nil {
			s = m.schemaOf(mt.Schema)
			if s != nil && (s.Examples != nil || s.Example != nil || exampleExempt(s) || s.Const != nil || s.Default != nil) {
				continue
			}
		}
		hasProps := s != nil && omLen(s.Properties) > 0
		propName, propKey, propErr := m.firstPropWithoutExample(s)
		if hasProps && propErr {
			add(fmt.Sprintf("media type schema property `%s` is missing `examples` or `example`", propName), "$", propKey)
		}
		seen[positionHash(low)] = true
		if (!hasProps || propErr) && omLen(mt.Examples) == 0 && exampleNodeNull(mt.Example) {
			add("media type is missing `examples` or `example`", "$", exampleNode(low.RootNode, low.KeyNode))
		}
	}

	for i, s := range m.schemas {
		if s == nil || exampleExempt(s) || s.Const != nil || s.Default != nil || len(s.Type) == 0 || m.itemsEnum(s) {
			continue
		}
		var hash string
		parent := m.schemaParents[i]
		switch p := parent.(type) {
		case *v3high.Parameter:
			if p.GoLow() != nil {
				hash = positionHash(p.GoLow())
			}
		case *v3high.Header:
			if p.GoLow() != nil {
				hash = positionHash(p.GoLow())
			}
		case *v3high.MediaType:
			if p.GoLow() != nil {
				hash = positionHash(p.GoLow())
			}
		case *v3high.Components:
			if p.GoLow() != nil {
				hash = positionHash(p.GoLow())
			}
		}
		if seen[hash] {
			continue
		}
		seen[hash] = true
		if pp, ok := parent.(*base.Schema); ok && pp != nil &&
			(pp.Example != nil || pp.Examples != nil || exampleExempt(pp) || len(pp.Type) == 0 || m.itemsEnum(pp)) {
			continue
		}
		hasProps := omLen(s.Properties) > 0
		propName, propKey, propErr := m.firstPropWithoutExample(s)
		if hasProps && propErr {
			add(fmt.Sprintf("schema property `%s` is missing `examples` or `example`", propName), "$", propKey)
		}
		if (!hasProps || propErr) && exampleNodeNull(s.Examples...) && exampleNodeNull(s.Example) {
			var node *yaml.Node
			if s.ParentProxy != nil {
				node = s.ParentProxy.GetSchemaKeyNode()
			}
			add("schema is missing `examples` or `example`", "$", node)
		}
	}
	return out
}

// oasSchemaCheck follows vacuum's schemaTypeCheck on every schema met:
// the keywords of each type must make sense (non-negative lengths, max not
// below min, a pattern JavaScript can compile, required properties that
// exist), and the type must be known.
func oasSchemaCheck(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult {
	var out []model.RuleFunctionResult
	seen := map[*base.Schema]bool{}
	for _, s := range m.schemas {
		if s == nil || s.GoLow() == nil || seen[s] {
			continue
		}
		seen[s] = true
		low := s.GoLow()
		add := func(msg string, node *yaml.Node) {
			out = append(out, model.RuleFunctionResult{
				Message:   msg,
				StartNode: node,
				EndNode:   vacuumUtils.BuildEndNode(node),
				// Vacuum's path is doctor's path to the schema; the
				// finding is placed by StartNode, so the root will do.
				Path: "$",
				Rule: rule,
			})
		}
		for _, t := range s.Type {
			switch t {
			case "string":
				if s.MinLength != nil && *s.MinLength < 0 {
					add("`minLength` should be a non-negative number", low.MinLength.KeyNode)
				}
				if s.MaxLength != nil {
					if *s.MaxLength < 0 {
						add("`maxLength` should be a non-negative number", low.MaxLength.KeyNode)
					}
					if s.MinLength != nil && *s.MinLength > *s.MaxLength {
						add("`maxLength` should be greater than or equal to `minLength`", low.MaxLength.KeyNode)
					}
				}
				if s.Pattern != "" {
					script := strings.Replace("const regex = new RegExp('{pattern}');", "{pattern}", s.Pattern, 1)
					if _, err := goja.New().RunString(script); err != nil {
						add("schema `pattern` should be a ECMA-262 regular expression dialect", low.Pattern.KeyNode)
					}
				}
			case "integer", "number":
				if s.MultipleOf != nil && *s.MultipleOf <= 0 {
					add("`multipleOf` should be a number greater than `0`", low.MultipleOf.KeyNode)
				}
				if s.Maximum != nil && s.Minimum != nil && *s.Maximum < *s.Minimum {
					add("`maximum` should be a number greater than or equal to `minimum`", low.Maximum.KeyNode)
				}
				if s.ExclusiveMaximum != nil && s.ExclusiveMinimum != nil &&
					s.ExclusiveMinimum.IsB() && s.ExclusiveMinimum.B > s.ExclusiveMaximum.B {
					add("`exclusiveMaximum` should be greater than or equal to `exclusiveMinimum`", low.ExclusiveMaximum.KeyNode)
				}
			case "boolean", "null":
			case "array":
				if s.MinItems != nil && *s.MinItems < 0 {
					add("`minItems` should be a non-negative number", low.MinItems.KeyNode)
				}
				if s.MaxItems != nil {
					if *s.MaxItems < 0 {
						add("`maxItems` should be a non-negative number", low.MaxItems.KeyNode)
					}
					if s.MinItems != nil && *s.MinItems > *s.MaxItems {
						add("`maxItems` should be greater than or equal to `minItems`", low.MaxItems.KeyNode)
					}
				}
				if s.MinContains != nil && *s.MinContains < 0 {
					add("`minContains` should be a non-negative number", low.MinContains.KeyNode)
				}
				if s.MaxContains != nil {
					if *s.MaxContains < 0 {
						add("`maxContains` should be a non-negative number", low.MaxContains.KeyNode)
					}
					if s.MinContains != nil && *s.MinContains > *s.MaxContains {
						add("`maxContains` should be greater than or equal to `minContains`", low.MaxContains.KeyNode)
					}
				}
			case "object":
				if s.MinProperties != nil && *s.MinProperties < 0 {
					add("`minProperties` should be a non-negative number", low.MinProperties.KeyNode)
				}
				if s.MaxProperties != nil {
					if *s.MaxProperties < 0 {
						add("`maxProperties` should be a non-negative number", low.MaxProperties.KeyNode)
					}
					if s.MinProperties != nil && *s.MinProperties > *s.MaxProperties {
						add("`maxProperties` should be greater than or equal to `minProperties`", low.MaxProperties.KeyNode)
					}
				}
				for i, required := range s.Required {
					polyFound, polyDefined := false, false
					for _, group := range [][]*base.SchemaProxy{s.AnyOf, s.OneOf, s.AllOf} {
						for _, sp := range group {
							if ps := m.schemaOf(sp); ps != nil && ps.Properties != nil {
								polyFound = true
								if ps.Properties.GetOrZero(required) != nil {
									polyDefined = true
								}
							}
						}
					}
					// Vacuum names required[i]: the finding is on that item.
					node := low.Required.KeyNode
					if v := low.Required.ValueNode; v != nil && i < len(v.Content) {
						node = v.Content[i]
					}
					if s.Properties == nil && !polyFound {
						add("object contains `required` fields but no `properties`", node)
						break
					}
					if s.Properties != nil && s.Properties.GetOrZero(required) == nil && !polyDefined {
						add(fmt.Sprintf("`required` field `%s` is not defined in `properties`", required), node)
					}
				}
			default:
				out = append(out, model.RuleFunctionResult{
					Message:   fmt.Sprintf("unknown schema type: `%s`", t),
					StartNode: low.Type.KeyNode,
					EndNode:   vacuumUtils.BuildEndNode(low.Type.KeyNode),
					Path:      "$",
					Rule:      rule,
				})
			}
		}
	}
	return out
}

// schemaOf is the schema of sp met by prewarmSchemas (nil if it was not
// met or could not be built).
func (m *nativeModel) schemaOf(sp *base.SchemaProxy) *base.Schema {
	if sp == nil {
		return nil
	}
	if s, ok := m.built[sp]; ok {
		return s
	}
	if low := sp.GoLow(); low != nil && low.GetValueNode() != nil {
		return m.byValueNode[low.GetValueNode()]
	}
	return nil
}
