package paginate_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// vendor is a fixture API on loopback that paginates each of the five
// ways, with the quirks real vendors have. Every request must carry the
// credential Send applies; the vendor records what it was asked.
type vendor struct {
	t   *testing.T
	srv *httptest.Server
	// other is a second origin: a next link pointing there must never be
	// followed, so any request it gets fails the test.
	other *httptest.Server

	mu       sync.Mutex
	requests []string // path?query of each request, in order
	hits     map[string]int
}

const secret = "Bearer s3cret-token"

func newVendor(t *testing.T) *vendor {
	v := &vendor{t: t, hits: map[string]int{}}
	v.srv = httptest.NewServer(http.HandlerFunc(v.serve))
	v.other = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("the other origin got a request: %s %s (Authorization %q)", r.Method, r.URL, r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusTeapot)
	}))
	t.Cleanup(v.srv.Close)
	t.Cleanup(v.other.Close)
	return v
}

func (v *vendor) Requests() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]string(nil), v.requests...)
}

// items renders ids from..to-1 as a JSON array.
func items(from, to int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := from; i < to; i++ {
		if i > from {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":%d,"name":"item, \"%d\" ]}"}`, i, i)
	}
	b.WriteByte(']')
	return b.String()
}

func intParam(r *http.Request, name string, def int) int {
	if v, err := strconv.Atoi(r.URL.Query().Get(name)); err == nil {
		return v
	}
	return def
}

func writeJSON(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(body))
}

func (v *vendor) serve(w http.ResponseWriter, r *http.Request) {
	v.mu.Lock()
	v.requests = append(v.requests, r.URL.RequestURI())
	v.hits[r.URL.Path]++
	hit := v.hits[r.URL.Path]
	v.mu.Unlock()
	if r.Header.Get("Authorization") != secret {
		http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
		return
	}
	q := r.URL.Query()
	switch r.URL.Path {
	case "/offset": // 25 items, offset/limit
		total := intParam(r, "total", 25)
		off, lim := intParam(r, "offset", 0), intParam(r, "limit", 10)
		end := min(off+lim, total)
		writeJSON(w, fmt.Sprintf(`{"count":%d,"results":%s}`, total, items(off, max(end, off))))
	case "/offset-ignored": // a vendor that ignores the index param
		writeJSON(w, `{"results":`+items(0, 10)+`}`)
	case "/pages": // pages of per_page items, 1-based
		total := intParam(r, "total", 25)
		p, per := intParam(r, "page", 1), intParam(r, "per_page", 10)
		off := (p - 1) * per
		end := min(off+per, total)
		writeJSON(w, fmt.Sprintf(`{"data":{"users":%s}}`, items(off, max(end, off))))
	case "/pages0": // the same, counting pages from 0, results at the top
		p, per := intParam(r, "page", 0), intParam(r, "size", 10)
		off := p * per
		writeJSON(w, items(off, max(min(off+per, 25), off)))
	case "/forever": // never ends
		writeJSON(w, `{"results":`+items(hit*10, hit*10+10)+`}`)
	case "/link-header":
		// Page 1: several links in one line, relative next, rel lists.
		// Page 2: several Link lines, a comma inside the next URL.
		// Page 3: a prev link only.
		switch p := intParam(r, "page", 1); p {
		case 1:
			w.Header().Set("Link", `</link-header?page=5>; rel="last", <?page=2&per_page=3>; rel="next nofollow"; title="Next, please"`)
		case 2:
			w.Header().Add("Link", `<https://other.example/x>; rel="alternate"`)
			w.Header().Add("Link", `<./link-header?page=3&ids=1,2,3>; rel=next`)
		case 3:
			if q.Get("ids") != "1,2,3" {
				v.t.Errorf("page 3 lost the comma in its URL: %s", r.URL.RawQuery)
			}
			w.Header().Set("Link", `</link-header?page=2>; rel="prev"`)
		}
		p := intParam(r, "page", 1)
		writeJSON(w, items(p*10, p*10+3))
	case "/link-custom": // a custom header with a bare URL
		if intParam(r, "page", 1) == 1 {
			w.Header().Set("X-Next-Page", "/link-custom?page=2")
		}
		writeJSON(w, `{"items":`+items(0, 2)+`}`)
	case "/link-body":
		p := intParam(r, "page", 1)
		next := fmt.Sprintf(`"/link-body?page=%d"`, p+1)
		if p == 3 {
			next = "null"
		}
		writeJSON(w, fmt.Sprintf(`{"data":%s,"links":{"next":%s}}`, items(p*10, p*10+2), next))
	case "/link-loop": // page 2's next link is page 1 again
		p := intParam(r, "page", 1)
		next := "/link-loop?page=2"
		if p == 2 {
			next = "/link-loop#top" // the fragment does not make it another page
		}
		writeJSON(w, fmt.Sprintf(`{"data":%s,"next":%q}`, items(p, p+1), next))
	case "/link-cross": // page 2's next link leaves for another origin
		p := intParam(r, "page", 1)
		next := "/link-cross?page=2"
		if p == 2 {
			next = v.other.URL + "/steal?token=abc123"
		}
		w.Header().Set("Link", "<"+next+`>; rel="next"`)
		writeJSON(w, `{"data":`+items(p, p+1)+`}`)
	case "/cursor": // cursor nested in meta.next.cursor
		c := q.Get("cursor")
		page := map[string]int{"": 0, "c1": 1, "c2": 2}[c]
		next := fmt.Sprintf(`{"cursor":"c%d"}`, page+1)
		if page == 2 {
			next = `{"cursor":null}`
		}
		writeJSON(w, fmt.Sprintf(`{"data":%s,"meta":{"next":%s}}`, items(page*5, page*5+5), next))
	case "/stripe": // the last item's id is the cursor; empty data ends it
		after := intParam(r, "starting_after", 0)
		if after >= 6 {
			writeJSON(w, `{"object":"list","data":[],"has_more":false}`)
			return
		}
		writeJSON(w, fmt.Sprintf(`{"object":"list","data":%s,"has_more":true}`, items(after+1, after+4)))
	case "/cursor-number":
		after := intParam(r, "after", 0)
		next := strconv.Itoa(after + 1)
		if after == 2 {
			next = `""`
		}
		writeJSON(w, fmt.Sprintf(`{"data":%s,"next":%s}`, items(after, after+1), next))
	case "/repeat": // the same cursor forever
		writeJSON(w, `{"data":`+items(hit, hit+1)+`,"meta":{"next":{"cursor":"same"}}}`)
	case "/cycle": // A → B → A
		next := map[string]string{"": "A", "A": "B", "B": "A"}[q.Get("cursor")]
		writeJSON(w, fmt.Sprintf(`{"data":%s,"meta":{"next":{"cursor":%q}}}`, items(hit, hit+1), next))
	case "/retry-seconds": // 429 with Retry-After in seconds, twice
		if hit <= 2 {
			w.Header().Set("Retry-After", "2")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		writeJSON(w, `{"results":`+items(0, 3)+`}`)
	case "/retry-date": // 503 with Retry-After as an HTTP date (fixture's clock: see fakeClock)
		if hit == 1 {
			w.Header().Set("Retry-After", epoch.Add(20*time.Second).UTC().Format(http.TimeFormat))
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
			return
		}
		writeJSON(w, `{"results":`+items(0, 3)+`}`)
	case "/retry-long":
		w.Header().Set("Retry-After", "3600")
		http.Error(w, "come back later", http.StatusTooManyRequests)
	case "/retry-always":
		http.Error(w, "busy", http.StatusServiceUnavailable)
	case "/fail3": // page 3 fails
		p := intParam(r, "page", 1)
		if p == 3 {
			http.Error(w, `{"error":"boom"}`, http.StatusInternalServerError)
			return
		}
		writeJSON(w, `{"results":`+items(p*10, p*10+10)+`}`)
	case "/object": // results key "data" is an object
		writeJSON(w, `{"data":{"id":1,"name":"one"},"total":1}`)
	case "/html":
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<!doctype html><title>Login</title>"))
	case "/big":
		writeJSON(w, `{"results":[`+strings.Repeat(`"xxxxxxxxxx",`, 200)+`"x"]}`)
	case "/odd-next": // a cursor that is an object, a next link that is a number
		writeJSON(w, `{"data":`+items(0, 2)+`,"meta":{"next":{"cursor":{"x":1}}},"links":{"next":42}}`)
	case "/protocol-relative": // //host/path leaves the origin too
		w.Header().Set("Link", `<//`+strings.TrimPrefix(v.other.URL, "http://")+`/x>; rel=next`)
		writeJSON(w, items(0, 1))
	case "/single":
		writeJSON(w, `{"id":1,"name":"the one"}`)
	case "/post-search": // POST with a JSON body on every page
		var in struct{ Query string }
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Query != "x" || r.Method != http.MethodPost {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		p := intParam(r, "page", 1)
		writeJSON(w, `{"results":`+items(p*2, p*2+min(2, 4-p))+`}`)
	default:
		http.NotFound(w, r)
	}
}

// epoch is when the fake clock starts.
var epoch = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

// fakeClock is Now and Sleep for tests: sleeping moves the clock, and
// step moves it on every Now, so durations and the time cap can be tested
// without waiting.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	step   time.Duration
	sleeps []time.Duration
}

func newClock() *fakeClock { return &fakeClock{now: epoch} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(c.step)
	return c.now
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := ctx.Err(); err != nil {
		return err
	}
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	return nil
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}
