package spec

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/pb33f/libopenapi/datamodel/high/base"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
)

// Suggestions are what the spec lets us infer but the user confirms: the
// seed says these are "not included in OpenAPI files", we read them anyway
// and show the evidence.
type Suggestions struct {
	Host *HostSuggestion `json:"host,omitempty"`
	// Auth lists every usable security scheme, the preferred one first.
	Auth []AuthSuggestion `json:"auth"`
	// Pagination is the suggestion most actions share (per-action ones are
	// on each Action).
	Pagination *PaginationSuggestion `json:"pagination,omitempty"`
}

// HostSuggestion is the API's host without scheme, and the base path calls need.
type HostSuggestion struct {
	Hostname string `json:"hostname"`
	BasePath string `json:"basePath"`
	Evidence string `json:"evidence"`
}

// AuthSuggestion maps one security scheme onto the app's auth methods.
type AuthSuggestion struct {
	Method           string   `json:"method"`              // api_key, basic, oauth2
	GrantType        string   `json:"grantType,omitempty"` // authorization_code, client_credentials
	SchemeName       string   `json:"schemeName"`
	HeaderName       string   `json:"headerName,omitempty"`
	Preamble         string   `json:"preamble,omitempty"`
	AuthorizationURL string   `json:"authorizationUrl,omitempty"`
	TokenURL         string   `json:"tokenUrl,omitempty"`
	RefreshURL       string   `json:"refreshUrl,omitempty"`
	Scopes           []string `json:"scopes,omitempty"`
	Evidence         string   `json:"evidence"`
}

// PaginationSuggestion uses the seed's pagination types and fields.
type PaginationSuggestion struct {
	Type          string `json:"type"` // none, index, page, link, pointer
	ResultsKey    string `json:"resultsKey,omitempty"`
	PageSizeParam string `json:"pageSizeParam,omitempty"`
	IndexParam    string `json:"indexParam,omitempty"`
	PageParam     string `json:"pageParam,omitempty"`
	AfterParam    string `json:"afterParam,omitempty"`
	PointerPath   string `json:"pointerPath,omitempty"`  // RFC 9535 JSONPath
	LinkLocation  string `json:"linkLocation,omitempty"` // header or body
	HeaderName    string `json:"headerName,omitempty"`
	NextPageKey   string `json:"nextPageKey,omitempty"`
	Evidence      string `json:"evidence"`
}

var serverVariable = regexp.MustCompile(`\{([^{}]+)\}`)

// inferHost reads servers[0] (a converted Swagger document carries host +
// basePath there too), substituting server variables with their defaults.
func inferHost(doc *v3.Document) *HostSuggestion {
	if len(doc.Servers) == 0 || doc.Servers[0] == nil || doc.Servers[0].URL == "" {
		return nil
	}
	srv := doc.Servers[0]
	raw := serverVariable.ReplaceAllStringFunc(srv.URL, func(m string) string {
		name := m[1 : len(m)-1]
		if srv.Variables != nil {
			if v := srv.Variables.GetOrZero(name); v != nil && v.Default != "" {
				return v.Default
			}
		}
		return m
	})
	evidence := fmt.Sprintf("servers[0].url is %q", srv.URL)
	if raw != srv.URL {
		evidence += fmt.Sprintf(", which is %q with the variables' defaults", raw)
	}
	if !strings.Contains(raw, "://") {
		if strings.HasPrefix(raw, "/") {
			return &HostSuggestion{BasePath: strings.TrimRight(raw, "/"), Evidence: evidence + "; it names no host, so enter the hostname yourself"}
		}
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil
	}
	return &HostSuggestion{Hostname: u.Host, BasePath: strings.TrimRight(u.Path, "/"), Evidence: evidence}
}

