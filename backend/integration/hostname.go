package integration

import (
	"net"
	"strconv"
	"strings"

	"integrationstudio/backend/apperr"
)

// ValidateHostname checks the vendor's host as the Hostname step takes it:
// a host name or IP address, optionally with a port — no scheme, no path
// (the spec's server path is kept separately as a base path). Valid:
// api.example.com, host:8443, 10.0.0.5, [2001:db8::1]:443.
func ValidateHostname(h string) error {
	h = strings.TrimSpace(h)
	if h == "" {
		return apperr.FieldErrorf("hostname", "Hostname is required, e.g. api.example.com.")
	}
	if i := strings.Index(h, "://"); i >= 0 {
		return apperr.FieldErrorf("hostname", "Leave out the scheme %q: enter only the host, e.g. %s.", h[:i+3], hostPart(h[i+3:]))
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		// Name the path but never echo a query: it may carry a key.
		path := h[i:]
		if q := strings.IndexAny(path, "?#"); q >= 0 {
			path = path[:q]
		}
		if path == "" {
			return apperr.FieldErrorf("hostname", "Leave out the query: enter only the host (%s).", h[:i])
		}
		return apperr.FieldErrorf("hostname", "Leave out the path %q: enter only the host (%s); paths belong to the actions.", path, h[:i])
	}
	if strings.ContainsAny(h, " \t@") {
		return apperr.FieldErrorf("hostname", "A hostname cannot contain spaces or '@'.")
	}
	host, port := h, ""
	if strings.HasPrefix(h, "[") || strings.Count(h, ":") == 1 {
		var err error
		if host, port, err = net.SplitHostPort(h); err != nil {
			return apperr.FieldErrorf("hostname", "%q is not host or host:port.", h)
		}
		if n, err := strconv.Atoi(port); err != nil || n < 1 || n > 65535 {
			return apperr.FieldErrorf("hostname", "Port %q must be a number from 1 to 65535.", port)
		}
	}
	if net.ParseIP(host) != nil {
		return nil
	}
	if len(host) > 253 {
		return apperr.FieldErrorf("hostname", "The hostname is %d characters long; DNS allows 253.", len(host))
	}
	for _, label := range strings.Split(strings.TrimSuffix(host, "."), ".") {
		if err := checkLabel(label); err != "" {
			return apperr.FieldErrorf("hostname", "%q is not a valid hostname: %s.", host, err)
		}
	}
	return nil
}

func checkLabel(l string) string {
	switch {
	case l == "":
		return "it has an empty part between dots"
	case len(l) > 63:
		return "a part between dots is longer than 63 characters"
	case l[0] == '-' || l[len(l)-1] == '-':
		return "a part between dots starts or ends with '-'"
	}
	for _, c := range l {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return "it contains " + strconv.QuoteRune(c) + "; use letters, digits, '-' and '.'"
		}
	}
	return ""
}

// hostPart is what follows a scheme up to the path, for the message.
func hostPart(rest string) string {
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		rest = rest[:i]
	}
	if rest == "" {
		return "api.example.com"
	}
	return rest
}
