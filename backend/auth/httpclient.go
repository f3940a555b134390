package auth

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ErrUnsafeRedirect is returned (wrapped) when a vendor or token endpoint
// redirects a request that carries credentials to another origin or from
// https to http.
var ErrUnsafeRedirect = errors.New("unsafe redirect refused")

// NewHTTPClient returns the client every credentialed request goes through.
// Go's client drops the Authorization header on a cross-host redirect but
// keeps custom headers (X-API-Key) and re-sends a form body carrying a
// client secret on 307/308, so redirects are only followed within one
// origin and never from https down to http.
func NewHTTPClient(timeout time.Duration, transport http.RoundTripper) *http.Client {
	return &http.Client{Timeout: timeout, Transport: transport, CheckRedirect: checkRedirect}
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	from := via[0].URL
	if from.Scheme == "https" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: %s redirected from https to %s; credentials are never sent over plain http", ErrUnsafeRedirect, hostOf(from), req.URL.Scheme)
	}
	if !sameOrigin(from, req.URL) {
		return fmt.Errorf("%w: %s redirected to another host (%s); credentials for one host are never sent to another", ErrUnsafeRedirect, hostOf(from), hostOf(req.URL))
	}
	return nil
}

// sameOrigin compares scheme, host and port (RFC 6454), with default
// ports made explicit.
func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Hostname(), b.Hostname()) && portOf(a) == portOf(b)
}

func portOf(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	if strings.EqualFold(u.Scheme, "http") {
		return "80"
	}
	return "443"
}

// hostOf names a URL's host for messages: never its path or query, which
// may carry a credential.
func hostOf(u *url.URL) string { return u.Host }

// IsLoopback reports whether host (no port) is one of the loopback names
// where plain http is allowed.
func IsLoopback(host string) bool { return isLoopback(host) }
