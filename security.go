package main

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

// contentSecurityPolicy is sent with every asset. Any script in the window
// can call every bound method, so only the app's own scripts may run and
// nothing may frame, embed or re-base the page. Inline styles are allowed:
// the component library sets CSS variables at run time, and styles cannot
// execute code.
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; " +
	"style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; " +
	"frame-src 'none'; frame-ancestors 'none'; form-action 'none'; img-src 'self' data:"

func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// singleInstanceID derives a lock name from the data dir, so two data dirs
// may run side by side but one data dir gets one window.
func singleInstanceID(dataDir string) string {
	sum := sha256.Sum256([]byte(dataDir))
	return hex.EncodeToString(sum[:8])
}
