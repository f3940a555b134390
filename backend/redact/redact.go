// Package redact removes credentials from headers, JSON bodies, URLs and log
// attributes before they are logged, shown in a transcript or exported.
package redact

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// Mask replaces a redacted value.
const Mask = "[REDACTED]"

// sensitiveName matches header, query, JSON and log keys that carry
// credentials: authorization, cookies, and anything named like a token,
// secret, password, API key, signature or private key.
var sensitiveName = regexp.MustCompile(`(?i)(authorization|cookie|token|secret|passw(or)?d|passphrase|api[-_]?key|apikey|x-api-key|private[-_]?key|signature|session|credential|client[-_]?assertion|^code$|code[-_]?verifier)`)

// IsSensitive reports whether a field or header name carries a credential.
func IsSensitive(name string) bool {
	// CORS's yes/no flag names credentials without carrying any.
	if strings.EqualFold(name, "Access-Control-Allow-Credentials") {
		return false
	}
	return sensitiveName.MatchString(name)
}

// Headers returns a copy of h with credential-bearing values masked.
// Authorization keeps its scheme ("Bearer [REDACTED]") so a transcript
// still shows which scheme was sent.
func Headers(h http.Header) http.Header {
	out := make(http.Header, len(h))
	for name, values := range h {
		if !IsSensitive(name) {
			out[name] = append([]string(nil), values...)
			continue
		}
		masked := make([]string, len(values))
		for i, v := range values {
			if scheme, _, ok := strings.Cut(v, " "); ok && strings.EqualFold(name, "Authorization") {
				masked[i] = scheme + " " + Mask
			} else {
				masked[i] = Mask
			}
		}
		out[name] = masked
	}
	return out
}

// URL masks the values of sensitive query parameters and any userinfo.
func URL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	if u.User != nil {
		u.User = url.User(Mask)
	}
	q := u.Query()
	changed := false
	for name := range q {
		if IsSensitive(name) {
			q[name] = []string{Mask}
			changed = true
		}
	}
	if changed {
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// maxDepth stops the walk on hostile, deeply nested bodies; deeper values
// are masked whole rather than risk leaking or recursing without bound.
const maxDepth = 64

// JSON masks values under sensitive keys anywhere in a JSON document. A
// body that is not JSON is returned as is only if it contains no sensitive
// form field; form-encoded bodies (token requests) are masked per field.
func JSON(body []byte) []byte {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return formBody(body)
	}
	out, err := json.Marshal(walk(v, 0))
	if err != nil {
		return []byte(Mask)
	}
	return out
}

func walk(v any, depth int) any {
	if depth > maxDepth {
		return Mask
	}
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			if IsSensitive(k) {
				t[k] = Mask
			} else {
				t[k] = walk(child, depth+1)
			}
		}
	case []any:
		for i, child := range t {
			t[i] = walk(child, depth+1)
		}
	}
	return v
}

func formBody(body []byte) []byte {
	q, err := url.ParseQuery(string(body))
	if err != nil || len(q) == 0 {
		return body
	}
	changed := false
	for name := range q {
		if IsSensitive(name) {
			q[name] = []string{Mask}
			changed = true
		}
	}
	if !changed {
		return body
	}
	return []byte(q.Encode())
}

// ReplaceAttr is a slog.HandlerOptions.ReplaceAttr that masks attributes
// whose key names a credential, so a careless log call cannot leak one.
func ReplaceAttr(_ []string, a slog.Attr) slog.Attr {
	if IsSensitive(a.Key) && a.Value.Kind() != slog.KindGroup {
		return slog.String(a.Key, Mask)
	}
	return a
}