// inferAuth maps every security scheme; schemes the top-level security
// requirement names come first.
func inferAuth(doc *v3.Document) []AuthSuggestion {
	out := []AuthSuggestion{}
	if doc.Components == nil || doc.Components.SecuritySchemes == nil {
		return out
	}
	required := map[string]bool{}
	for _, req := range doc.Security {
		if req != nil && req.Requirements != nil {
			for p := req.Requirements.First(); p != nil; p = p.Next() {
				required[p.Key()] = true
			}
		}
	}
	for p := doc.Components.SecuritySchemes.First(); p != nil; p = p.Next() {
		out = append(out, authFromScheme(p.Key(), p.Value())...)
	}
	sort.SliceStable(out, func(i, j int) bool { return required[out[i].SchemeName] && !required[out[j].SchemeName] })
	return out
}

func authFromScheme(name string, s *v3.SecurityScheme) []AuthSuggestion {
	if s == nil {
		return nil
	}
	at := fmt.Sprintf("components.securitySchemes.%s", name)
	switch strings.ToLower(s.Type) {
	case "apikey":
		if !strings.EqualFold(s.In, "header") {
			return nil // query and cookie keys are not API Key auth as the seed defines it
		}
		return []AuthSuggestion{{Method: "api_key", SchemeName: name, HeaderName: s.Name,
			Evidence: fmt.Sprintf("%s is an apiKey sent in header %q", at, s.Name)}}
	case "http":
		switch strings.ToLower(s.Scheme) {
		case "bearer":
			return []AuthSuggestion{{Method: "api_key", SchemeName: name, HeaderName: "Authorization", Preamble: "Bearer",
				Evidence: fmt.Sprintf("%s is HTTP bearer: a static token in Authorization: Bearer <token>", at)}}
		case "basic":
			return []AuthSuggestion{{Method: "basic", SchemeName: name, Evidence: fmt.Sprintf("%s is HTTP basic", at)}}
		}
	case "oauth2":
		if s.Flows == nil {
			return nil
		}
		var out []AuthSuggestion
		if f := s.Flows.AuthorizationCode; f != nil {
			out = append(out, AuthSuggestion{Method: "oauth2", GrantType: "authorization_code", SchemeName: name,
				AuthorizationURL: f.AuthorizationUrl, TokenURL: f.TokenUrl, RefreshURL: f.RefreshUrl, Scopes: scopeNames(f),
				Evidence: fmt.Sprintf("%s has an authorizationCode flow", at)})
		}
		if f := s.Flows.ClientCredentials; f != nil {
			out = append(out, AuthSuggestion{Method: "oauth2", GrantType: "client_credentials", SchemeName: name,
				TokenURL: f.TokenUrl, RefreshURL: f.RefreshUrl, Scopes: scopeNames(f),
				Evidence: fmt.Sprintf("%s has a clientCredentials flow", at)})
		}
		return out
	}
	return nil
}

func scopeNames(f *v3.OAuthFlow) []string {
	var out []string
	if f.Scopes != nil {
		for p := f.Scopes.First(); p != nil; p = p.Next() {
			out = append(out, p.Key())
		}
	}
	return out
}

// Parameter names that give a paging style away, lower-cased.
var (
	cursorParams   = []string{"cursor", "after", "starting_after", "page_token", "pagetoken", "next_token", "nexttoken", "continuation_token", "continuationtoken", "next_cursor"}
	pageParams     = []string{"page", "page_number", "pagenumber", "pageno"}
	pageSizeParams = []string{"page_size", "pagesize", "per_page", "perpage", "limit", "size", "page[size]"}
	indexParams    = []string{"offset", "start", "skip", "from", "startindex", "start_index"}
	countParams    = []string{"limit", "count", "size", "take", "max", "page_size", "pagesize", "per_page", "maxresults", "max_results"}
	nextLinkKeys   = []string{"next", "next_url", "nexturl", "next_link", "nextlink", "@odata.nextlink", "next_page_url", "nextpageurl"}
	cursorKeys     = []string{"next_cursor", "nextcursor", "next_page_token", "nextpagetoken", "next_token", "nexttoken", "cursor", "end_cursor", "endcursor", "after", "continuation_token", "continuationtoken"}
	resultKeyOrder = []string{"data", "results", "items", "records", "values", "value", "entries", "list", "objects", "nodes", "edges"}
)

