package paginate

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/theory/jsonpath"

	"integrationstudio/backend/apperr"
)

// Validate returns the first problem ValidateAll finds, or nil.
func (c Config) Validate() error {
	if errs := ValidateAll(c); len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// ValidateAll returns every problem of c, each an *apperr.Error whose Field
// is "pagination.<json name>", in form order so the first is the one a user
// meets first. It judges c as it would be stored, c.Normalized(): details
// of another type are dropped on save, so they are not reported.
func ValidateAll(c Config) []error {
	return ValidateAllAt("pagination", c)
}

// ValidateAllAt is ValidateAll with fields named under prefix, for an
// action's override: validate Effective(integration, override) at e.g.
// "actions.list_users.pagination".
func ValidateAllAt(prefix string, c Config) []error {
	n := c.Normalized()
	if label(n.Type) == "" {
		return []error{apperr.FieldErrorf(prefix+".type",
			"Pagination type %q is not one of none, index, page, link, pointer.%s", strings.TrimSpace(string(c.Type)), typeHint(n.Type))}
	}
	var out []error
	for _, f := range Fields(n.Type, n.LinkLocation) {
		if msg := n.check(f); msg != "" {
			out = append(out, apperr.FieldErrorf(prefix+"."+f.Name, "%s", msg))
		}
	}
	return out
}

// typeHint maps words vendors' documentation uses onto the type that
// handles them, since a consultant often types the vendor's word.
func typeHint(t Type) string {
	var want Type
	switch t {
	case "offset", "start", "skip", "from":
		want = Index
	case "page_number", "pages", "paged":
		want = Page
	case "next", "next_link", "url", "header", "body":
		want = Link
	case "cursor", "token", "after", "next_token", "starting_after":
		want = Pointer
	case "off", "false", "no", "single":
		want = None
	default:
		return ""
	}
	return fmt.Sprintf(" For %s-style paging choose %q.", t, want)
}

// check returns the problem with detail f of the normalized config c, or "".
func (c Config) check(f Field) string {
	switch f.Name {
	case "results_key":
		if c.ResultsKey == "" {
			// Empty: the response itself is the array (GitHub's API, for one).
			return ""
		}
		return checkKeyPath(f.Label, c.ResultsKey)
	case "page_size_param":
		return checkParam(f.Label, c.PageSizeParam)
	case "default_page_size":
		return checkRange(f.Label, c.DefaultPageSize, MaxPageSize, "for the vendor's default")
	case "default_page_limit":
		return checkRange(f.Label, c.DefaultPageLimit, MaxPageLimit, "for no limit")
	case "index_param":
		return required(f.Label, c.IndexParam, "the query parameter that takes the starting index, e.g. offset", c.Type, checkParam)
	case "page_param":
		return required(f.Label, c.PageParam, "the query parameter that takes the page number, e.g. page", c.Type, checkParam)
	case "page_start":
		return checkRange(f.Label, c.PageStart, MaxPageStart, "to start at 1")
	case "after_param":
		return required(f.Label, c.AfterParam, "the query parameter that takes the cursor, e.g. after", c.Type, checkParam)
	case "pointer_path":
		return required(f.Label, c.PointerPath, "the JSONPath to the cursor in the response, e.g. $.meta.next_cursor", c.Type, checkPointerPath)
	case "link_location":
		switch c.LinkLocation {
		case Body, Header:
			return ""
		case "":
			return "Next link location is required for Link pagination: choose body (the JSON response body) or header (a response header)."
		}
		return fmt.Sprintf("Next link location %q is not one of body, header.", c.LinkLocation)
	case "link_header_rel":
		return checkRel(f.Label, c.LinkHeaderRel)
	case "link_header_name":
		return checkHeaderName(f.Label, c.LinkHeaderName)
	case "next_page_key":
		if c.NextPageKey == "" && c.LinkLocation == Body {
			return "Next page key is required when the next link is in the response body: enter the path to the link in the JSON body, e.g. next or links.next."
		}
		return checkKeyPath(f.Label, c.NextPageKey)
	}
	return ""
}

// required reports an empty detail the type needs, else what check says.
func required(name, v, what string, t Type, check func(name, v string) string) string {
	if v == "" {
		return fmt.Sprintf("%s is required for %s pagination: enter %s.", sentence(name), label(t), what)
	}
	return check(name, v)
}

// sentence turns a form label into the subject of a message: "Index Param"
// reads "Index param"; acronyms such as JSONPath stay as they are.
func sentence(label string) string {
	words := strings.Fields(label)
	for i := 1; i < len(words); i++ {
		if w := words[i]; w[1:] == strings.ToLower(w[1:]) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// checkRange allows zero (unset) or 1..max.
func checkRange(name string, v, max int, unset string) string {
	if v == 0 || (v >= 1 && v <= max) {
		return ""
	}
	return fmt.Sprintf("%s is %d; it must be between 1 and %d, or empty %s.", sentence(name), v, max, unset)
}

// checkParam refuses names that would not survive as one name in a query
// string. An empty name is fine here; callers decide what is required.
func checkParam(name, v string) string {
	for _, r := range v {
		var why string
		switch {
		case unicode.IsSpace(r):
			return fmt.Sprintf("%s %q is not a valid query parameter name: it contains a space.", sentence(name), v)
		case unicode.IsControl(r):
			why = "is a control character"
		case r == '&':
			why = "separates query parameters"
		case r == '=':
			why = "separates a parameter's name from its value"
		case r == '?':
			why = "starts the query string"
		case r == '#':
			why = "starts the URL fragment"
		default:
			continue
		}
		return fmt.Sprintf("%s %q is not a valid query parameter name: it contains %q, which %s.", sentence(name), v, r, why)
	}
	return ""
}

// checkKeyPath checks a dotted path of object keys such as results.foo.
// Array indexes are refused: the seed's paths are keys separated by dots,
// and a syntax Rewst may not evaluate would only fail after export.
func checkKeyPath(name, v string) string {
	if v == "" {
		return ""
	}
	s := sentence(name)
	if strings.HasPrefix(v, "$") {
		fix := strings.TrimLeft(strings.TrimPrefix(v, "$"), ".")
		if fix == "" {
			fix = "results"
		}
		return fmt.Sprintf("%s %q is a JSONPath; write keys separated by dots without the $, e.g. %s.", s, v, fix)
	}
	if strings.ContainsAny(v, "[]") {
		return fmt.Sprintf("%s %q has an array index; use object keys separated by dots only, e.g. results.foo.", s, v)
	}
	if strings.IndexFunc(v, unicode.IsSpace) >= 0 {
		return fmt.Sprintf("%s %q contains a space; keys separated by dots cannot contain spaces.", s, v)
	}
	for _, key := range strings.Split(v, ".") {
		if key == "" {
			return fmt.Sprintf("%s %q has an empty key; remove the stray dot.", s, v)
		}
	}
	return ""
}

// checkRel accepts one link relation type. Whitespace would make it a list
// and the others delimit the Link header's parameters.
func checkRel(name, v string) string {
	if i := strings.IndexFunc(v, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(`"<>;,`, r) }); i >= 0 {
		return fmt.Sprintf("%s %q is not a single link relation: it contains %q; enter one, e.g. next.", sentence(name), v, []rune(v[i:])[0])
	}
	return ""
}

// checkHeaderName accepts an RFC 9110 field name (a token).
func checkHeaderName(name, v string) string {
	for _, r := range v {
		if !isTokenChar(r) {
			return fmt.Sprintf("%s %q is not a valid HTTP header name: it contains %q; use letters, digits and !#$%%&'*+-.^_`|~ only, e.g. Link.", sentence(name), v, r)
		}
	}
	return ""
}

func isTokenChar(r rune) bool {
	return (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("!#$%&'*+-.^_`|~", r))
}

// checkPointerPath requires an RFC 9535 query that selects one value
// inside the response: a cursor is a single value, so a query that can
// select several (wildcards, descendants, slices, filters) or the whole
// response is refused even though it parses.
func checkPointerPath(name, v string) string {
	s := sentence(name)
	if !strings.HasPrefix(v, "$") {
		fix := "$." + strings.TrimLeft(v, ".")
		if strings.HasPrefix(v, "[") {
			fix = "$" + v
		}
		return fmt.Sprintf("%s %q must start with $, the root of the response (RFC 9535), e.g. %s.", s, v, fix)
	}
	p, err := jsonpath.Parse(v)
	if err != nil {
		reason := strings.TrimPrefix(err.Error(), jsonpath.ErrPathParse.Error()+": ")
		return fmt.Sprintf("%s %q is not a valid RFC 9535 JSONPath: %s.", s, v, reason)
	}
	q := p.Query()
	if q.Singular() == nil {
		return fmt.Sprintf("%s %q can select more than one value; a cursor is a single value, so use only names and indexes, e.g. $.meta.next_cursor or $.data[-1].id (no *, .., slices or filters).", s, v)
	}
	if len(q.Segments()) == 0 {
		return fmt.Sprintf("%s %q selects the whole response; point at the cursor inside it, e.g. $.meta.next_cursor.", s, v)
	}
	return ""
}
