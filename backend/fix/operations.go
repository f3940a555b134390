package fix

import (
	"fmt"
	"strings"
	"unicode"

	"integrationstudio/backend/lint"
	"integrationstudio/backend/spec"
)

// fixTrailingSlashes renames "/things/" to "/things". When both exist the
// path items merge; the same method defined on both is a clash left to
// the user.
func fixTrailingSlashes(s *state) {
	paths := spec.Child(s.root, "paths")
	if paths == nil {
		return
	}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		key := paths.Content[i].Value
		if len(key) <= 1 || !strings.HasSuffix(key, "/") {
			continue
		}
		trimmed := strings.TrimRight(key, "/")
		if trimmed == "" {
			trimmed = "/"
		}
		ptr := spec.Pointer("paths", key)
		target := spec.Child(paths, trimmed)
		if target == nil {
			paths.Content[i].Value = trimmed
			s.changed(lint.RulePathTrailingSlash, ptr, "Renamed path %q to %q.", key, trimmed)
			continue
		}
		item := paths.Content[i+1]
		var clashes []string
		for _, m := range httpMethods {
			if spec.Child(item, m) != nil && spec.Child(target, m) != nil {
				clashes = append(clashes, strings.ToUpper(m))
			}
		}
		if len(clashes) > 0 {
			s.cannot(lint.RulePathTrailingSlash, ptr, "Both %q and %q define %s; merge them by hand.", key, trimmed, strings.Join(clashes, ", "))
			continue
		}
		for j := 0; j+1 < len(item.Content); j += 2 {
			k := item.Content[j].Value
			if spec.Child(target, k) == nil {
				set(target, k, item.Content[j+1])
			}
		}
		paths.Content = append(paths.Content[:i], paths.Content[i+2:]...)
		i -= 2
		s.changed(lint.RulePathTrailingSlash, ptr, "Merged path %q into %q.", key, trimmed)
	}
}

func usedOperationIDs(s *state) map[string]bool {
	used := map[string]bool{}
	for _, op := range operations(s.root) {
		if id := strings.TrimSpace(spec.Scalar(spec.Child(op.node, "operationId"))); id != "" {
			used[id] = true
		}
	}
	return used
}

// fixMissingOperationIDs names operations from method and path in
// camelCase: GET /users/{id}/posts → getUsersIdPosts.
func fixMissingOperationIDs(s *state) {
	used := usedOperationIDs(s)
	for _, op := range operations(s.root) {
		if strings.TrimSpace(spec.Scalar(spec.Child(op.node, "operationId"))) != "" {
			continue
		}
		id := unique(operationIDFor(op.method, op.path), used)
		set(op.node, "operationId", str(id), "description", "summary", "tags")
		s.changed(lint.RuleOperationIDMissing, op.pointer(), "Set the operationId of %s to %q.", op.label(), id)
	}
}

// fixDuplicateOperationIDs keeps the first use and numbers the others.
func fixDuplicateOperationIDs(s *state) {
	used := usedOperationIDs(s)
	seen := map[string]bool{}
	for _, op := range operations(s.root) {
		n := spec.Child(op.node, "operationId")
		id := strings.TrimSpace(spec.Scalar(n))
		if id == "" {
			continue
		}
		if !seen[id] {
			seen[id] = true
			continue
		}
		fresh := unique(id, used)
		n.Value = fresh
		seen[fresh] = true
		s.changed(lint.RuleOperationIDDuplicate, op.pointer()+"/operationId", "Renamed the duplicate operationId %q of %s to %q.", id, op.label(), fresh)
	}
}

// unique returns base, or base2, base3… whichever is unused, and marks it used.
func unique(base string, used map[string]bool) string {
	id := base
	for i := 2; used[id]; i++ {
		id = fmt.Sprintf("%s%d", base, i)
	}
	used[id] = true
	return id
}

func operationIDFor(method, path string) string {
	var words []string
	words = append(words, strings.ToLower(method))
	for _, seg := range strings.Split(path, "/") {
		seg = strings.Trim(seg, "{}")
		for _, w := range strings.FieldsFunc(seg, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words = append(words, w)
		}
	}
	var b strings.Builder
	for i, w := range words {
		if i == 0 {
			b.WriteString(w)
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		b.WriteString(string(r))
	}
	return b.String()
}

// fixMissingDescriptions fills info.description from the title and an
// operation's description from its summary.
func fixMissingDescriptions(s *state) {
	if info := spec.Child(s.root, "info"); info != nil && strings.TrimSpace(spec.Scalar(spec.Child(info, "description"))) == "" {
		if title := strings.TrimSpace(spec.Scalar(spec.Child(info, "title"))); title != "" {
			set(info, "description", str(title), "title")
			s.changed(lint.RuleDescriptionMissing, "/info", "Set info.description to the title, %q.", title)
		}
	}
	for _, op := range operations(s.root) {
		if strings.TrimSpace(spec.Scalar(spec.Child(op.node, "description"))) != "" {
			continue
		}
		if summary := strings.TrimSpace(spec.Scalar(spec.Child(op.node, "summary"))); summary != "" {
			set(op.node, "description", str(summary), "summary")
			s.changed(lint.RuleDescriptionMissing, op.pointer(), "Set the description of %s to its summary.", op.label())
		}
	}
}