// inferPagination reads a GET action's query parameters and its 2xx
// response: which style it pages with, where the results array is and
// where the next cursor or link lives.
func inferPagination(a Action, op *v3.Operation) *PaginationSuggestion {
	if a.Method != "GET" {
		return nil
	}
	query := map[string]string{} // lower → as written
	for _, p := range a.Parameters {
		if p.In == "query" {
			query[strings.ToLower(p.Name)] = p.Name
		}
	}
	find := func(names []string) string {
		for _, n := range names {
			if v, ok := query[n]; ok {
				return v
			}
		}
		return ""
	}
	resp := successResponse(op)
	var schema *base.Schema
	if resp != nil && resp.Content != nil {
		for p := resp.Content.First(); p != nil; p = p.Next() {
			if strings.Contains(p.Key(), "json") && p.Value() != nil {
				schema = resolvedSchema(p.Value().Schema)
				break
			}
		}
	}
	resultsKey, hasArray := findResultsKey(schema)
	at := describeMethodPath(a)
	var s *PaginationSuggestion
	switch cursor := find(cursorParams); {
	case cursor != "":
		s = &PaginationSuggestion{Type: "pointer", AfterParam: cursor, PageSizeParam: find(countParams)}
		if path := findKey(schema, cursorKeys); path != "" {
			s.PointerPath = "$." + path
			s.Evidence = fmt.Sprintf("%s takes query parameter %q and its response has %q", at, cursor, path)
		} else if hasArray && itemsHaveID(schema, resultsKey) {
			// Stripe style: the cursor is the id of the last item of the page.
			s.PointerPath = jsonPathTo(resultsKey) + "[-1].id"
			s.Evidence = fmt.Sprintf("%s takes query parameter %q and its results carry an \"id\": the cursor is the last item's id", at, cursor)
		} else {
			s.PointerPath = "$.next_cursor"
			s.Evidence = fmt.Sprintf("%s takes query parameter %q; the response schema names no cursor field, so check the JSONPath", at, cursor)
		}
	case find(pageParams) != "":
		page := find(pageParams)
		s = &PaginationSuggestion{Type: "page", PageParam: page, PageSizeParam: find(pageSizeParams),
			Evidence: fmt.Sprintf("%s takes query parameter %q", at, page)}
	case find(indexParams) != "":
		index := find(indexParams)
		s = &PaginationSuggestion{Type: "index", IndexParam: index, PageSizeParam: find(countParams),
			Evidence: fmt.Sprintf("%s takes query parameter %q", at, index)}
	case resp != nil && hasHeader(resp, "link"):
		s = &PaginationSuggestion{Type: "link", LinkLocation: "header", HeaderName: "link",
			Evidence: fmt.Sprintf("%s returns a Link response header", at)}
	default:
		if key := findKey(schema, nextLinkKeys); key != "" {
			s = &PaginationSuggestion{Type: "link", LinkLocation: "body", NextPageKey: key,
				Evidence: fmt.Sprintf("%s returns %q in its response body", at, key)}
		}
	}
	if s == nil {
		return nil
	}
	if hasArray {
		s.ResultsKey = resultsKey
		if resultsKey == "" {
			s.Evidence += "; the response itself is the array of results"
		} else {
			s.Evidence += fmt.Sprintf("; the results are the array at %q", resultsKey)
		}
	}
	return s
}

func hasHeader(r *v3.Response, name string) bool {
	if r.Headers == nil {
		return false
	}
	for p := r.Headers.First(); p != nil; p = p.Next() {
		if strings.EqualFold(p.Key(), name) {
			return true
		}
	}
	return false
}

