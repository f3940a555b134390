package auth

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"unicode"
)

// isTchar reports RFC 7230 §3.2.6 tchar, the characters of a token.
func isTchar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// isToken reports whether s is an RFC 7230 token (header names and
// authentication schemes are tokens).
func isToken(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isTchar(s[i]) {
			return false
		}
	}
	return true
}

// headerNameProblem explains why name cannot be a request header, or "".
func headerNameProblem(name string) string {
	if !isToken(name) {
		return fmt.Sprintf("%q is not a valid header name; use only letters, digits and !#$%%&'*+-.^_`|~ (RFC 7230 §3.2.6).", name)
	}
	// Framing and connection headers are the HTTP client's business: Go's
	// client ignores or overrides them, so a default would silently do
	// nothing or corrupt the request.
	switch strings.ToLower(name) {
	case "host", "content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade":
		return fmt.Sprintf("%q is set by the HTTP client for each request and cannot be a default.", name)
	}
	return ""
}

// valueProblem explains why s cannot be sent as one header or parameter
// value, or "". Tabs are allowed, as in RFC 7230 field values.
func valueProblem(s string) string {
	if strings.ContainsAny(s, "\r\n") {
		return "must be on one line (no line breaks)."
	}
	for _, r := range s {
		if r != '\t' && (r < 0x20 || r == 0x7f) {
			return "must not contain control characters."
		}
	}
	return ""
}

// maxPreambleWord is longer than any scheme word vendors use ("Bearer",
// "SSWS", "Zoho-oauthtoken") and shorter than real keys, so a longer word
// is most likely a pasted key.
const maxPreambleWord = 24

// headerValueProblem is valueProblem for text sent in a header, where a
// line break is also an attack: it would start a header of its own.
func headerValueProblem(s string) string {
	msg := valueProblem(s)
	if strings.ContainsAny(s, "\r\n") {
		msg = "must be on one line: a line break would start another header (header injection)."
	}
	return msg
}

// preambleProblem explains why p cannot precede the API key, or "".
func preambleProblem(p string) string {
	if msg := headerValueProblem(p); msg != "" {
		return msg
	}
	for _, w := range strings.Fields(p) {
		if len(w) > maxPreambleWord {
			return "looks like it holds the key itself; it should be the word sent before the key, such as Bearer. " + secretAdvice
		}
	}
	return ""
}

// badScopeChar returns the first character RFC 6749 §3.3 does not allow in
// a space-separated scope list.
func badScopeChar(s string) (rune, bool) {
	for _, r := range s {
		if r != ' ' && (r < 0x21 || r > 0x7e || r == '"' || r == '\\') {
			return r, true
		}
	}
	return 0, false
}

// isParamName reports RFC 6749 §8.2 param-name: 1*( ALPHA / DIGIT / "-" / "." / "_" ).
func isParamName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_') {
			return false
		}
	}
	return true
}

// url checks an OAuth endpoint. Messages never quote the URL: it could
// hold a credential the user should not see echoed into logs.
func (v *validator) url(field, label, raw, carries string) {
	if raw == "" {
		v.add(field, "%s is required.", label)
		return
	}
	if strings.IndexFunc(raw, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) >= 0 {
		v.add(field, "%s must not contain spaces or line breaks; URL-encode a space as %%20.", label)
		return
	}
	u, err := url.Parse(raw)
	if err != nil {
		v.add(field, "%s is not a valid URL; use the full address from the vendor's documentation, such as https://login.example.com/oauth/token.", label)
		return
	}
	switch {
	case u.Scheme != "https" && u.Scheme != "http":
		v.add(field, "%s must be an absolute URL starting with https://, such as https://login.example.com/oauth/token.", label)
	case u.Opaque != "" || u.Hostname() == "":
		v.add(field, "%s must be an absolute URL with a host, such as https://login.example.com/oauth/token.", label)
	case u.User != nil:
		v.add(field, "%s must not contain a user name or password. %s", label, secretAdvice)
	case u.Fragment != "" || strings.Contains(raw, "#"):
		v.add(field, "%s must not contain a fragment (#…): OAuth endpoints may not have one (RFC 6749 §3.1, §3.2).", label)
	case u.Scheme == "http" && !isLoopback(u.Hostname()):
		v.add(field, "%s must use https: %s, and over plain http anyone on the network path could read them. "+
			"http is allowed only for localhost, 127.0.0.1 and [::1], where traffic never leaves this computer (e.g. a local mock server).", label, carries)
	default:
		if name, ok := secretQueryParam(u.RawQuery); ok {
			v.add(field, "%s has a query parameter %q that looks like a credential. %s", label, name, secretAdvice)
		}
	}
}

// isLoopback accepts exactly the loopback names the user is likely to
// type; other 127/8 addresses are rare enough to leave out.
func isLoopback(host string) bool {
	return strings.EqualFold(host, "localhost") || host == "127.0.0.1" || host == "::1"
}

// secretQueryParam returns the first credential-like query parameter name.
func secretQueryParam(rawQuery string) (string, bool) {
	q, _ := url.ParseQuery(rawQuery) // keeps what parses; a bad pair cannot hide a good one
	names := make([]string, 0, len(q))
	for name := range q {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if secretish(name) {
			return name, true
		}
	}
	return "", false
}
