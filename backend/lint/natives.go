package lint

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/daveshanley/vacuum/model"
	vacuumUtils "github.com/daveshanley/vacuum/utils"
	v3high "github.com/pb33f/libopenapi/datamodel/high/v3"
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
type nativeRule func(doc *v3high.Document, rule *model.Rule) []model.RuleFunctionResult

const reimplementedReason = "re-implemented for speed: vacuum's version needs the doctor model"

var nativeRules = map[string]nativeRule{
	"no-request-body":       noRequestBody,       // vacuum: functions/openapi/no_request_body.go
	"operation-tags":        operationTags,       // vacuum: functions/openapi/operation_tags.go
	"operation-tag-defined": operationTagDefined, // vacuum: functions/openapi/operation_tag_defined.go
	"path-item-refs":        pathItemRefs,        // vacuum: functions/openapi/path_item_ref.go
	"paths-kebab-case":      pathsKebabCase,      // vacuum: functions/openapi/paths_kebab_case.go
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