func isType(s *base.Schema, t string) bool {
	for _, x := range s.Type {
		if x == t {
			return true
		}
	}
	return false
}

// walkProperties visits the properties of s breadth first, three levels
// deep, following references but never into a cycle or an array; visit
// returns false to stop.
func walkProperties(s *base.Schema, visit func(key, path string, child *base.Schema, depth int) bool) {
	type entry struct {
		schema *base.Schema
		path   string
		depth  int
	}
	queue := []entry{{s, "", 0}}
	seen := map[*base.Schema]bool{s: true}
	for len(queue) > 0 {
		e := queue[0]
		queue = queue[1:]
		if e.schema.Properties == nil {
			continue
		}
		for p := e.schema.Properties.First(); p != nil; p = p.Next() {
			path := strings.TrimPrefix(e.path+"."+p.Key(), ".")
			child := resolvedSchema(p.Value())
			if !visit(p.Key(), path, child, e.depth) {
				return
			}
			if child != nil && !seen[child] && e.depth < 2 && !isType(child, "array") {
				seen[child] = true
				queue = append(queue, entry{child, path, e.depth + 1})
			}
		}
	}
}

// findResultsKey returns the dotted path of the results array: "" when the
// response is the array, the best-named array property otherwise.
func findResultsKey(s *base.Schema) (string, bool) {
	if s == nil {
		return "", false
	}
	if isType(s, "array") {
		return "", true
	}
	var best string
	bestRank := -1
	walkProperties(s, func(key, path string, child *base.Schema, depth int) bool {
		if child == nil || !isType(child, "array") {
			return true
		}
		rank := 1
		for i, k := range resultKeyOrder {
			if strings.EqualFold(key, k) {
				rank = 100 - i
			}
		}
		rank -= depth * 10 // shallower arrays win ties
		if rank > bestRank {
			best, bestRank = path, rank
		}
		return true
	})
	return best, bestRank >= 0
}

// findKey searches the response schema for a property named like one of
// names (case-insensitive), breadth first, and returns its dotted path.
func findKey(s *base.Schema, names []string) string {
	if s == nil {
		return ""
	}
	found := ""
	walkProperties(s, func(key, path string, _ *base.Schema, _ int) bool {
		for _, n := range names {
			if strings.EqualFold(key, n) {
				found = path
				return false
			}
		}
		return true
	})
	return found
}

// commonPagination is the suggestion most paginated actions share.
func commonPagination(actions []Action) *PaginationSuggestion {
	counts := map[string]int{}
	var byType = map[string]*PaginationSuggestion{}
	for _, a := range actions {
		if a.Pagination == nil {
			continue
		}
		counts[a.Pagination.Type]++
		if byType[a.Pagination.Type] == nil {
			byType[a.Pagination.Type] = a.Pagination
		}
	}
	best, n := "", 0
	for t, c := range counts {
		if c > n || (c == n && t < best) {
			best, n = t, c
		}
	}
	if best == "" {
		return nil
	}
	s := *byType[best]
	s.Evidence = fmt.Sprintf("%d of %d actions look paginated this way; for example %s", n, len(actions), s.Evidence)
	return &s
}

// itemsHaveID reports whether the array at the dotted path holds objects
// with an "id" property.
func itemsHaveID(s *base.Schema, dotted string) bool {
	for _, key := range strings.Split(dotted, ".") {
		if key == "" {
			break
		}
		if s == nil || s.Properties == nil {
			return false
		}
		s = resolvedSchema(s.Properties.GetOrZero(key))
	}
	if s == nil || s.Items == nil || !s.Items.IsA() {
		return false
	}
	item := resolvedSchema(s.Items.A)
	return item != nil && item.Properties != nil && item.Properties.GetOrZero("id") != nil
}

// jsonPathTo turns a dotted results key into an RFC 9535 path.
func jsonPathTo(dotted string) string {
	if dotted == "" {
		return "$"
	}
	return "$." + dotted
}
