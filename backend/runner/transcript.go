package runner

import (
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode/utf8"

	"integrationstudio/backend/paginate"
	"integrationstudio/backend/redact"
)

// Exchange is one round trip in a run's transcript, redacted.
type Exchange struct {
	Page            int               `json:"page"`
	Attempt         int               `json:"attempt"`
	Method          string            `json:"method"`
	URL             string            `json:"url"`
	RequestHeaders  map[string]string `json:"requestHeaders"`
	RequestBody     string            `json:"requestBody,omitempty"`
	Status          int               `json:"status"`
	StatusText      string            `json:"statusText"`
	ResponseHeaders map[string]string `json:"responseHeaders"`
	// ResponseBody is pretty JSON when the body is JSON, else the text
	// (or a note for binary data); cut at maxTranscriptBody.
	ResponseBody string `json:"responseBody"`
	BodyBytes    int    `json:"bodyBytes"`
	Truncated    bool   `json:"truncated,omitempty"`
	DurationMs   int64  `json:"durationMs"`
	Error        string `json:"error,omitempty"`
}

// maxTranscriptBody bounds one body in a transcript and in history; the
// merged items carry the data itself.
const maxTranscriptBody = 256 << 10

// scrubber masks credentials: by header, parameter and key name (package
// redact), and by value — each credential the authenticator put on a
// request is also replaced wherever else it appears (a vendor echoing the
// key in a body, a token in a next link).
type scrubber struct{ values []string }

// learn records the credential values sent: headers Send added or changed
// relative to the request the engine built.
func (s *scrubber) learn(built, sent *http.Request) {
	if built == nil || sent == nil {
		return
	}
	for name, vs := range sent.Header {
		before := built.Header.Values(name)
		for _, v := range vs {
			if containsString(before, v) {
				continue
			}
			if !redact.IsSensitive(name) && !isAuthHeaderValue(v) {
				continue // an extra header the authenticator sends: not a secret
			}
			s.add(v)
			if _, rest, ok := strings.Cut(v, " "); ok {
				s.add(rest) // the token without its scheme
			}
		}
	}
	if u, p, ok := sent.BasicAuth(); ok {
		s.add(u + ":" + p)
		s.add(p)
	}
}

// isAuthHeaderValue: custom key headers (X-Api-Key is caught by name) may
// have any name; a long opaque value set by the authenticator is treated
// as a credential.
func isAuthHeaderValue(v string) bool { return len(v) >= 16 && !strings.ContainsAny(v, " ,;=") }

func (s *scrubber) add(v string) {
	v = strings.TrimSpace(v)
	if len(v) < 6 || containsString(s.values, v) {
		return // too short to mask safely without mangling ordinary text
	}
	s.values = append(s.values, v)
	// Longest first, so a token is masked whole before its scheme-less part.
	sort.Slice(s.values, func(i, j int) bool { return len(s.values[i]) > len(s.values[j]) })
}

func (s *scrubber) text(t string) string {
	for _, v := range s.values {
		if strings.Contains(t, v) {
			t = strings.ReplaceAll(t, v, redact.Mask)
		}
		if q := url.QueryEscape(v); q != v && strings.Contains(t, q) {
			t = strings.ReplaceAll(t, q, redact.Mask)
		}
	}
	return t
}

func (s *scrubber) url(raw string) string { return s.text(redact.URL(raw)) }

func (s *scrubber) headers(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for name, vs := range redact.Headers(h) {
		out[name] = s.text(strings.Join(vs, ", "))
	}
	return out
}

// body renders a body for the transcript: pretty JSON with sensitive keys
// masked, else text, else a note; then masked by value.
func (s *scrubber) body(b []byte) (string, bool) {
	truncated := false
	if pretty, ok := redact.PrettyJSON(b); ok {
		b = pretty
	} else if !utf8.Valid(b) {
		return "(binary data)", false
	} else {
		b = redact.JSON(b) // masks form-encoded credential fields
	}
	if len(b) > maxTranscriptBody {
		b, truncated = b[:maxTranscriptBody], true
		for len(b) > 0 && !utf8.Valid(b) {
			b = b[:len(b)-1]
		}
	}
	return s.text(string(b)), truncated
}

func (s *scrubber) exchange(e paginate.Exchange) Exchange {
	out := Exchange{Page: e.Page, Attempt: e.Attempt, DurationMs: e.Duration.Milliseconds(), BodyBytes: len(e.Body)}
	req := e.Request
	if e.Response != nil && e.Response.Request != nil {
		req = e.Response.Request // as sent, credentials included (then masked)
	}
	if req != nil {
		out.Method, out.URL = req.Method, s.url(req.URL.String())
		out.RequestHeaders = s.headers(req.Header)
		if req.GetBody != nil {
			if rc, err := req.GetBody(); err == nil {
				var buf strings.Builder
				_, _ = io.Copy(&buf, io.LimitReader(rc, maxTranscriptBody))
				rc.Close()
				out.RequestBody, _ = s.body([]byte(buf.String()))
			}
		}
	}
	if e.Response != nil {
		out.Status, out.StatusText = e.Response.StatusCode, http.StatusText(e.Response.StatusCode)
		out.ResponseHeaders = s.headers(e.Response.Header)
		out.ResponseBody, out.Truncated = s.body(e.Body)
	}
	if e.Err != nil {
		out.Error = s.text(e.Err.Error())
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// Curl renders the first request as a curl command with credentials
// masked, for pasting into a terminal or a vendor's support ticket.
func Curl(e Exchange) string {
	var b strings.Builder
	b.WriteString("curl")
	if e.Method != http.MethodGet {
		b.WriteString(" -X " + e.Method)
	}
	b.WriteString(" " + shellQuote(e.URL))
	names := make([]string, 0, len(e.RequestHeaders))
	for n := range e.RequestHeaders {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.EqualFold(n, "Content-Length") || strings.EqualFold(n, "Accept-Encoding") {
			continue
		}
		b.WriteString(" \\\n  -H " + shellQuote(n+": "+e.RequestHeaders[n]))
	}
	if e.RequestBody != "" {
		b.WriteString(" \\\n  --data " + shellQuote(e.RequestBody))
	}
	return b.String()
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
