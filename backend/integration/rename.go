package integration

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"integrationstudio/backend/apperr"
)

// RenameTarget is what a regex replace rewrites.
type RenameTarget string

const (
	RenameName        RenameTarget = "name"
	RenameDescription RenameTarget = "description"
	RenameBoth        RenameTarget = "both"
)

// Rename is a regex replace over actions (the seed's "Regex Replace"
// dialog): e.g. pattern `(.*?) Get`, replacement `Get $1` turns
// "Photo Records Get" into "Get Photo Records".
type Rename struct {
	Pattern     string       `json:"pattern"`
	Replacement string       `json:"replacement"`
	Target      RenameTarget `json:"target"`
	IgnoreCase  bool         `json:"ignoreCase"`
	// ActionIDs limits the replace to these actions; absent (nil) means
	// all, and an empty list means none (a "selected" scope with nothing
	// selected must not become "all").
	ActionIDs []string `json:"actionIds,omitempty"`
}

// RenameChange is one field of one action before and after a replace.
type RenameChange struct {
	ActionID string       `json:"actionId"`
	Field    RenameTarget `json:"field"` // name or description
	Before   string       `json:"before"`
	After    string       `json:"after"`
}

// ActionText is what a replace reads of an action.
type ActionText struct {
	ID          string
	Name        string
	Description string
}

// compile checks the rename and returns its regexp, with field errors the
// dialog shows inline.
func (r Rename) compile() (*regexp.Regexp, error) {
	if r.Pattern == "" {
		return nil, apperr.FieldErrorf("pattern", "Enter a pattern to match.")
	}
	switch r.Target {
	case RenameName, RenameDescription, RenameBoth:
	default:
		return nil, apperr.FieldErrorf("target", "Target %q is not one of name, description, both.", r.Target)
	}
	expr := r.Pattern
	if r.IgnoreCase {
		expr = "(?i)" + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		// Go's message names the problem and the offending part, e.g.
		// "missing closing ): `(.*? Get`"; drop its "error parsing regexp:" prefix.
		msg := strings.Replace(strings.TrimPrefix(err.Error(), "error parsing regexp: "), "`(?i)", "`", 1)
		return nil, apperr.FieldErrorf("pattern", "The pattern is not a valid regular expression: %s.", msg)
	}
	if err := checkGroupRefs(r.Replacement, re.NumSubexp()); err != nil {
		return nil, err
	}
	return re, nil
}

// groupRef finds $1, ${1}, ${name} and $name in a replacement; $$ is a
// literal $. (Go reads $name as a named group and inserts nothing.)
var groupRef = regexp.MustCompile(`\$\$|\$\{([^}]*)\}|\$([0-9]+)|\$([A-Za-z_]\w*)`)

// checkGroupRefs refuses a replacement naming a group the pattern lacks:
// Go would silently replace it with nothing.
func checkGroupRefs(replacement string, groups int) error {
	for _, m := range groupRef.FindAllStringSubmatch(replacement, -1) {
		if m[3] != "" {
			return apperr.FieldErrorf("replacement", "%s would insert a group named %q (there are none); write $$ for a dollar sign, e.g. $$%s.", m[0], m[3], m[3])
		}
		ref := m[1] + m[2]
		if m[0] == "$$" || ref == "" {
			continue
		}
		var n int
		if _, err := fmt.Sscanf(ref, "%d", &n); err != nil || fmt.Sprint(n) != ref {
			return apperr.FieldErrorf("replacement", "%s names a group; use numbers ($1, $2…).", m[0])
		}
		if n > groups {
			if groups == 0 {
				return apperr.FieldErrorf("replacement", "%s refers to group %d, but the pattern has no groups; put ( ) around the part to keep.", m[0], n)
			}
			return apperr.FieldErrorf("replacement", "%s refers to group %d, but the pattern has only %d.", m[0], n, groups)
		}
	}
	return nil
}

// expandTemplate turns $1 into ${1} so that "$1x" means group 1 then "x",
// as users of other tools expect (Go would read a group named "1x").
func expandTemplate(replacement string) string {
	return groupRef.ReplaceAllStringFunc(replacement, func(m string) string {
		if m == "$$" || strings.HasPrefix(m, "${") {
			return m
		}
		return "${" + m[1:] + "}"
	})
}

// Preview computes what r would change in actions, in their order, without
// changing anything. Fields that the pattern does not match, or that the
// replace leaves as they were, are not listed.
func (r Rename) Preview(actions []ActionText) ([]RenameChange, error) {
	re, err := r.compile()
	if err != nil {
		return nil, err
	}
	var only map[string]bool
	if r.ActionIDs != nil {
		only = make(map[string]bool, len(r.ActionIDs))
		for _, id := range r.ActionIDs {
			only[id] = true
		}
	}
	template := expandTemplate(r.Replacement)
	changes := []RenameChange{}
	for _, a := range actions {
		if only != nil && !only[a.ID] {
			continue
		}
		for _, f := range []struct {
			field RenameTarget
			value string
		}{{RenameName, a.Name}, {RenameDescription, a.Description}} {
			if r.Target != RenameBoth && r.Target != f.field {
				continue
			}
			after := replaceAll(re, f.value, template)
			if f.field == RenameName {
				after = strings.TrimSpace(after) // as the editor stores names
			}
			if after != f.value {
				changes = append(changes, RenameChange{ActionID: a.ID, Field: f.field, Before: f.value, After: after})
			}
		}
	}
	if err := ValidateRenamed(changes); err != nil {
		return nil, err
	}
	return changes, nil
}

// replaceAll is Regexp.ReplaceAllString with a template in which $1 is
// already ${1}.
func replaceAll(re *regexp.Regexp, s, template string) string {
	var out []byte
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, s[last:m[0]]...)
		out = re.ExpandString(out, template, s, m)
		last = m[1]
	}
	if last == 0 && out == nil {
		return s
	}
	return string(append(out, s[last:]...))
}

// ValidateRenamed checks what a replace would produce against the rules
// for an action's name: not empty, not too long, one line.
func ValidateRenamed(changes []RenameChange) error {
	for _, c := range changes {
		if c.Field != RenameName {
			continue
		}
		switch n := utf8.RuneCountInString(c.After); {
		case strings.TrimSpace(c.After) == "":
			return apperr.FieldErrorf("replacement", "The replace would leave the action %q without a name.", c.Before)
		case n > ActionNameMaxLength:
			return apperr.FieldErrorf("replacement", "The replace would make %q a name of %d characters; the limit is %d.", c.Before, n, ActionNameMaxLength)
		case strings.ContainsFunc(c.After, unicode.IsControl):
			return apperr.FieldErrorf("replacement", "The replace would put a line break or control character in the name of %q.", c.Before)
		}
	}
	return nil
}
