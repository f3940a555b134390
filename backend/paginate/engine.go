package paginate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"integrationstudio/backend/apperr"
)

// Defaults of Options.
const (
	DefaultTotalTimeout = 2 * time.Minute
	DefaultMaxRetryWait = 30 * time.Second
	DefaultMaxBodyBytes = 32 << 20
	// MaxRetries is how often one page is retried after a 429 or 503.
	MaxRetries = 3
	// retryWithoutHeader is the first wait after a 429/503 that names no
	// Retry-After; it doubles on each retry.
	retryWithoutHeader = time.Second
)

// Exchange is one HTTP round trip as the engine saw it.
type Exchange struct {
	// Request is the request as the engine built it, before Send applied
	// credentials: Send gets a clone, so nothing Send adds shows here.
	// Response.Request is the request that was actually sent.
	Request  *http.Request
	Response *http.Response // nil on a transport error; its Body is already read and closed
	Body     []byte         // the response body, read by the engine (at most MaxBodyBytes)
	Duration time.Duration
	Err      error
	// Page is the number of the page this round trip was for (1-based);
	// Attempt is 0 for the first try and counts the 429/503 retries.
	Page, Attempt int
}

// Options is one run of an engine.
type Options struct {
	// Config is the effective config (Effective already applied). Run
	// normalizes and validates it.
	Config Config
	// First is the first page's request, fully built by the runner
	// (credentials NOT applied). A body must be replayable (GetBody set,
	// as http.NewRequest does for bytes and strings readers): every page
	// and retry sends it again.
	First *http.Request
	// Send applies credentials and sends. Run never calls it for a URL on
	// another origin than First's: a next link elsewhere stops paging, so
	// credentials never go there. Send gets a clone of each request.
	Send func(ctx context.Context, req *http.Request) (*http.Response, error)
	// MaxPages is at most MaxPageLimit (20); 0 means Config.DefaultPageLimit,
	// or 20 when that is unset.
	MaxPages int
	// TotalTimeout caps the whole run, retry waits included (default 2 min).
	TotalTimeout time.Duration
	// MaxRetryWait bounds a Retry-After on 429/503 (default 30 s); a vendor
	// asking for longer stops paging with a message.
	MaxRetryWait time.Duration
	// MaxBodyBytes caps one response body (default 32 MiB); a bigger one
	// stops paging with an error.
	MaxBodyBytes int64
	// OnPage, when set, is called with each page's trace as it completes
	// (the UI shows pages as they arrive). When paging stops between two
	// pages (cancellation, time cap) the last trace already passed had an
	// empty Stop; Result.Pages has the final word.
	OnPage func(PageTrace)
	// Now and Sleep are injectable for tests; nil means the real clock.
	// Sleep must return ctx's error when ctx ends first.
	Now   func() time.Time
	Sleep func(ctx context.Context, d time.Duration) error
}

// PageTrace is one page as the UI's timeline and the CLI's --json show it.
type PageTrace struct {
	Number int    `json:"number"`
	URL    string `json:"url"` // as requested, before credentials
	Method string `json:"method"`
	Status int    `json:"status"` // 0 on a transport error
	// DurationMs runs from the page's first attempt to its last response,
	// retry waits included (Exchanges have each attempt's own duration).
	DurationMs int64 `json:"durationMs"`
	Items      int   `json:"items"`
	// Stop is why paging stopped after this page, "" if it continued.
	Stop    string `json:"stop,omitempty"`
	Retries int    `json:"retries,omitempty"` // 429/503 retries on this page
}

// Result is what a run brought back.
//
// Memory: Items hold one copy of each page's results array (the items
// slice into it), and no decoded tree of a page outlives the page.
// Exchanges keep every raw response body for the runner's transcript, so
// a run holds at most about MaxBodyBytes × (pages + retries) of bodies;
// drop Exchanges once the transcript is written to free them.
type Result struct {
	Items      []json.RawMessage // merged in page order
	Pages      []PageTrace
	Exchanges  []Exchange // every round trip, retries included
	Complete   bool
	StopReason string // a human sentence; names hosts, never full URLs
}

