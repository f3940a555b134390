// Package paginate holds an integration's pagination configuration (and an
// action's override of it) and the rules that configuration must meet. The
// types, fields and limits follow the seed's wizard steps 10–12 ("Pagination
// Type" and "pagination details"). Run pages through a vendor API with a
// validated Config (the five engines, see engine.go and docs/pagination.md).
package paginate

import "strings"

// Type is how a vendor API splits a result set into pages.
type Type string

// The pagination types, as stored and as typed on the command line.
const (
	None    Type = "none"
	Index   Type = "index"
	Page    Type = "page"
	Link    Type = "link"
	Pointer Type = "pointer"
)

// LinkLocation is where a Link-paginated response carries its next link.
type LinkLocation string

// The seed's "JSON Response Body" and "Response Header".
const (
	Body   LinkLocation = "body"
	Header LinkLocation = "header"
)

// Limits and defaults from the seed. The frontend may mirror them for live
// feedback; Validate is what enforces them.
const (
	MaxPageSize  = 1000
	MaxPageLimit = 20
	// MaxPageStart bounds PageStart; no vendor numbers pages beyond it.
	MaxPageStart = 1_000_000
	// DefaultPageStart is the first page number when PageStart is unset.
	DefaultPageStart = 1
	// The seed fills these in when the next link is in a response header
	// and they are left unset.
	DefaultLinkHeaderRel  = "next"
	DefaultLinkHeaderName = "link"
)

// Config is the pagination of an integration, or an action's override of
// it. JSON names are API: the CLI sets them as pagination.<name>.
type Config struct {
	Type Type `json:"type"`
	// ResultsKey is the dotted path in the action's output to the array of
	// results, e.g. "results" or "results.foo".
	ResultsKey    string `json:"results_key,omitempty"`
	PageSizeParam string `json:"page_size_param,omitempty"`
	// Zero means unset for both numbers: the vendor's default applies.
	DefaultPageSize  int    `json:"default_page_size,omitempty"`
	DefaultPageLimit int    `json:"default_page_limit,omitempty"`
	IndexParam       string `json:"index_param,omitempty"` // index only
	PageParam        string `json:"page_param,omitempty"`  // page only
	// PageStart is the number of the first page (page only; our addition,
	// the seed has no such field). Zero means unset: pages start at 1. A
	// vendor counting from 0 is served by the request itself: when the
	// first request already carries the page param (e.g. the action's
	// default page=0), paging starts from that value.
	PageStart      int          `json:"page_start,omitempty"`
	LinkHeaderRel  string       `json:"link_header_rel,omitempty"`  // link, header location
	LinkHeaderName string       `json:"link_header_name,omitempty"` // link, header location
	NextPageKey    string       `json:"next_page_key,omitempty"`    // link, body location
	LinkLocation   LinkLocation `json:"link_location,omitempty"`    // link only
	AfterParam     string       `json:"after_param,omitempty"`      // pointer only
	// PointerPath is an RFC 9535 JSONPath to the cursor in the response.
	PointerPath string `json:"pointer_path,omitempty"`
}

// TypeOption is one entry of the pagination type drop-down.
type TypeOption struct {
	Type     Type   `json:"type"`
	Label    string `json:"label"`
	Guidance string `json:"guidance"`
}

// Types lists the pagination types in the seed's drop-down order. It
// returns a new slice each time so callers cannot change each other's.
func Types() []TypeOption {
	out := make([]TypeOption, 0, 5)
	for _, t := range []Type{None, Index, Page, Link, Pointer} {
		out = append(out, TypeOption{Type: t, Label: label(t), Guidance: Guidance(t)})
	}
	return out
}

func label(t Type) string {
	switch t {
	case None:
		return "No pagination"
	case Index:
		return "Index"
	case Page:
		return "Page"
	case Link:
		return "Link"
	case Pointer:
		return "Pointer"
	}
	return ""
}

