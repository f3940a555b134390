package paginate_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/paginate"
)

// setup is what a case changes in the options before the run.
type setup func(o *paginate.Options, v *vendor, clk *fakeClock, cancel context.CancelFunc)

type runCase struct {
	name     string
	cfg      paginate.Config
	path     string // path?query on the vendor
	setup    setup
	ids      []int    // the item ids expected, in order (nil: check count only)
	count    int      // number of items when ids is nil
	pages    int      // number of page traces
	complete bool     // Result.Complete
	stop     []string // substrings of StopReason
	errCode  string   // "" when Run must return nil
	errField string
	requests []string // the exact requests the vendor got, when set
	sleeps   []time.Duration
}

func seq(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

var (
	offsetCfg = paginate.Config{Type: paginate.Index, ResultsKey: "results", IndexParam: "offset", PageSizeParam: "limit", DefaultPageSize: 10}
	pageCfg   = paginate.Config{Type: paginate.Page, ResultsKey: "data.users", PageParam: "page", PageSizeParam: "per_page", DefaultPageSize: 10}
	resCfg    = paginate.Config{Type: paginate.Page, ResultsKey: "results", PageParam: "page", DefaultPageSize: 10}
	headerCfg = paginate.Config{Type: paginate.Link, LinkLocation: paginate.Header}
	bodyCfg   = paginate.Config{Type: paginate.Link, ResultsKey: "data", LinkLocation: paginate.Body, NextPageKey: "links.next"}
	cursorCfg = paginate.Config{Type: paginate.Pointer, ResultsKey: "data", AfterParam: "cursor", PointerPath: "$.meta.next.cursor"}
)

func edit(c paginate.Config, f func(*paginate.Config)) paginate.Config {
	f(&c)
	return c
}

func TestRun(t *testing.T) {
	cases := []runCase{
		// None.
		{name: "none: one request, the object is the item", cfg: paginate.Config{}, path: "/single",
			ids: []int{1}, pages: 1, complete: true, stop: []string{"no pagination: one request"}, requests: []string{"/single"}},
		{name: "none: an array response is spread into items", cfg: paginate.Config{Type: paginate.None}, path: "/pages0",
			ids: seq(0, 10), pages: 1, complete: true},

		// Index.
		{name: "index: advanced by the page size, last page shorter", cfg: offsetCfg, path: "/offset",
			ids: seq(0, 25), pages: 3, complete: true, stop: []string{"fewer items than the page size (10)"},
			requests: []string{"/offset?limit=10&offset=0", "/offset?limit=10&offset=10", "/offset?limit=10&offset=20"}},
		{name: "index: an empty last page", cfg: offsetCfg, path: "/offset?total=20",
			ids: seq(0, 20), pages: 3, complete: true, stop: []string{"empty page"},
			requests: []string{"/offset?total=20&limit=10&offset=0", "/offset?total=20&limit=10&offset=10", "/offset?total=20&limit=10&offset=20"}},
		{name: "index: the page size already in the query wins", cfg: offsetCfg, path: "/offset?limit=5&total=12",
			ids: seq(0, 12), pages: 3, complete: true, stop: []string{"page size (5)"},
			requests: []string{"/offset?limit=5&total=12&offset=0", "/offset?limit=5&total=12&offset=5", "/offset?limit=5&total=12&offset=10"}},
		{name: "index: no page size known, advanced by the items received",
			cfg: paginate.Config{Type: paginate.Index, ResultsKey: "results", IndexParam: "offset"}, path: "/offset",
			ids: seq(0, 25), pages: 4, complete: true, stop: []string{"empty page"},
			requests: []string{"/offset?offset=0", "/offset?offset=10", "/offset?offset=20", "/offset?offset=25"}},
		{name: "index: starts at the offset already in the query", cfg: offsetCfg, path: "/offset?offset=20",
			ids: seq(20, 25), pages: 1, complete: true, requests: []string{"/offset?offset=20&limit=10"}},
		{name: "index: a vendor ignoring the index param is caught", cfg: offsetCfg, path: "/offset-ignored",
			count: 10, pages: 2, stop: []string{"pagination not advancing: page 2 returned the same items as page 1", `"offset"`},
			errCode: apperr.Invalid, errField: "pagination.index_param"},

		// Page.
		{name: "page: from 1, nested results key", cfg: pageCfg, path: "/pages",
			ids: seq(0, 25), pages: 3, complete: true, stop: []string{"fewer items than the page size"},
			requests: []string{"/pages?per_page=10&page=1", "/pages?per_page=10&page=2", "/pages?per_page=10&page=3"}},
		{name: "page: a configured start", cfg: edit(pageCfg, func(c *paginate.Config) { c.PageStart = 2 }), path: "/pages",
			ids: seq(10, 25), pages: 2, complete: true},
		{name: "page: counting from 0 given in the first request, the body is the array",
			cfg: paginate.Config{Type: paginate.Page, PageParam: "page", PageSizeParam: "size", DefaultPageSize: 10}, path: "/pages0?page=0",
			ids: seq(0, 25), pages: 3, complete: true,
			requests: []string{"/pages0?page=0&size=10", "/pages0?page=1&size=10", "/pages0?page=2&size=10"}},
		{name: "page: the config's page limit", cfg: edit(resCfg, func(c *paginate.Config) { c.DefaultPageLimit = 3 }), path: "/forever",
			ids: seq(10, 40), pages: 3, stop: []string{"page limit (3) reached"}},
		{name: "page: the default page limit is 20", cfg: resCfg, path: "/forever",
			count: 200, pages: 20, stop: []string{"page limit (20) reached"}},
		{name: "page: MaxPages wins over the config's limit", cfg: edit(resCfg, func(c *paginate.Config) { c.DefaultPageLimit = 3 }), path: "/forever",
			setup: func(o *paginate.Options, _ *vendor, _ *fakeClock, _ context.CancelFunc) { o.MaxPages = 1 },
			count: 10, pages: 1, stop: []string{"page limit (1) reached"}},
		{name: "page: POST body sent again on every page", cfg: edit(resCfg, func(c *paginate.Config) { c.DefaultPageSize = 2 }), path: "/post-search",
			setup: func(o *paginate.Options, v *vendor, _ *fakeClock, _ context.CancelFunc) {
				o.First, _ = http.NewRequest(http.MethodPost, v.srv.URL+"/post-search", strings.NewReader(`{"query":"x"}`))
			},
			ids: seq(2, 7), pages: 3, complete: true},

		// Link.
		{name: "link header: several rels, relative URLs, several lines, commas in the URL", cfg: headerCfg, path: "/link-header",
			ids: []int{10, 11, 12, 20, 21, 22, 30, 31, 32}, pages: 3, complete: true, stop: []string{"no next link"},
			requests: []string{"/link-header", "/link-header?page=2&per_page=3", "/link-header?page=3&ids=1,2,3"}},
		{name: "link header: a custom header holding a bare URL",
			cfg: paginate.Config{Type: paginate.Link, ResultsKey: "items", LinkLocation: paginate.Header, LinkHeaderName: "X-Next-Page"}, path: "/link-custom",
			ids: []int{0, 1, 0, 1}, pages: 2, complete: true, requests: []string{"/link-custom", "/link-custom?page=2"}},
		{name: "link body: next URL at a dotted key, null at the end", cfg: bodyCfg, path: "/link-body",
			ids: []int{10, 11, 20, 21, 30, 31}, pages: 3, complete: true, stop: []string{"no next link"}},
		{name: "link body: a link back to page 1 is a loop",
			cfg: paginate.Config{Type: paginate.Link, ResultsKey: "data", LinkLocation: paginate.Body, NextPageKey: "next"}, path: "/link-loop",
			ids: []int{1, 2}, pages: 2, stop: []string{"pagination not advancing", "page 2 points back to page 1"}, errCode: apperr.Invalid},
		{name: "link: a next link on another origin is not followed", cfg: edit(headerCfg, func(c *paginate.Config) { c.ResultsKey = "data" }), path: "/link-cross",
			ids: []int{1, 2}, pages: 2, stop: []string{"next link on another origin (http://127.0.0.1:", "not followed"}},

		{name: "link body: a next link that is not a string", cfg: bodyCfg, path: "/odd-next",
			ids: []int{0, 1}, pages: 1, stop: []string{`page 1: next page key "links.next" is a number, not a URL string`},
			errCode: apperr.Invalid, errField: "pagination.next_page_key"},
		{name: "link: a protocol-relative link to another host is not followed", cfg: headerCfg, path: "/protocol-relative",
			ids: []int{0}, pages: 1, stop: []string{"next link on another origin (http://127.0.0.1:"}},

		// Pointer.
		{name: "pointer: a cursor that is an object", cfg: cursorCfg, path: "/odd-next",
			ids: []int{0, 1}, pages: 1, stop: []string{"page 1: pointer JSONPath $.meta.next.cursor selects an object, not a string or number"},
			errCode: apperr.Invalid, errField: "pagination.pointer_path"},
		{name: "pointer: cursor nested in meta.next.cursor, null at the end", cfg: cursorCfg, path: "/cursor",
			ids: seq(0, 15), pages: 3, complete: true, stop: []string{"no next cursor"},
			requests: []string{"/cursor", "/cursor?cursor=c1", "/cursor?cursor=c2"}},
		{name: "pointer: Stripe's last item id, ended by an empty page",
			cfg:  paginate.Config{Type: paginate.Pointer, ResultsKey: "data", AfterParam: "starting_after", PointerPath: "$.data[-1].id", PageSizeParam: "limit", DefaultPageSize: 3},
			path: "/stripe", ids: seq(1, 7), pages: 3, complete: true, stop: []string{"empty page"},
			requests: []string{"/stripe?limit=3", "/stripe?limit=3&starting_after=3", "/stripe?limit=3&starting_after=6"}},
		{name: "pointer: a numeric cursor, an empty string ends it",
			cfg: paginate.Config{Type: paginate.Pointer, ResultsKey: "data", AfterParam: "after", PointerPath: "$.next"}, path: "/cursor-number",
			ids: []int{0, 1, 2}, pages: 3, complete: true, stop: []string{"no next cursor"}},
		{name: "pointer: a cursor that repeats forever", cfg: cursorCfg, path: "/repeat",
			ids: []int{1, 2}, pages: 2, stop: []string{`pagination not advancing: cursor "same" on page 2 was already seen on page 1`}, errCode: apperr.Invalid},
		{name: "pointer: a cycle A, B, A", cfg: cursorCfg, path: "/cycle",
			ids: []int{1, 2, 3}, pages: 3, stop: []string{`pagination not advancing: cursor "A" on page 3 was already seen on page 1`}, errCode: apperr.Invalid,
			requests: []string{"/cycle", "/cycle?cursor=A", "/cycle?cursor=B"}},

		// Retries.
		{name: "429 with Retry-After in seconds, twice", cfg: resCfg, path: "/retry-seconds",
			ids: seq(0, 3), pages: 1, complete: true, sleeps: []time.Duration{2 * time.Second, 2 * time.Second}},
		{name: "503 with Retry-After as an HTTP date", cfg: resCfg, path: "/retry-date",
			ids: seq(0, 3), pages: 1, complete: true, sleeps: []time.Duration{20 * time.Second}},
		{name: "Retry-After longer than the bound stops", cfg: resCfg, path: "/retry-long",
			count: 0, pages: 1, stop: []string{"page 1: HTTP 429 Too Many Requests", "wait 1h0m0s", "longer than the 30s"}, errCode: apperr.Unavailable},
		{name: "503 without Retry-After: a few retries, backing off", cfg: resCfg, path: "/retry-always",
			count: 0, pages: 1, stop: []string{"page 1: HTTP 503 Service Unavailable", "after 3 retries"}, errCode: apperr.Unavailable,
			sleeps: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second}},

		// Vendor errors and responses that do not fit.
		{name: "a 500 on page 3 keeps pages 1 and 2", cfg: resCfg, path: "/fail3",
			ids: seq(10, 30), pages: 3, stop: []string{"page 3: HTTP 500 Internal Server Error"}, errCode: apperr.Unavailable},
		{name: "results key that is an object", cfg: edit(resCfg, func(c *paginate.Config) { c.ResultsKey = "data" }), path: "/object",
			pages: 1, stop: []string{`page 1: results key "data" is an object, not an array; its keys are: id, name`},
			errCode: apperr.Invalid, errField: "pagination.results_key"},
		{name: "results key not found names the top-level keys", cfg: edit(resCfg, func(c *paginate.Config) { c.ResultsKey = "items" }), path: "/object",
			pages: 1, stop: []string{`results key "items" not found; the response's top-level keys are: data, total`},
			errCode: apperr.Invalid, errField: "pagination.results_key"},
		{name: "results key through an array", cfg: edit(pageCfg, func(c *paginate.Config) { c.ResultsKey = "data.users.list" }), path: "/pages",
			pages: 1, stop: []string{`results key "data.users.list" not found; "data.users" is an array, not an object`}, errCode: apperr.Invalid},
		{name: "results key on an array response", cfg: edit(pageCfg, func(c *paginate.Config) { c.ResultsKey = "data" }), path: "/pages0",
			pages: 1, stop: []string{"the response is an array, not an object", "leave the results key empty"}, errCode: apperr.Invalid},
		{name: "a non-JSON body names its content type", cfg: resCfg, path: "/html",
			pages: 1, stop: []string{"page 1: the response is not JSON (Content-Type text/html; charset=utf-8, 35 bytes)"}, errCode: apperr.Invalid},
		{name: "a body over the size cap", cfg: resCfg, path: "/big",
			setup: func(o *paginate.Options, _ *vendor, _ *fakeClock, _ context.CancelFunc) { o.MaxBodyBytes = 100 },
			pages: 1, stop: []string{"page 1: the response body is larger than 100 bytes"}, errCode: apperr.Unavailable},
		{name: "a 404 names the page", cfg: resCfg, path: "/nowhere",
			pages: 1, stop: []string{"page 1: HTTP 404 Not Found from 127.0.0.1:"}, errCode: apperr.Unavailable},

		// Time and cancellation.
		{name: "total time cap (fake clock)", cfg: resCfg, path: "/forever",
			setup: func(o *paginate.Options, _ *vendor, clk *fakeClock, _ context.CancelFunc) {
				send := o.Send
				o.Send = func(ctx context.Context, req *http.Request) (*http.Response, error) {
					_ = clk.Sleep(ctx, 50*time.Second) // each request takes 50 s
					return send(ctx, req)
				}
			},
			count: 30, pages: 3, stop: []string{"total time cap (2m0s) reached"}, errCode: apperr.Unavailable},
		{name: "a retry wait past the time cap stops at once", cfg: resCfg, path: "/retry-date",
			setup: func(o *paginate.Options, _ *vendor, _ *fakeClock, _ context.CancelFunc) {
				o.TotalTimeout = 10 * time.Second
			},
			pages: 1, stop: []string{"total time cap (10s) reached during page 1"}, errCode: apperr.Unavailable},
		{name: "cancelled between pages", cfg: resCfg, path: "/forever",
			setup: func(o *paginate.Options, _ *vendor, _ *fakeClock, cancel context.CancelFunc) {
				o.OnPage = func(p paginate.PageTrace) {
					if p.Number == 2 {
						cancel()
					}
				}
			},
			count: 20, pages: 2, stop: []string{"cancelled"}, errCode: apperr.Unavailable},
		{name: "cancelled during a request", cfg: resCfg, path: "/forever",
			setup: func(o *paginate.Options, _ *vendor, _ *fakeClock, cancel context.CancelFunc) {
				send := o.Send
				var n atomic.Int32
				o.Send = func(ctx context.Context, req *http.Request) (*http.Response, error) {
					if n.Add(1) == 2 {
						cancel()
					}
					return send(ctx, req)
				}
			},
			count: 10, pages: 2, stop: []string{"cancelled during page 2"}, errCode: apperr.Unavailable},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := newVendor(t)
			clk := newClock()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			first, _ := http.NewRequest(http.MethodGet, v.srv.URL+tc.path, nil)
			var traced []paginate.PageTrace
			o := paginate.Options{
				Config: tc.cfg,
				First:  first,
				Send: func(ctx context.Context, req *http.Request) (*http.Response, error) {
					req.Header.Set("Authorization", secret) // what auth.Do does
					return v.srv.Client().Do(req.WithContext(ctx))
				},
				Now:   clk.Now,
				Sleep: clk.Sleep,
			}
			if tc.setup != nil {
				tc.setup(&o, v, clk, cancel)
			}
			onPage := o.OnPage
			o.OnPage = func(p paginate.PageTrace) {
				traced = append(traced, p)
				if onPage != nil {
					onPage(p)
				}
			}
			res, err := paginate.Run(ctx, o)

			checkErr(t, err, tc.errCode, tc.errField, res.StopReason)
			if res.Complete != tc.complete {
				t.Errorf("Complete = %v, want %v (stop: %s)", res.Complete, tc.complete, res.StopReason)
			}
			for _, s := range tc.stop {
				if !strings.Contains(res.StopReason, s) {
					t.Errorf("StopReason = %q, want it to contain %q", res.StopReason, s)
				}
			}
			if tc.ids != nil {
				if got := ids(t, res.Items); !slices.Equal(got, tc.ids) {
					t.Errorf("item ids = %v, want %v", got, tc.ids)
				}
			} else if len(res.Items) != tc.count {
				t.Errorf("%d items, want %d", len(res.Items), tc.count)
			}
			checkPages(t, res, traced, tc.pages)
			if tc.requests != nil {
				if got := v.Requests(); !slices.Equal(got, tc.requests) {
					t.Errorf("vendor got\n%q\nwant\n%q", got, tc.requests)
				}
			}
			if tc.sleeps != nil && !slices.Equal(clk.Sleeps(), tc.sleeps) {
				t.Errorf("slept %v, want %v", clk.Sleeps(), tc.sleeps)
			}
			checkExchanges(t, res, len(v.Requests()))
			if strings.Contains(res.StopReason, "token=") || strings.Contains(res.StopReason, "s3cret") {
				t.Errorf("StopReason leaks a query or a secret: %q", res.StopReason)
			}
		})
	}
}

