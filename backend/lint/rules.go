package lint

import (
	"io"
	"log/slog"
	"slices"
	"sort"
	"strings"

	"github.com/daveshanley/vacuum/model"
	"github.com/daveshanley/vacuum/rulesets"
)

// Spec formats as vacuum names them (model.Rule.Formats, SpecInfo.SpecFormat).
const (
	formatOAS30 = "oas3"
	formatOAS31 = "oas3_1"
)

var discardLogger = slog.New(slog.NewTextHandler(io.Discard, nil))

// recommendedRules returns a fresh copy of vacuum's recommended OpenAPI
// ruleset (fresh so one run can never disturb another), keeping only the rules
// that apply to OpenAPI 3.0 or 3.1 documents: the OpenAPI 2-only rules of the
// set (oas2-*) can never fire on what this package lints.
func recommendedRules() map[string]*model.Rule {
	rs := rulesets.BuildDefaultRuleSetsWithLogger(discardLogger).GenerateOpenAPIRecommendedRuleSet()
	out := make(map[string]*model.Rule, len(rs.Rules))
	for id, r := range rs.Rules {
		if appliesTo(r, formatOAS30) || appliesTo(r, formatOAS31) {
			out[id] = r
		}
	}
	return out
}

// RecommendedRuleIDs returns, sorted, the ids of the rules of vacuum's
// recommended OpenAPI ruleset that apply to OpenAPI 3 documents: the rules
// RunVacuum runs (less any VacuumOptions.Disabled). Vacuum also reports a few
// results under ids that are not rules of the set: resolving-references,
// circular-references, schema-build-failure and index-failure.
func RecommendedRuleIDs() []string {
	rules := recommendedRules()
	ids := make([]string, 0, len(rules))
	for id := range rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// appliesTo says whether vacuum would run r on a document of the given
// format; a rule without formats applies to every document.
func appliesTo(r *model.Rule, format string) bool {
	return len(r.Formats) == 0 || slices.Contains(r.Formats, format)
}

// specFormat names the format of an OpenAPI 3 document the way libopenapi
// does: "3.1.x" is oas3_1, every other 3.x is oas3.
func specFormat(version string) string {
	if strings.HasPrefix(version, "3.1") {
		return formatOAS31
	}
	return formatOAS30
}