// Guidance is the seed's "choose this if" advice for t, or "" for a type
// that does not exist. Consultants read the vendor's API documentation
// against it, so it quotes the words and request shapes to look for.
func Guidance(t Type) string {
	switch t {
	case None:
		return "Best for small, fixed datasets only. Choose it when the endpoint always returns a small, complete dataset, " +
			"the response is a single list with no paging metadata, and the vendor's API documentation never mentions pages, limits, cursors or links."
	case Index:
		return "Common in older or SQL-backed APIs. Choose it when the API takes an offset-style parameter, requests look like offset=0&limit=50 or start=100, " +
			"the documentation mentions offset, start, skip or from, and you move through the results by increasing a number."
	case Page:
		return "Common in traditional REST APIs. Choose it when the API takes page numbers, requests look like page=1&page_size=50, " +
			"the documentation mentions page, page number or pages, and you move through the results by incrementing the page number."
	case Link:
		return "Common in modern SaaS and REST-first APIs. Choose it when the API returns the full URL of the next page, responses include next, next_url or a Link header, " +
			"the documentation says to follow the next link, and the API works out the paging rather than you calculating it."
	case Pointer:
		return "Best for large datasets and high-volume APIs. Choose it when the API continues results from a cursor or token, the documentation mentions cursor, after, " +
			"starting_after or next_token, each response includes a value you pass back to get the next page, and page order must stay consistent while the data changes."
	}
	return ""
}

// Field describes one pagination detail for forms and the CLI's help.
type Field struct {
	Name  string `json:"name"` // the JSON name, e.g. "after_param"
	Label string `json:"label"`
	Help  string `json:"help"`
}

// Fields lists the details that belong to a config of type t, in form
// order; loc matters only for Link, whose header and body details exclude
// each other (with no valid location every Link detail is listed). It is
// the same set Normalized keeps, and ValidateAll checks in this order.
func Fields(t Type, loc LinkLocation) []Field {
	var out []Field
	switch t {
	case Index, Page, Link, Pointer:
		// The seed: "for all types except None".
		out = append(out,
			Field{"results_key", "Results Key", "A path within the action's output to the list of results, which must be an array: e.g. results or results.foo. Separate keys with dots. Leave it empty when the response itself is the array."},
			Field{"page_size_param", "Page Size Param", "The query parameter that controls how many items a response returns, e.g. limit or page_size. Optional."},
			Field{"default_page_size", "Default Page Size", "The default number of items to return in a response. This cannot be higher than 1000. Leave it empty for the vendor's default."},
			// Wording kept from the seed, which calls it a number of items
			// although the limit of 20 reads like a number of pages.
			Field{"default_page_limit", "Default Page Limit", "The maximum number of items that can be returned in a response. This cannot be higher than 20. Leave it empty for no limit."},
		)
	default:
		return nil
	}
	switch t {
	case Index:
		out = append(out, Field{"index_param", "Index Param", "The name of the query parameter that identifies the starting index of the returned page, e.g. offset or start."})
	case Page:
		out = append(out,
			Field{"page_param", "Page Param", "The query parameter that controls which page of results is returned, e.g. page."},
			Field{"page_start", "Page Start", "The number of the first page. Leave it empty to start at 1. For a vendor that counts pages from 0, give the action's page parameter the default 0: paging starts from the page number already in the request."},
		)
	case Link:
		// Location first: it decides which of the others apply.
		out = append(out, Field{"link_location", "Next Link Location", "Where the response carries the link to the next page: body (the JSON response body) or header (a response header)."})
		if loc != Body {
			out = append(out,
				Field{"link_header_rel", "Response Header Rel", `The rel value of the link header that holds the next link. Defaults to "next" when the location is header (e.g. "next" for <https://api.example.com/v1/users?page=2>; rel="next").`},
				Field{"link_header_name", "Response Header Name", `The response header that holds the link to the next page. Defaults to "link" when the location is header (e.g. "Link" for Link: <https://api.example.com/v1/users?page=2>; rel="next").`},
			)
		}
		if loc != Header {
			out = append(out, Field{"next_page_key", "Next Page Key", "The path to the link to the next page in the JSON response body, e.g. next or links.next. Used when the location is body."})
		}
	case Pointer:
		out = append(out,
			Field{"after_param", "After Param", "The query parameter that takes the pointer or cursor where the returned page starts, e.g. after, cursor or starting_after."},
			Field{"pointer_path", "Pointer JSONPath", "The RFC 9535 JSONPath to the pointer or cursor in the response, e.g. $.meta.next_cursor or $.data[-1].id."},
		)
	}
	return out
}