func checkErr(t *testing.T, err error, code, field, stop string) {
	t.Helper()
	if code == "" {
		if err != nil {
			t.Fatalf("Run error = %v, want nil", err)
		}
		return
	}
	var ae *apperr.Error
	if !errors.As(err, &ae) {
		t.Fatalf("Run error = %#v, want an *apperr.Error", err)
	}
	if ae.Code != code || (field != "" && ae.Field != field) {
		t.Errorf("error code, field = %q, %q; want %q, %q", ae.Code, ae.Field, code, field)
	}
	if !strings.Contains(strings.ToLower(ae.Message), strings.ToLower(stop)) {
		t.Errorf("error message %q does not say the stop reason %q", ae.Message, stop)
	}
}

func ids(t *testing.T, items []json.RawMessage) []int {
	t.Helper()
	out := make([]int, 0, len(items))
	for _, it := range items {
		var v struct{ ID int }
		if err := json.Unmarshal(it, &v); err != nil {
			t.Fatalf("item %s: %v", it, err)
		}
		out = append(out, v.ID)
	}
	return out
}

// checkPages: the traces are numbered, count their items, only the last
// says why paging stopped, and OnPage saw each page.
func checkPages(t *testing.T, res paginate.Result, traced []paginate.PageTrace, want int) {
	t.Helper()
	if len(res.Pages) != want {
		t.Fatalf("%d pages, want %d: %+v", len(res.Pages), want, res.Pages)
	}
	if len(traced) != len(res.Pages) {
		t.Errorf("OnPage saw %d pages, want %d", len(traced), len(res.Pages))
	}
	sum := 0
	for i, p := range res.Pages {
		sum += p.Items
		if p.Number != i+1 || p.Method == "" || !strings.HasPrefix(p.URL, "http://127.0.0.1:") {
			t.Errorf("page %d trace = %+v", i+1, p)
		}
		if last := i == len(res.Pages)-1; last != (p.Stop != "") {
			t.Errorf("page %d: Stop = %q (last page: %v)", i+1, p.Stop, last)
		}
	}
	if want > 0 && res.Pages[want-1].Stop != res.StopReason {
		t.Errorf("last page's Stop %q differs from StopReason %q", res.Pages[want-1].Stop, res.StopReason)
	}
	if sum != len(res.Items) {
		t.Errorf("pages count %d items, the result has %d", sum, len(res.Items))
	}
}

