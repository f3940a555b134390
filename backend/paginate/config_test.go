package paginate

import (
	"encoding/json"
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
)

// valid returns a config of type t that passes, for tests to break one
// detail of.
func valid(t Type) Config {
	c := Config{Type: t, ResultsKey: "results"}
	switch t {
	case Index:
		c.IndexParam = "offset"
	case Page:
		c.PageParam = "page"
	case Link:
		c.LinkLocation = Header
	case Pointer:
		c.AfterParam, c.PointerPath = "after", "$.meta.next_cursor"
	}
	return c
}

func with(t Type, edit func(*Config)) Config {
	c := valid(t)
	edit(&c)
	return c
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name  string
		cfg   Config
		field string   // "" when cfg is valid
		msg   []string // substrings the message must contain
	}{
		// Type.
		{name: "zero config is no pagination", cfg: Config{}},
		{name: "none", cfg: Config{Type: None}},
		{name: "none ignores stale details", cfg: Config{Type: None, ResultsKey: "$bad", DefaultPageSize: 5000, PointerPath: "$.["}},
		{name: "type is trimmed and case-insensitive", cfg: with(Index, func(c *Config) { c.Type = " Index " })},
		{name: "unknown type lists the valid ones", cfg: Config{Type: "paged-ish"}, field: "pagination.type",
			msg: []string{`"paged-ish"`, "none, index, page, link, pointer"}},
		{name: "unknown type with a vendor word gets a hint", cfg: Config{Type: "cursor"}, field: "pagination.type",
			msg: []string{`"cursor"`, `choose "pointer"`}},
		{name: "offset hints index", cfg: Config{Type: "Offset"}, field: "pagination.type", msg: []string{`"Offset"`, `choose "index"`}},

		// Results key.
		// Empty: the response itself is the array of results.
		{name: "empty results key means the response is the array (index)", cfg: with(Index, func(c *Config) { c.ResultsKey = "" })},
		{name: "empty results key means the response is the array (link)", cfg: with(Link, func(c *Config) { c.ResultsKey = " " })},
		{name: "results key nested", cfg: with(Page, func(c *Config) { c.ResultsKey = "results.foo" })},
		{name: "results key deeply nested with odd keys", cfg: with(Page, func(c *Config) { c.ResultsKey = "data.user-list.@items" })},
		{name: "results key array index refused", cfg: with(Page, func(c *Config) { c.ResultsKey = "data[0].items" }), field: "pagination.results_key",
			msg: []string{`"data[0].items"`, "array index", "keys separated by dots"}},
		{name: "results key as JSONPath refused with the fix", cfg: with(Page, func(c *Config) { c.ResultsKey = "$.data.items" }), field: "pagination.results_key",
			msg: []string{`"$.data.items"`, "JSONPath", "e.g. data.items."}},
		{name: "results key $ alone", cfg: with(Page, func(c *Config) { c.ResultsKey = "$" }), field: "pagination.results_key",
			msg: []string{"JSONPath", "e.g. results."}},
		{name: "results key leading dot", cfg: with(Page, func(c *Config) { c.ResultsKey = ".data" }), field: "pagination.results_key",
			msg: []string{`".data"`, "empty key"}},
		{name: "results key trailing dot", cfg: with(Page, func(c *Config) { c.ResultsKey = "data." }), field: "pagination.results_key", msg: []string{"empty key"}},
		{name: "results key double dot", cfg: with(Page, func(c *Config) { c.ResultsKey = "data..items" }), field: "pagination.results_key", msg: []string{"empty key"}},
		{name: "results key inner space", cfg: with(Page, func(c *Config) { c.ResultsKey = "data. items" }), field: "pagination.results_key",
			msg: []string{"contains a space"}},
		{name: "results key outer spaces are trimmed", cfg: with(Page, func(c *Config) { c.ResultsKey = "  data.items\t" })},

		// Page size param: optional, but a valid name when set.
		{name: "page size param optional", cfg: with(Index, func(c *Config) { c.PageSizeParam = "" })},
		{name: "page size param", cfg: with(Index, func(c *Config) { c.PageSizeParam = "limit" })},
		{name: "page size param with brackets (JSON:API)", cfg: with(Page, func(c *Config) { c.PageSizeParam = "page[size]" })},
		{name: "page size param with a space", cfg: with(Page, func(c *Config) { c.PageSizeParam = "page size" }), field: "pagination.page_size_param",
			msg: []string{`"page size"`, "not a valid query parameter name", "space"}},
		{name: "page size param with &", cfg: with(Page, func(c *Config) { c.PageSizeParam = "limit&x" }), field: "pagination.page_size_param",
			msg: []string{`'&'`, "separates query parameters"}},
		{name: "page size param with =", cfg: with(Page, func(c *Config) { c.PageSizeParam = "limit=50" }), field: "pagination.page_size_param",
			msg: []string{`"limit=50"`, `'='`, "name from its value"}},
		{name: "page size param with ?", cfg: with(Page, func(c *Config) { c.PageSizeParam = "?limit" }), field: "pagination.page_size_param",
			msg: []string{`'?'`, "starts the query string"}},
		{name: "page size param with #", cfg: with(Page, func(c *Config) { c.PageSizeParam = "lim#it" }), field: "pagination.page_size_param",
			msg: []string{`'#'`, "fragment"}},
		{name: "page size param with a control character", cfg: with(Page, func(c *Config) { c.PageSizeParam = "lim\x00it" }), field: "pagination.page_size_param",
			msg: []string{"control character"}},

		// Default page size: unset, or 1–1000.
		{name: "page size unset", cfg: with(Page, func(c *Config) { c.DefaultPageSize = 0 })},
		{name: "page size 1", cfg: with(Page, func(c *Config) { c.DefaultPageSize = 1 })},
		{name: "page size 1000", cfg: with(Page, func(c *Config) { c.DefaultPageSize = 1000 })},
		{name: "page size 1001", cfg: with(Page, func(c *Config) { c.DefaultPageSize = 1001 }), field: "pagination.default_page_size",
			msg: []string{"Default page size is 1001", "between 1 and 1000"}},
		{name: "page size negative", cfg: with(Page, func(c *Config) { c.DefaultPageSize = -1 }), field: "pagination.default_page_size",
			msg: []string{"is -1", "between 1 and 1000"}},

		// Default page limit: unset, or 1–20.
		{name: "page limit unset", cfg: with(Page, func(c *Config) { c.DefaultPageLimit = 0 })},
		{name: "page limit 1", cfg: with(Page, func(c *Config) { c.DefaultPageLimit = 1 })},
		{name: "page limit 20", cfg: with(Page, func(c *Config) { c.DefaultPageLimit = 20 })},
		{name: "page limit 21", cfg: with(Page, func(c *Config) { c.DefaultPageLimit = 21 }), field: "pagination.default_page_limit",
			msg: []string{"Default page limit is 21", "between 1 and 20"}},
		{name: "page limit negative", cfg: with(Page, func(c *Config) { c.DefaultPageLimit = -3 }), field: "pagination.default_page_limit",
			msg: []string{"is -3", "between 1 and 20"}},

		// Index.
		{name: "index", cfg: valid(Index)},
		{name: "index param required", cfg: with(Index, func(c *Config) { c.IndexParam = "" }), field: "pagination.index_param",
			msg: []string{"Index param is required for Index pagination", "e.g. offset"}},
		{name: "index param checked", cfg: with(Index, func(c *Config) { c.IndexParam = "off set" }), field: "pagination.index_param",
			msg: []string{`Index param "off set" is not a valid query parameter name`}},

		// Page.
		{name: "page", cfg: valid(Page)},
		{name: "page param required", cfg: with(Page, func(c *Config) { c.PageParam = "" }), field: "pagination.page_param",
			msg: []string{"Page param is required for Page pagination"}},
		{name: "page param checked", cfg: with(Page, func(c *Config) { c.PageParam = "page=1" }), field: "pagination.page_param",
			msg: []string{`Page param "page=1"`, `'='`}},
		{name: "page ignores a stale index param", cfg: with(Page, func(c *Config) { c.IndexParam = "bad name" })},
		{name: "page start unset", cfg: with(Page, func(c *Config) { c.PageStart = 0 })},
		{name: "page start 1", cfg: with(Page, func(c *Config) { c.PageStart = 1 })},
		{name: "page start at the maximum", cfg: with(Page, func(c *Config) { c.PageStart = MaxPageStart })},
		{name: "page start over the maximum", cfg: with(Page, func(c *Config) { c.PageStart = MaxPageStart + 1 }), field: "pagination.page_start",
			msg: []string{"Page start is 1000001", "between 1 and 1000000", "empty to start at 1"}},
		{name: "page start negative", cfg: with(Page, func(c *Config) { c.PageStart = -1 }), field: "pagination.page_start",
			msg: []string{"Page start is -1"}},
		{name: "index ignores a stale page start", cfg: with(Index, func(c *Config) { c.PageStart = -5 })},

		// Link.
		{name: "link header with the defaults", cfg: valid(Link)},
		{name: "link location is case-insensitive", cfg: with(Link, func(c *Config) { c.LinkLocation = " Header" })},
		{name: "link location required", cfg: with(Link, func(c *Config) { c.LinkLocation = "" }), field: "pagination.link_location",
			msg: []string{"Next link location is required", "body", "header"}},
		{name: "link location must be body or header", cfg: with(Link, func(c *Config) { c.LinkLocation = "footer" }), field: "pagination.link_location",
			msg: []string{`"footer"`, "not one of body, header"}},
		{name: "link header custom", cfg: with(Link, func(c *Config) { c.LinkHeaderRel, c.LinkHeaderName = "https://example.com/rel/next", "X-Next-Link" })},
		{name: "link header rel with a space", cfg: with(Link, func(c *Config) { c.LinkHeaderRel = "next last" }), field: "pagination.link_header_rel",
			msg: []string{`Response header rel "next last"`, "single link relation"}},
		{name: "link header rel with ;", cfg: with(Link, func(c *Config) { c.LinkHeaderRel = `next;x` }), field: "pagination.link_header_rel",
			msg: []string{`';'`}},
		{name: "link header name with a space", cfg: with(Link, func(c *Config) { c.LinkHeaderName = "Next Link" }), field: "pagination.link_header_name",
			msg: []string{`Response header name "Next Link"`, "not a valid HTTP header name", `' '`}},
		{name: "link header name with a colon", cfg: with(Link, func(c *Config) { c.LinkHeaderName = "Link:" }), field: "pagination.link_header_name",
			msg: []string{`':'`}},
		{name: "link header name non-ASCII", cfg: with(Link, func(c *Config) { c.LinkHeaderName = "Lïnk" }), field: "pagination.link_header_name",
			msg: []string{`'ï'`}},
		{name: "link header ignores a stale next page key", cfg: with(Link, func(c *Config) { c.NextPageKey = "not..valid" })},
		{name: "link body", cfg: with(Link, func(c *Config) { c.LinkLocation, c.NextPageKey = Body, "links.next" })},
		{name: "link body ignores stale header details", cfg: with(Link, func(c *Config) { c.LinkLocation, c.NextPageKey, c.LinkHeaderName = Body, "next", "bad name" })},
		{name: "link body needs a next page key", cfg: with(Link, func(c *Config) { c.LinkLocation = Body }), field: "pagination.next_page_key",
			msg: []string{"Next page key is required when the next link is in the response body"}},
		{name: "link body next page key checked", cfg: with(Link, func(c *Config) { c.LinkLocation, c.NextPageKey = Body, "links[0]" }), field: "pagination.next_page_key",
			msg: []string{`Next page key "links[0]"`, "array index"}},

		// Pointer.
		{name: "pointer", cfg: valid(Pointer)},
		{name: "pointer to the last item's id", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$.data[-1].id" })},
		{name: "pointer with bracket notation", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$['meta']['next cursor']" })},
		{name: "pointer path trimmed", cfg: with(Pointer, func(c *Config) { c.PointerPath = " $.next " })},
		{name: "after param required", cfg: with(Pointer, func(c *Config) { c.AfterParam = "" }), field: "pagination.after_param",
			msg: []string{"After param is required for Pointer pagination"}},
		{name: "after param checked", cfg: with(Pointer, func(c *Config) { c.AfterParam = "after#" }), field: "pagination.after_param",
			msg: []string{`After param "after#"`}},
		{name: "pointer path required", cfg: with(Pointer, func(c *Config) { c.PointerPath = "" }), field: "pagination.pointer_path",
			msg: []string{"Pointer JSONPath is required for Pointer pagination"}},
		{name: "pointer path with the parser's reason", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$.[" }), field: "pagination.pointer_path",
			msg: []string{`Pointer JSONPath "$.["`, "not a valid RFC 9535 JSONPath: unexpected '[' at position 3."}},
		{name: "pointer path unclosed bracket", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$['next'" }), field: "pagination.pointer_path",
			msg: []string{"not a valid RFC 9535 JSONPath"}},
		{name: "pointer path without $ (RFC 9535 requires the root)", cfg: with(Pointer, func(c *Config) { c.PointerPath = "data.cursor" }), field: "pagination.pointer_path",
			msg: []string{`"data.cursor"`, "must start with $", "e.g. $.data.cursor."}},
		{name: "pointer path in brackets without $", cfg: with(Pointer, func(c *Config) { c.PointerPath = "['next']" }), field: "pagination.pointer_path",
			msg: []string{"must start with $", "e.g. $['next']."}},
		{name: "pointer path relative to @", cfg: with(Pointer, func(c *Config) { c.PointerPath = "@.cursor" }), field: "pagination.pointer_path",
			msg: []string{"must start with $"}},
		{name: "pointer path wildcard", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$.data[*].id" }), field: "pagination.pointer_path",
			msg: []string{"more than one value"}},
		{name: "pointer path descendant", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$..next_cursor" }), field: "pagination.pointer_path",
			msg: []string{"more than one value"}},
		{name: "pointer path filter", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$.data[?@.last].id" }), field: "pagination.pointer_path",
			msg: []string{"more than one value"}},
		{name: "pointer path root only", cfg: with(Pointer, func(c *Config) { c.PointerPath = "$" }), field: "pagination.pointer_path",
			msg: []string{"selects the whole response"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cfg.Validate()
			if tt.field == "" {
				if err != nil {
					t.Fatalf("Validate() = %v, want nil", err)
				}
				return
			}
			var ae *apperr.Error
			if !errors.As(err, &ae) {
				t.Fatalf("Validate() = %#v, want an *apperr.Error", err)
			}
			if ae.Code != apperr.Invalid || ae.Field != tt.field {
				t.Errorf("code, field = %q, %q; want %q, %q", ae.Code, ae.Field, apperr.Invalid, tt.field)
			}
			for _, want := range tt.msg {
				if !strings.Contains(ae.Message, want) {
					t.Errorf("message %q does not contain %q", ae.Message, want)
				}
			}
		})
	}
}

func TestValidateAllReportsEveryProblemInFormOrder(t *testing.T) {
	c := Config{Type: Pointer, ResultsKey: "data[0]", PageSizeParam: "a b", DefaultPageSize: 1001, DefaultPageLimit: 21, AfterParam: "", PointerPath: "cursor"}
	errs := ValidateAll(c)
	var fields []string
	for _, err := range errs {
		var ae *apperr.Error
		if !errors.As(err, &ae) {
			t.Fatalf("%#v is not an *apperr.Error", err)
		}
		fields = append(fields, ae.Field)
	}
	want := []string{"pagination.results_key", "pagination.page_size_param", "pagination.default_page_size",
		"pagination.default_page_limit", "pagination.after_param", "pagination.pointer_path"}
	if !slices.Equal(fields, want) {
		t.Fatalf("fields = %q, want %q", fields, want)
	}
	// Each call builds new errors, so compare what a user would see.
	if err := c.Validate(); err == nil || err.Error() != errs[0].Error() || apperr.Public(err).Field != want[0] {
		t.Errorf("Validate() = %v, want the first of ValidateAll, %v", err, errs[0])
	}
}

func TestValidateAllValid(t *testing.T) {
	for _, ty := range []Type{None, Index, Page, Link, Pointer} {
		if errs := ValidateAll(valid(ty)); len(errs) != 0 {
			t.Errorf("ValidateAll(%s) = %v, want none", ty, errs)
		}
		// A typed nil inside the error interface would read as a failure.
		if err := valid(ty).Validate(); err != nil {
			t.Errorf("Validate(%s) = %#v, want untyped nil", ty, err)
		}
	}
}

func TestValidateAllAtNamesOverrideFields(t *testing.T) {
	errs := ValidateAllAt("actions.list_users.pagination", with(Page, func(c *Config) { c.PageParam = "" }))
	var ae *apperr.Error
	if len(errs) != 1 || !errors.As(errs[0], &ae) || ae.Field != "actions.list_users.pagination.page_param" {
		t.Fatalf("ValidateAllAt = %#v, want one error on actions.list_users.pagination.page_param", errs)
	}
	errs = ValidateAllAt("p", Config{Type: "bogus"})
	if len(errs) != 1 || !errors.As(errs[0], &ae) || ae.Field != "p.type" {
		t.Fatalf("ValidateAllAt = %#v, want one error on p.type", errs)
	}
}

func TestNormalized(t *testing.T) {
	all := Config{ResultsKey: " r ", PageSizeParam: " limit ", DefaultPageSize: 50, DefaultPageLimit: 5,
		IndexParam: " offset ", PageParam: " page ", PageStart: 3, LinkHeaderRel: " prev ", LinkHeaderName: " X-Link ", NextPageKey: " next ",
		AfterParam: " after ", PointerPath: " $.c "}
	common := Config{ResultsKey: "r", PageSizeParam: "limit", DefaultPageSize: 50, DefaultPageLimit: 5}
	set := func(c Config, edit func(*Config)) Config { edit(&c); return c }
	tests := []struct {
		name     string
		in, want Config
	}{
		{"zero is none", Config{}, Config{Type: None}},
		{"blank type is none", Config{Type: "  "}, Config{Type: None}},
		{"none clears every detail", set(all, func(c *Config) { c.Type = "None" }), Config{Type: None}},
		{"index keeps common and index param",
			set(all, func(c *Config) { c.Type = " INDEX " }),
			set(common, func(c *Config) { c.Type, c.IndexParam = Index, "offset" })},
		{"page keeps common and page param",
			set(all, func(c *Config) { c.Type = Page }),
			set(common, func(c *Config) { c.Type, c.PageParam, c.PageStart = Page, "page", 3 })},
		{"pointer keeps common, after param and path",
			set(all, func(c *Config) { c.Type = Pointer }),
			set(common, func(c *Config) { c.Type, c.AfterParam, c.PointerPath = Pointer, "after", "$.c" })},
		{"link header keeps its rel and name",
			set(all, func(c *Config) { c.Type, c.LinkLocation = Link, " HEADER " }),
			set(common, func(c *Config) {
				c.Type, c.LinkLocation, c.LinkHeaderRel, c.LinkHeaderName = Link, Header, "prev", "X-Link"
			})},
		{"link header defaults rel and name",
			Config{Type: Link, ResultsKey: "r", LinkLocation: Header, LinkHeaderRel: " ", NextPageKey: "next"},
			Config{Type: Link, ResultsKey: "r", LinkLocation: Header, LinkHeaderRel: "next", LinkHeaderName: "link"}},
		{"link body clears header details and gets no defaults",
			set(all, func(c *Config) { c.Type, c.LinkLocation = Link, Body }),
			set(common, func(c *Config) { c.Type, c.LinkLocation, c.NextPageKey = Link, Body, "next" })},
		{"link without a location keeps both halves",
			set(all, func(c *Config) { c.Type = Link }),
			set(common, func(c *Config) {
				c.Type, c.LinkHeaderRel, c.LinkHeaderName, c.NextPageKey = Link, "prev", "X-Link", "next"
			})},
		{"unknown type keeps everything, trimmed",
			set(all, func(c *Config) { c.Type, c.LinkLocation = " Cursor ", " Body " }),
			Config{Type: "cursor", ResultsKey: "r", PageSizeParam: "limit", DefaultPageSize: 50, DefaultPageLimit: 5,
				IndexParam: "offset", PageParam: "page", PageStart: 3, LinkHeaderRel: "prev", LinkHeaderName: "X-Link", NextPageKey: "next",
				LinkLocation: Body, AfterParam: "after", PointerPath: "$.c"}},
		{"out-of-range numbers are kept for Validate to report",
			Config{Type: Page, DefaultPageSize: -1, DefaultPageLimit: 99},
			Config{Type: Page, DefaultPageSize: -1, DefaultPageLimit: 99}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.in.Normalized()
			if got != tt.want {
				t.Errorf("Normalized() =\n%+v\nwant\n%+v", got, tt.want)
			}
			if again := got.Normalized(); again != got {
				t.Errorf("Normalized is not idempotent: %+v then %+v", got, again)
			}
		})
	}
}

// Fields and Normalized must agree on what belongs to a type, or forms
// would offer details that are dropped on save.
func TestFieldsMatchWhatNormalizedKeeps(t *testing.T) {
	every := Config{ResultsKey: "r", PageSizeParam: "limit", DefaultPageSize: 50, DefaultPageLimit: 5,
		IndexParam: "offset", PageParam: "page", PageStart: 2, LinkHeaderRel: "prev", LinkHeaderName: "X-Link", NextPageKey: "next",
		AfterParam: "after", PointerPath: "$.c"}
	for _, ty := range []Type{None, Index, Page, Link, Pointer} {
		for _, loc := range []LinkLocation{Body, Header, "sideways"} {
			c := every
			c.Type, c.LinkLocation = ty, loc
			raw, err := json.Marshal(c.Normalized())
			if err != nil {
				t.Fatal(err)
			}
			var m map[string]any
			if err := json.Unmarshal(raw, &m); err != nil {
				t.Fatal(err)
			}
			var kept []string
			for k := range m {
				if k != "type" {
					kept = append(kept, k)
				}
			}
			var listed []string
			for _, f := range Fields(ty, loc) {
				listed = append(listed, f.Name)
				if f.Label == "" || f.Help == "" {
					t.Errorf("Fields(%s, %s): %s lacks a label or help", ty, loc, f.Name)
				}
			}
			sort.Strings(kept)
			sort.Strings(listed)
			if !slices.Equal(kept, listed) {
				t.Errorf("type %s, location %s: Normalized keeps %q, Fields lists %q", ty, loc, kept, listed)
			}
		}
	}
}

func TestFieldsOrder(t *testing.T) {
	var names []string
	for _, f := range Fields(Link, "") {
		names = append(names, f.Name)
	}
	want := []string{"results_key", "page_size_param", "default_page_size", "default_page_limit",
		"link_location", "link_header_rel", "link_header_name", "next_page_key"}
	if !slices.Equal(names, want) {
		t.Errorf("Fields(link) = %q, want %q", names, want)
	}
	if got := Fields("bogus", ""); got != nil {
		t.Errorf("Fields(bogus) = %v, want nil", got)
	}
	for _, f := range Fields(Page, "") {
		if f.Name == "default_page_limit" && !strings.Contains(f.Help, "The maximum number of items that can be returned in a response. This cannot be higher than 20.") {
			t.Errorf("default_page_limit help lost the seed's wording: %q", f.Help)
		}
	}
}

func TestJSONFieldNames(t *testing.T) {
	c := Config{Type: Link, ResultsKey: "a", PageSizeParam: "b", DefaultPageSize: 1, DefaultPageLimit: 2,
		IndexParam: "c", PageParam: "d", PageStart: 7, LinkHeaderRel: "e", LinkHeaderName: "f", NextPageKey: "g",
		LinkLocation: Header, AfterParam: "h", PointerPath: "$.i"}
	raw, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"type":"link","results_key":"a","page_size_param":"b","default_page_size":1,"default_page_limit":2,` +
		`"index_param":"c","page_param":"d","page_start":7,"link_header_rel":"e","link_header_name":"f","next_page_key":"g",` +
		`"link_location":"header","after_param":"h","pointer_path":"$.i"}`
	if string(raw) != want {
		t.Errorf("Marshal =\n%s\nwant\n%s", raw, want)
	}
	var back Config
	if err := json.Unmarshal(raw, &back); err != nil {
		t.Fatal(err)
	}
	if back != c {
		t.Errorf("round trip = %+v, want %+v", back, c)
	}
	// Unset details are left out, so a stored none is just its type.
	raw, _ = json.Marshal(Config{}.Normalized())
	if string(raw) != `{"type":"none"}` {
		t.Errorf("Marshal(none) = %s", raw)
	}
}

func TestTypes(t *testing.T) {
	got := Types()
	want := []struct {
		t     Type
		label string
		words []string // what the guidance must mention from the seed
	}{
		{None, "No pagination", []string{"small", "complete", "no paging metadata"}},
		{Index, "Index", []string{"offset=0&limit=50", "start=100", "skip"}},
		{Page, "Page", []string{"page=1&page_size=50", "page number"}},
		{Link, "Link", []string{"next_url", "Link header", "follow the next link"}},
		{Pointer, "Pointer", []string{"cursor", "starting_after", "next_token", "pass back"}},
	}
	if len(got) != len(want) {
		t.Fatalf("Types() has %d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Type != w.t || got[i].Label != w.label || got[i].Guidance != Guidance(w.t) {
			t.Errorf("Types()[%d] = %+v, want %s %q with its guidance", i, got[i], w.t, w.label)
		}
		for _, word := range w.words {
			if !strings.Contains(got[i].Guidance, word) {
				t.Errorf("Guidance(%s) does not mention %q", w.t, word)
			}
		}
	}
	got[0].Label = "changed"
	if Types()[0].Label != "No pagination" {
		t.Error("Types() shares its slice between callers")
	}
	if Guidance("bogus") != "" {
		t.Error(`Guidance("bogus") is not empty`)
	}
}

func TestEffective(t *testing.T) {
	pageInt := Config{Type: Page, ResultsKey: "data", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 100}
	headerInt := Config{Type: Link, ResultsKey: "data", LinkLocation: Header}
	tests := []struct {
		name        string
		integration Config
		override    *Config
		want        Config
	}{
		{"no override", pageInt, nil, pageInt},
		{"no override is normalized", Config{Type: " Page ", PageParam: " p ", IndexParam: "x"}, nil, Config{Type: Page, PageParam: "p"}},
		{"same-type override refines", pageInt, &Config{ResultsKey: "users", DefaultPageSize: 10},
			Config{Type: Page, ResultsKey: "users", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 10}},
		{"an unset page start inherits", pageInt, &Config{PageStart: 0}, pageInt},
		{"an override sets the page start", pageInt, &Config{PageStart: 5},
			Config{Type: Page, ResultsKey: "data", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 100, PageStart: 5}},
		{"explicit same type refines too", pageInt, &Config{Type: "PAGE", DefaultPageLimit: 3},
			Config{Type: Page, ResultsKey: "data", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 100, DefaultPageLimit: 3}},
		{"none switches an action off", pageInt, &Config{Type: None}, Config{Type: None}},
		{"another type replaces whole", pageInt, &Config{Type: Pointer, AfterParam: "after", PointerPath: "$.next"},
			Config{Type: Pointer, AfterParam: "after", PointerPath: "$.next"}},
		{"an action paginates where the integration does not", Config{}, &Config{Type: Index, ResultsKey: "r", IndexParam: "offset"},
			Config{Type: Index, ResultsKey: "r", IndexParam: "offset"}},
		{"moving the link to the body drops the header defaults", headerInt, &Config{LinkLocation: Body, NextPageKey: "links.next"},
			Config{Type: Link, ResultsKey: "data", LinkLocation: Body, NextPageKey: "links.next"}},
		{"a header override keeps the inherited defaults", headerInt, &Config{LinkHeaderName: "X-Next"},
			Config{Type: Link, ResultsKey: "data", LinkLocation: Header, LinkHeaderRel: "next", LinkHeaderName: "X-Next"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Effective(tt.integration, tt.override); got != tt.want {
				t.Errorf("Effective() =\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}