// Run pages through a vendor endpoint as o.Config says. The error is an
// *apperr.Error. Bad options (nil First or Send, an invalid Config,
// MaxPages out of range) return an empty Result and an Invalid error.
// Otherwise the Result holds what was fetched:
//   - Complete, nil error: paging ran out (one request for None, no next
//     link or cursor, an empty page, fewer items than the page size);
//   - not Complete, nil error: a limit stopped it (the page limit, a next
//     link on another origin);
//   - not Complete, an error: a failure stopped it (a vendor error, naming
//     the page; a response that does not fit the config; pagination not
//     advancing; the time cap; cancellation). The error's message is
//     StopReason as a sentence.
func Run(ctx context.Context, o Options) (Result, error) {
	r, err := newRun(ctx, o)
	if err != nil {
		return Result{}, err
	}
	defer r.cancel()
	return r.run()
}

type run struct {
	o      Options
	c      Config
	ctx    context.Context
	cancel context.CancelFunc
	start  time.Time
	max    int
	origin string

	query    string   // First's raw query, the page size param added
	size     int      // the page size asked for, 0 when unknown
	next     int      // the next index or page number
	cursor   string   // the next cursor (pointer)
	nextURL  *url.URL // the next link (link)
	seenURL  map[string]int
	seenCur  map[string]int
	lastHash uint64

	res Result
}

var errTimeCap = errors.New("total time cap reached")