// checkExchanges: one with a response per request the vendor got, with
// its body, and no credential on the engine's own copy of the request.
func checkExchanges(t *testing.T, res paginate.Result, requests int) {
	t.Helper()
	answered := 0
	for _, ex := range res.Exchanges {
		if ex.Response != nil {
			answered++
		}
	}
	if answered != requests {
		t.Errorf("%d exchanges with a response, the vendor got %d requests", answered, requests)
	}
	for i, ex := range res.Exchanges {
		if ex.Request == nil || ex.Request.Header.Get("Authorization") != "" {
			t.Errorf("exchange %d: request %v carries credentials or is missing", i, ex.Request)
		}
		if ex.Err == nil && (ex.Response == nil || ex.Body == nil) {
			t.Errorf("exchange %d: no response or body", i)
		}
	}
}

func TestRunDurationsFromTheClock(t *testing.T) {
	v := newVendor(t)
	clk := newClock()
	first, _ := http.NewRequest(http.MethodGet, v.srv.URL+"/cursor", nil)
	res, err := paginate.Run(context.Background(), paginate.Options{
		Config: cursorCfg, First: first,
		Send: func(ctx context.Context, req *http.Request) (*http.Response, error) {
			_ = clk.Sleep(ctx, 1500*time.Millisecond)
			req.Header.Set("Authorization", secret)
			return v.srv.Client().Do(req)
		},
		Now: clk.Now, Sleep: clk.Sleep,
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Pages {
		if p.DurationMs != 1500 || p.Status != 200 || p.Method != "GET" {
			t.Errorf("trace %+v, want 1500 ms, 200, GET", p)
		}
	}
	for _, ex := range res.Exchanges {
		if ex.Duration != 1500*time.Millisecond {
			t.Errorf("exchange duration %v, want 1.5s", ex.Duration)
		}
	}
}

func TestRunRefusesBadOptions(t *testing.T) {
	send := func(context.Context, *http.Request) (*http.Response, error) {
		t.Error("Send called")
		return nil, errors.New("no")
	}
	get, _ := http.NewRequest(http.MethodGet, "https://api.example.com/v1/users", nil)
	rel := &http.Request{Method: http.MethodGet, URL: get.URL.ResolveReference(get.URL)}
	rel.URL.Scheme, rel.URL.Host = "", ""
	body, _ := http.NewRequest(http.MethodPost, "https://api.example.com/v1/search", strings.NewReader("{}"))
	body.GetBody = nil
	tests := []struct {
		name  string
		o     paginate.Options
		field string
		msg   string
	}{
		{"no request", paginate.Options{Send: send}, "", "first page's request is missing"},
		{"relative URL", paginate.Options{First: rel, Send: send}, "", "must be absolute"},
		{"no sender", paginate.Options{First: get}, "", "Send is missing"},
		{"a body that cannot be replayed", paginate.Options{First: body, Send: send}, "", "cannot be sent again"},
		{"invalid config", paginate.Options{First: get, Send: send, Config: paginate.Config{Type: paginate.Page}}, "pagination.page_param", "Page param is required"},
		{"too many pages", paginate.Options{First: get, Send: send, MaxPages: 21}, "max_pages", "between 1 and 20"},
		{"negative pages", paginate.Options{First: get, Send: send, MaxPages: -1}, "max_pages", "between 1 and 20"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := paginate.Run(context.Background(), tt.o)
			var ae *apperr.Error
			if !errors.As(err, &ae) || ae.Code != apperr.Invalid || ae.Field != tt.field || !strings.Contains(ae.Message, tt.msg) {
				t.Fatalf("Run error = %#v, want invalid on %q saying %q", err, tt.field, tt.msg)
			}
			if res.Items != nil || res.Pages != nil || res.Exchanges != nil {
				t.Errorf("bad options returned a result: %+v", res)
			}
		})
	}
}

func TestRunTransportErrorHidesTheQuery(t *testing.T) {
	first, _ := http.NewRequest(http.MethodGet, "http://127.0.0.1:1/v1/users?api_key=leaky", nil)
	res, err := paginate.Run(context.Background(), paginate.Options{
		Config: resCfg, First: first,
		Send: func(ctx context.Context, req *http.Request) (*http.Response, error) {
			return http.DefaultClient.Do(req.WithContext(ctx))
		},
	})
	if err == nil || res.Complete || !strings.HasPrefix(res.StopReason, "page 1: the request to 127.0.0.1:1 failed") {
		t.Fatalf("Run = %q, %v; want a transport failure on page 1", res.StopReason, err)
	}
	if strings.Contains(res.StopReason, "leaky") || strings.Contains(err.Error(), "leaky") {
		t.Errorf("the message quotes the query: %q", res.StopReason)
	}
	if len(res.Exchanges) != 1 || res.Exchanges[0].Err == nil || res.Pages[0].Status != 0 {
		t.Errorf("exchanges %+v, pages %+v", res.Exchanges, res.Pages)
	}
}

// A vendor's own error passed through Send (e.g. the auth engine failing
// to refresh) keeps its user-safe message.
func TestRunSendErrorFromAuth(t *testing.T) {
	first, _ := http.NewRequest(http.MethodGet, "https://api.example.com/v1/users", nil)
	_, err := paginate.Run(context.Background(), paginate.Options{
		Config: paginate.Config{}, First: first,
		Send: func(context.Context, *http.Request) (*http.Response, error) {
			return nil, apperr.Errorf(apperr.Unavailable, "The configuration is not signed in.")
		},
	})
	if err == nil || !strings.Contains(err.Error(), "Page 1: The configuration is not signed in.") {
		t.Fatalf("err = %v", err)
	}
}

// A sender that breaks its contract (no response, no error; a response
// without a body) is a failure of page 1, not a panic.
func TestRunOddSenders(t *testing.T) {
	first, _ := http.NewRequest(http.MethodGet, "https://api.example.com/v1/users", nil)
	res, err := paginate.Run(context.Background(), paginate.Options{
		First: first,
		Send:  func(context.Context, *http.Request) (*http.Response, error) { return nil, nil },
	})
	if err == nil || !strings.Contains(res.StopReason, "page 1: the request to api.example.com failed: the sender returned no response") {
		t.Errorf("nil response: %q, %v", res.StopReason, err)
	}
	res, err = paginate.Run(context.Background(), paginate.Options{
		First: first,
		Send: func(context.Context, *http.Request) (*http.Response, error) {
			return &http.Response{StatusCode: 200, Status: "200 OK", Header: http.Header{}}, nil
		},
	})
	if err == nil || !strings.Contains(res.StopReason, "page 1: the response is not JSON (no Content-Type, empty body)") {
		t.Errorf("no body: %q, %v", res.StopReason, err)
	}
}