// Normalized returns c as it should be stored: spaces trimmed, the type and
// link location lower-cased, an empty type read as None, the seed's header
// defaults filled in, and every detail that does not belong to the type
// (or to the link location) cleared, so switching type never leaves stale
// values behind. A config of unknown type keeps all its details, trimmed,
// because which ones belong cannot be told until the type is fixed.
func (c Config) Normalized() Config {
	t := c.trimmed()
	n := Config{Type: t.Type}
	switch t.Type {
	case None:
		return n
	case Index, Page, Link, Pointer:
		n.ResultsKey, n.PageSizeParam = t.ResultsKey, t.PageSizeParam
		n.DefaultPageSize, n.DefaultPageLimit = t.DefaultPageSize, t.DefaultPageLimit
	default:
		return t
	}
	switch t.Type {
	case Index:
		n.IndexParam = t.IndexParam
	case Page:
		n.PageParam, n.PageStart = t.PageParam, t.PageStart
	case Pointer:
		n.AfterParam, n.PointerPath = t.AfterParam, t.PointerPath
	case Link:
		n.LinkLocation = t.LinkLocation
		switch t.LinkLocation {
		case Header:
			n.LinkHeaderRel, n.LinkHeaderName = t.LinkHeaderRel, t.LinkHeaderName
			if n.LinkHeaderRel == "" {
				n.LinkHeaderRel = DefaultLinkHeaderRel
			}
			if n.LinkHeaderName == "" {
				n.LinkHeaderName = DefaultLinkHeaderName
			}
		case Body:
			n.NextPageKey = t.NextPageKey
		default:
			// Unknown or missing location: keep what was typed until the
			// location says which half applies.
			n.LinkHeaderRel, n.LinkHeaderName, n.NextPageKey = t.LinkHeaderRel, t.LinkHeaderName, t.NextPageKey
		}
	}
	return n
}

func (c Config) trimmed() Config {
	s := strings.TrimSpace
	c.Type = Type(strings.ToLower(s(string(c.Type))))
	if c.Type == "" {
		c.Type = None // the zero Config means "not paginated"
	}
	c.LinkLocation = LinkLocation(strings.ToLower(s(string(c.LinkLocation))))
	c.ResultsKey, c.PageSizeParam = s(c.ResultsKey), s(c.PageSizeParam)
	c.IndexParam, c.PageParam = s(c.IndexParam), s(c.PageParam)
	c.LinkHeaderRel, c.LinkHeaderName, c.NextPageKey = s(c.LinkHeaderRel), s(c.LinkHeaderName), s(c.NextPageKey)
	c.AfterParam, c.PointerPath = s(c.AfterParam), s(c.PointerPath)
	return c
}

// Effective is the pagination an action runs with, given the integration's
// config and the action's override (nil when it has none). An override
// whose type is empty or the integration's own refines it: its non-empty
// details replace the integration's, so an endpoint can name its own
// results key and inherit the rest. An override of another type replaces
// the config whole, since details of different types do not mix (a cursor
// action must not inherit a page param). The result is Normalized.
func Effective(integration Config, override *Config) Config {
	base := integration.Normalized()
	if override == nil {
		return base
	}
	o := override.trimmed()
	if strings.TrimSpace(string(override.Type)) != "" && o.Type != base.Type {
		return o.Normalized()
	}
	m := base
	pick := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	pick(&m.ResultsKey, o.ResultsKey)
	pick(&m.PageSizeParam, o.PageSizeParam)
	pick(&m.IndexParam, o.IndexParam)
	pick(&m.PageParam, o.PageParam)
	pick(&m.AfterParam, o.AfterParam)
	pick(&m.PointerPath, o.PointerPath)
	// A new link location needs no clearing here: Normalized drops the
	// other location's details, header defaults included.
	pick((*string)(&m.LinkLocation), string(o.LinkLocation))
	pick(&m.LinkHeaderRel, o.LinkHeaderRel)
	pick(&m.LinkHeaderName, o.LinkHeaderName)
	pick(&m.NextPageKey, o.NextPageKey)
	if o.DefaultPageSize != 0 {
		m.DefaultPageSize = o.DefaultPageSize
	}
	if o.DefaultPageLimit != 0 {
		m.DefaultPageLimit = o.DefaultPageLimit
	}
	if o.PageStart != 0 {
		m.PageStart = o.PageStart
	}
	return m.Normalized()
}