func newRun(ctx context.Context, o Options) (*run, error) {
	if o.First == nil || o.First.URL == nil {
		return nil, apperr.Errorf(apperr.Invalid, "No request to send: the first page's request is missing.")
	}
	if !o.First.URL.IsAbs() || o.First.URL.Host == "" {
		return nil, apperr.Errorf(apperr.Invalid, "The first page's URL must be absolute (scheme and host).")
	}
	if o.Send == nil {
		return nil, apperr.Errorf(apperr.Invalid, "No sender: Options.Send is missing.")
	}
	if o.First.Body != nil && o.First.Body != http.NoBody && o.First.GetBody == nil {
		return nil, apperr.Errorf(apperr.Invalid, "The request body cannot be sent again for the next page or a retry: build the request with a bytes or strings reader (GetBody).")
	}
	c := o.Config.Normalized()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	max := o.MaxPages
	switch {
	case max < 0 || max > MaxPageLimit:
		return nil, apperr.FieldErrorf("max_pages", "Max pages is %d; it must be between 1 and %d.", max, MaxPageLimit)
	case max == 0 && c.DefaultPageLimit > 0:
		max = c.DefaultPageLimit
	case max == 0:
		max = MaxPageLimit
	}
	if o.TotalTimeout <= 0 {
		o.TotalTimeout = DefaultTotalTimeout
	}
	if o.MaxRetryWait <= 0 {
		o.MaxRetryWait = DefaultMaxRetryWait
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Sleep == nil {
		o.Sleep = sleep
	}
	if ctx == nil {
		ctx = context.Background()
	}
	// The real-time deadline backs up the check against o.Now, which is
	// what tests fake.
	rctx, cancel := context.WithTimeoutCause(ctx, o.TotalTimeout, errTimeCap)
	return &run{o: o, c: c, ctx: rctx, cancel: cancel, start: o.Now(), max: max,
		origin: origin(o.First.URL), seenURL: map[string]int{}, seenCur: map[string]int{}}, nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stop is why paging ended: the sentence, whether the items are all there
// is, and for failures the error to return.
type stop struct {
	reason   string
	complete bool
	err      *apperr.Error
}

func done(reason string) *stop    { return &stop{reason: reason, complete: true} }
func limited(reason string) *stop { return &stop{reason: reason} }

// failed is a stop by failure; field names the config detail involved, if
// any.
func failed(code, field, reason string) *stop {
	return &stop{reason: reason, err: &apperr.Error{Code: code, Field: field, Message: upperFirst(reason) + "."}}
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (r *run) run() (Result, error) {
	r.prepare()
	for n := 1; ; n++ {
		if st := r.between(); st != nil {
			return r.finish(st)
		}
		st := r.page(n, r.request(n))
		if st == nil && n >= r.max {
			st = limited(fmt.Sprintf("page limit (%d) reached", r.max))
		}
		if st != nil {
			r.res.Pages[len(r.res.Pages)-1].Stop = st.reason
		}
		if r.o.OnPage != nil {
			r.o.OnPage(r.res.Pages[len(r.res.Pages)-1])
		}
		if st != nil {
			return r.finish(st)
		}
	}
}

func (r *run) finish(st *stop) (Result, error) {
	r.res.Complete, r.res.StopReason = st.complete, st.reason
	if len(r.res.Pages) > 0 && r.res.Pages[len(r.res.Pages)-1].Stop == "" {
		r.res.Pages[len(r.res.Pages)-1].Stop = st.reason
	}
	if st.err != nil {
		return r.res, st.err
	}
	return r.res, nil
}

// between checks cancellation and the time cap before a page is sent.
func (r *run) between() *stop {
	if err := r.ctx.Err(); err != nil {
		return r.ctxStop(0)
	}
	if r.o.Now().Sub(r.start) >= r.o.TotalTimeout {
		return r.capStop(0)
	}
	return nil
}

func (r *run) capStop(page int) *stop {
	s := fmt.Sprintf("total time cap (%s) reached", r.o.TotalTimeout)
	if page > 0 {
		s += fmt.Sprintf(" during page %d", page)
	}
	return failed(apperr.Unavailable, "", s)
}

// ctxStop tells the caller's cancellation from the run's own time cap.
func (r *run) ctxStop(page int) *stop {
	if errors.Is(context.Cause(r.ctx), errTimeCap) {
		return r.capStop(page)
	}
	s := "cancelled"
	if page > 0 {
		s += fmt.Sprintf(" during page %d", page)
	}
	return failed(apperr.Unavailable, "", s)
}

// prepare reads the starting point of index, page and pointer paging from
// First's query, and the page size.
func (r *run) prepare() {
	r.query = r.o.First.URL.RawQuery
	q := r.o.First.URL.Query()
	c := r.c
	if c.Type == None {
		return
	}
	if c.PageSizeParam != "" {
		if v, err := strconv.Atoi(q.Get(c.PageSizeParam)); err == nil && v > 0 {
			r.size = v
		} else if !q.Has(c.PageSizeParam) && c.DefaultPageSize > 0 {
			r.query = setQuery(r.query, c.PageSizeParam, strconv.Itoa(c.DefaultPageSize))
			r.size = c.DefaultPageSize
		}
	}
	if r.size == 0 {
		r.size = c.DefaultPageSize
	}
	switch c.Type {
	case Index:
		r.next = 0
		if v, err := strconv.Atoi(q.Get(c.IndexParam)); err == nil && v >= 0 {
			r.next = v
		}
	case Page:
		r.next = c.PageStart
		if r.next == 0 {
			r.next = DefaultPageStart
		}
		if v, err := strconv.Atoi(q.Get(c.PageParam)); err == nil && v >= 0 {
			r.next = v
		}
	case Pointer:
		if q.Has(c.AfterParam) {
			r.cursor = q.Get(c.AfterParam)
			r.seenCur[r.cursor] = 0 // the first request's own cursor
		}
	}
}

// request builds page n's request from First: the same method, headers
// and body, with the URL this page needs.
func (r *run) request(n int) *http.Request {
	u := *r.o.First.URL
	u.RawQuery = r.query
	switch r.c.Type {
	case Index:
		u.RawQuery = setQuery(u.RawQuery, r.c.IndexParam, strconv.Itoa(r.next))
	case Page:
		u.RawQuery = setQuery(u.RawQuery, r.c.PageParam, strconv.Itoa(r.next))
	case Pointer:
		if n > 1 {
			u.RawQuery = setQuery(u.RawQuery, r.c.AfterParam, r.cursor)
		}
	case Link:
		if n > 1 {
			u = *r.nextURL
		}
	}
	r.seenURL[u.String()] = n
	req := r.o.First.Clone(r.ctx)
	req.URL = &u
	return req
}

// setQuery sets name=value in a raw query, keeping the other parameters
// as the runner encoded them: the first occurrence is replaced, later ones
// dropped, and a missing one appended.
func setQuery(raw, name, value string) string {
	pair := url.QueryEscape(name) + "=" + url.QueryEscape(value)
	if raw == "" {
		return pair
	}
	parts := strings.Split(raw, "&")
	out := parts[:0]
	set := false
	for _, p := range parts {
		k, _, _ := strings.Cut(p, "=")
		if k, err := url.QueryUnescape(k); err == nil && k == name {
			if !set {
				out = append(out, pair)
				set = true
			}
			continue
		}
		out = append(out, p)
	}
	if !set {
		out = append(out, pair)
	}
	return strings.Join(out, "&")
}

// attempt clones req for one try, with a fresh body.
func (r *run) attempt(req *http.Request) (*http.Request, error) {
	out := req.Clone(r.ctx)
	if req.GetBody != nil {
		b, err := req.GetBody()
		if err != nil {
			return nil, fmt.Errorf("the request body cannot be read again: %v", err)
		}
		out.Body = b
	}
	return out, nil
}

// page fetches page n (with its retries), records it and decides whether
// paging goes on; nil means it does.
func (r *run) page(n int, req *http.Request) *stop {
	tr := PageTrace{Number: n, URL: req.URL.String(), Method: req.Method}
	began := r.o.Now()
	resp, body, st := r.fetch(n, req, &tr)
	tr.DurationMs = r.o.Now().Sub(began).Milliseconds()
	r.res.Pages = append(r.res.Pages, tr)
	if st != nil {
		return st
	}
	pg := newPage(body)
	items, raw, st := r.items(n, resp, pg)
	if st != nil {
		return st
	}
	if st := r.repeated(n, raw); st != nil {
		return st
	}
	r.res.Items = append(r.res.Items, items...)
	r.res.Pages[len(r.res.Pages)-1].Items = len(items)
	return r.advance(n, req, resp, pg, items)
}

// repeated catches an index or page vendor ignoring the param: page n's
// items are exactly page n-1's. Those items are not merged twice.
func (r *run) repeated(n int, raw []byte) *stop {
	if (r.c.Type != Index && r.c.Type != Page) || len(raw) == 0 {
		return nil
	}
	h := fnv.New64a()
	h.Write(raw)
	sum := h.Sum64()
	if n == 1 || sum != r.lastHash {
		r.lastHash = sum
		return nil
	}
	field, param := "index_param", r.c.IndexParam
	if r.c.Type == Page {
		field, param = "page_param", r.c.PageParam
	}
	return failed(apperr.Invalid, "pagination."+field,
		fmt.Sprintf("pagination not advancing: page %d returned the same items as page %d (does the vendor take the %q parameter?)", n, n-1, param))
}

// fetch sends req, retrying 429 and 503 as Retry-After says, and reads
// the body of the final response.
func (r *run) fetch(n int, req *http.Request, tr *PageTrace) (*http.Response, []byte, *stop) {
	host := req.URL.Host
	for try := 0; ; try++ {
		send, err := r.attempt(req)
		if err != nil {
			return nil, nil, failed(apperr.Invalid, "", fmt.Sprintf("page %d: %v", n, err))
		}
		ex := Exchange{Request: req, Page: n, Attempt: try}
		t0 := r.o.Now()
		resp, err := r.o.Send(r.ctx, send)
		switch {
		case err != nil && resp != nil:
			if resp.Body != nil {
				resp.Body.Close()
			}
			resp = nil
		case err == nil && resp == nil:
			err = errors.New("the sender returned no response")
		}
		var body []byte
		var tooBig bool
		if err == nil {
			body, tooBig, err = readBody(resp, r.o.MaxBodyBytes)
		}
		ex.Duration, ex.Response, ex.Body, ex.Err = r.o.Now().Sub(t0), resp, body, err
		r.res.Exchanges = append(r.res.Exchanges, ex)
		if resp != nil {
			tr.Status = resp.StatusCode
		}
		if err != nil {
			if r.ctx.Err() != nil {
				return nil, nil, r.ctxStop(n)
			}
			return nil, nil, failed(apperr.Unavailable, "", fmt.Sprintf("page %d: %s", n, sendError(err, host)))
		}
		if tooBig {
			return nil, nil, failed(apperr.Unavailable, "", fmt.Sprintf("page %d: the response body is larger than %s; paging stopped", n, byteSize(r.o.MaxBodyBytes)))
		}
		code := resp.StatusCode
		if code >= 200 && code <= 299 {
			return resp, body, nil
		}
		status := fmt.Sprintf("page %d: HTTP %s", n, statusText(resp))
		if code != http.StatusTooManyRequests && code != http.StatusServiceUnavailable {
			return nil, nil, failed(apperr.Unavailable, "", status+" from "+host)
		}
		if try == MaxRetries {
			return nil, nil, failed(apperr.Unavailable, "", fmt.Sprintf("%s from %s, still after %d retries", status, host, MaxRetries))
		}
		wait, ok := retryAfter(resp.Header.Get("Retry-After"), r.o.Now())
		if !ok {
			wait = retryWithoutHeader << try
		}
		if wait > r.o.MaxRetryWait {
			return nil, nil, failed(apperr.Unavailable, "", fmt.Sprintf("%s from %s; the vendor asks to wait %s before retrying, longer than the %s this test waits", status, host, wait, r.o.MaxRetryWait))
		}
		if r.o.Now().Add(wait).Sub(r.start) >= r.o.TotalTimeout {
			return nil, nil, r.capStop(n)
		}
		if err := r.o.Sleep(r.ctx, wait); err != nil {
			return nil, nil, r.ctxStop(n)
		}
		tr.Retries++
	}
}

func readBody(resp *http.Response, max int64) ([]byte, bool, error) {
	if resp.Body == nil {
		return []byte{}, false, nil
	}
	defer resp.Body.Close()
	var buf bytes.Buffer
	if resp.ContentLength > 0 && resp.ContentLength <= max {
		buf.Grow(int(resp.ContentLength) + 1)
	}
	_, err := buf.ReadFrom(io.LimitReader(resp.Body, max+1))
	b := buf.Bytes()
	if int64(len(b)) > max {
		return b[:max], true, nil
	}
	return b, false, err
}

func statusText(resp *http.Response) string {
	if t := http.StatusText(resp.StatusCode); t != "" {
		return fmt.Sprintf("%d %s", resp.StatusCode, t)
	}
	return strconv.Itoa(resp.StatusCode)
}

// sendError is a transport failure in words safe to show: a *url.Error
// quotes the whole URL, query included, so only its cause is kept.
func sendError(err error, host string) string {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Sprintf("the request to %s failed: %v", host, err)
}

func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// retryAfter reads a Retry-After value: delay-seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.ParseInt(v, 10, 64); err == nil {
		if s < 0 {
			return 0, false
		}
		if s > int64(24*time.Hour/time.Second) {
			s = int64(24 * time.Hour / time.Second)
		}
		return time.Duration(s) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	if d := t.Sub(now); d > 0 {
		return d, true
	}
	return 0, true
}

// items extracts page n's results; raw is the results array's bytes.
func (r *run) items(n int, resp *http.Response, pg *page) ([]json.RawMessage, []byte, *stop) {
	if !pg.json() {
		return nil, nil, failed(apperr.Invalid, "", fmt.Sprintf("page %d: the response is not JSON (%s)", n, describeBody(resp, pg.body)))
	}
	if r.c.Type == None && r.c.ResultsKey == "" {
		// Unpaginated: the whole body is the result. An array is spread
		// into items; anything else is one item.
		if pg.kind() == '[' {
			items, raw := pg.array(pg.trimmed(), false)
			return items, raw, nil
		}
		return []json.RawMessage{append(json.RawMessage(nil), pg.trimmed()...)}, nil, nil
	}
	raw, found, where, err := pg.lookup(r.c.ResultsKey)
	if err != nil {
		return nil, nil, failed(apperr.Invalid, "", fmt.Sprintf("page %d: the response is not JSON (%s)", n, describeBody(resp, pg.body)))
	}
	key := r.c.ResultsKey
	if !found {
		return nil, nil, failed(apperr.Invalid, "pagination.results_key", fmt.Sprintf("page %d: results key %q not found; %s", n, key, where))
	}
	switch k := kindOf(raw); k {
	case '[':
		items, arr := pg.array(raw, key != "")
		return items, arr, nil
	case 'n':
		return nil, nil, nil // null: some vendors' way of saying "no items"
	default:
		what := kindName(k)
		if key == "" {
			return nil, nil, failed(apperr.Invalid, "pagination.results_key", fmt.Sprintf("page %d: the response is %s, not an array; set the results key to the array's path%s", n, what, keysHint(raw)))
		}
		return nil, nil, failed(apperr.Invalid, "pagination.results_key", fmt.Sprintf("page %d: results key %q is %s, not an array%s", n, key, what, keysHint(raw)))
	}
}

func keysHint(raw []byte) string {
	if kindOf(raw) != '{' {
		return ""
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	return "; its keys are: " + keyList(m)
}

func describeBody(resp *http.Response, body []byte) string {
	ct := resp.Header.Get("Content-Type")
	if ct == "" {
		ct = "no Content-Type"
	} else {
		ct = "Content-Type " + ct
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return ct + ", empty body"
	}
	return fmt.Sprintf("%s, %d bytes", ct, len(body))
}

// advance decides what comes after page n; nil means there is a next page,
// now set up in r.
func (r *run) advance(n int, req *http.Request, resp *http.Response, pg *page, items []json.RawMessage) *stop {
	c := r.c
	if c.Type == None {
		return done("no pagination: one request")
	}
	if len(items) == 0 {
		return done("empty page")
	}
	switch c.Type {
	case Index, Page:
		if r.size > 0 && len(items) < r.size {
			return done(fmt.Sprintf("fewer items than the page size (%d)", r.size))
		}
		if c.Type == Index {
			step := r.size
			if step == 0 {
				step = len(items)
			}
			r.next += step
		} else {
			r.next++
		}
		return nil
	case Link:
		ref, st := r.linkRef(n, resp, pg)
		if st != nil {
			return st
		}
		u, err := req.URL.Parse(ref)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			return failed(apperr.Invalid, "", fmt.Sprintf("page %d: the next link is not a valid http(s) URL", n))
		}
		u.Fragment, u.RawFragment = "", ""
		if o := origin(u); o != r.origin {
			return limited(fmt.Sprintf("next link on another origin (%s) — not followed", hostOf(u)))
		}
		if k, ok := r.seenURL[u.String()]; ok {
			return failed(apperr.Invalid, "", fmt.Sprintf("pagination not advancing: the next link on page %d points back to page %d", n, k))
		}
		r.nextURL = u
		return nil
	case Pointer:
		cur, st := r.pointer(n, pg)
		if st != nil {
			return st
		}
		if k, ok := r.seenCur[cur]; ok {
			where := fmt.Sprintf("page %d", k)
			if k == 0 {
				where = "the first request"
			}
			return failed(apperr.Invalid, "", fmt.Sprintf("pagination not advancing: cursor %s on page %d was already seen on %s", quoteShort(cur), n, where))
		}
		r.seenCur[cur] = n
		r.cursor = cur
		return nil
	}
	return done("no pagination")
}

// linkRef finds the next link of page n: "" with a stop when there is
// none.
func (r *run) linkRef(n int, resp *http.Response, pg *page) (string, *stop) {
	if r.c.LinkLocation == Header {
		values := resp.Header.Values(r.c.LinkHeaderName)
		if ref, ok := NextLink(values, r.c.LinkHeaderRel); ok {
			return ref, nil
		}
		// A custom header (X-Next-Page) may hold a bare URL.
		if !strings.EqualFold(r.c.LinkHeaderName, "link") && len(values) == 1 && !strings.Contains(values[0], "<") {
			if v := strings.TrimSpace(values[0]); v != "" {
				return v, nil
			}
		}
		return "", done("no next link")
	}
	raw, found, _, err := pg.lookup(r.c.NextPageKey)
	if err != nil || !found {
		return "", done("no next link")
	}
	switch kindOf(raw) {
	case 'n':
		return "", done("no next link")
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", done("no next link")
		}
		if s = strings.TrimSpace(s); s == "" {
			return "", done("no next link")
		}
		return s, nil
	}
	return "", failed(apperr.Invalid, "pagination.next_page_key", fmt.Sprintf("page %d: next page key %q is %s, not a URL string", n, r.c.NextPageKey, kindName(kindOf(raw))))
}

// pointer reads the next cursor of page n.
func (r *run) pointer(n int, pg *page) (string, *stop) {
	raw, found, err := pg.selectPath(r.c.PointerPath)
	if err != nil {
		return "", failed(apperr.Invalid, "pagination.pointer_path", fmt.Sprintf("page %d: %v", n, err))
	}
	if !found {
		return "", done("no next cursor")
	}
	switch k := kindOf(raw); k {
	case 'n':
		return "", done("no next cursor")
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil || s == "" {
			return "", done("no next cursor")
		}
		return s, nil
	case '0':
		return string(bytes.TrimSpace(raw)), nil
	default:
		return "", failed(apperr.Invalid, "pagination.pointer_path", fmt.Sprintf("page %d: pointer JSONPath %s selects %s, not a string or number", n, r.c.PointerPath, kindName(k)))
	}
}

// quoteShort quotes a cursor for a message, cut to 40 characters: cursors
// are opaque and can be long.
func quoteShort(s string) string {
	if r := []rune(s); len(r) > 40 {
		return strconv.Quote(string(r[:40])) + "…"
	}
	return strconv.Quote(s)
}

// origin is scheme://host:port with the default port made explicit.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		switch scheme {
		case "https":
			port = "443"
		case "http":
			port = "80"
		}
	}
	return scheme + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

func hostOf(u *url.URL) string {
	if u.Scheme != "" {
		return u.Scheme + "://" + u.Host
	}
	return u.Host
}
