package lint

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/daveshanley/vacuum/model"
	vacuumUtils "github.com/daveshanley/vacuum/utils"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3high "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/datamodel/low"
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
	doc        *v3high.Document
	schemas    []*base.Schema
	parameters []*v3high.Parameter
	headers    []*v3high.Header
	mediaTypes []*v3high.MediaType
}

// onDoc adapts a rule that reads only the document model.
func onDoc(f func(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult) nativeRule {
	return func(m *nativeModel, rule *model.Rule) []model.RuleFunctionResult { return f(m.doc, rule) }
}

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

// componentKeyNode is the key node of name in a low-level components map,
// as vacuum finds it (low.FindItemInOrderedMapWithKey).
func componentKeyNode[T any](name string, m *orderedmap.Map[low.KeyReference[string], low.ValueReference[T]]) *yaml.Node {
	if m == nil {
		return nil
	}
	k, _ := low.FindItemInOrderedMapWithKey(name, m)
	return k.GetKeyNode()
}

// componentDescriptions calls f for every component of one type, in
// document order, with its description and key node.
func componentDescriptions[H any, L any](all *orderedmap.Map[string, H], lowMap *orderedmap.Map[low.KeyReference[string], low.ValueReference[L]],
	description func(H) (string, bool), f func(name, description string, key *yaml.Node)) {
	if all == nil {
		return
	}
	for name, v := range all.FromOldest() {
		if d, ok := description(v); ok {
			f(name, d, componentKeyNode(name, lowMap))
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
