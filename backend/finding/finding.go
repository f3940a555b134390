// Package finding is the shared shape of a problem found in a spec, by the
// importer (syntax, references), the linter (rules) or the fixer.
package finding

import "sort"

// Severity orders findings; "error" blocks a clean import.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

func (s Severity) rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	default:
		return 2
	}
}

// Finding is one problem, located in the OpenAPI 3 document by JSON pointer
// and in the file the user gave by line and column (1-based; 0 = unknown).
type Finding struct {
	RuleID   string   `json:"ruleId"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Pointer  string   `json:"pointer"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
	// Fixable says an automatic fix exists for this finding (backend/fix).
	Fixable bool `json:"fixable"`
	// Source names who found it: "import", "rewst", "vacuum".
	Source string `json:"source"`
}

// Sort orders findings by severity, then position, then rule, so output is
// stable and the worst problems come first.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Severity.rank() != b.Severity.rank() {
			return a.Severity.rank() < b.Severity.rank()
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Pointer < b.Pointer
	})
}

// Counts tallies findings by severity.
type Counts struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Count returns how many findings of each severity fs holds.
func Count(fs []Finding) Counts {
	var c Counts
	for _, f := range fs {
		switch f.Severity {
		case Error:
			c.Errors++
		case Warning:
			c.Warnings++
		default:
			c.Infos++
		}
	}
	return c
}
