package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"html/template"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"

	"integrationstudio/backend/apperr"
)

// DefaultSignInTimeout is how long a browser sign-in may take.
const DefaultSignInTimeout = 5 * time.Minute

// LoopbackOptions shape the authorization-code flow's local listener.
type LoopbackOptions struct {
	// Port 0 picks a free port (RFC 8252 §7.3); a fixed port is for
	// vendors that only accept an exact, pre-registered redirect URI.
	Port int
	// Name is the integration's slug; the redirect path names it, so a
	// code meant for one integration is never accepted by another's flow.
	Name    string
	Timeout time.Duration
}

// SignIn is one authorization-code flow in progress: the listener is up
// and the consent URL is ready to open.
type SignIn struct {
	// URL is the consent page to open in the system browser.
	URL string
	// RedirectURI is what the vendor must have registered.
	RedirectURI string

	client   OAuth2Client
	state    string
	verifier string
	issuer   *url.URL
	path     string
	timeout  time.Duration
	server   *http.Server

	once   sync.Once
	result chan callbackResult
}

type callbackResult struct {
	code string
	err  error
}

// Slug turns an integration name into the redirect path's last segment.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if len(s) > 48 {
		s = strings.TrimSuffix(s[:48], "-")
	}
	if s == "" {
		s = "integration"
	}
	return s
}

// StartSignIn opens the loopback listener on 127.0.0.1 and prepares the
// consent URL with a fresh state and PKCE verifier. Call Wait (or Submit
// then Wait) and always Close.
func StartSignIn(c OAuth2Client, opts LoopbackOptions) (*SignIn, error) {
	if c.Settings.GrantType != GrantAuthorizationCode {
		return nil, apperr.Errorf(apperr.Invalid, "Browser sign-in is for the authorization-code grant; this configuration uses %s.", c.Settings.GrantType)
	}
	authURL, err := url.Parse(c.Settings.AuthorizationURL)
	if err != nil || authURL.Host == "" {
		return nil, apperr.FieldErrorf(fieldOAuth2+"authorization_url", "OAuth Authorization Code URL is not a valid absolute URL.")
	}
	if opts.Port < 0 || opts.Port > 65535 {
		return nil, apperr.FieldErrorf("redirect_port", "The fixed redirect port must be 1 to 65535, or empty for a free port; it is %d.", opts.Port)
	}
	// 127.0.0.1, not localhost: RFC 8252 §8.3, and localhost may resolve
	// to ::1 in the browser while we listen on IPv4.
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", opts.Port))
	if err != nil {
		if opts.Port != 0 {
			return nil, apperr.Wrap(err, apperr.Unavailable,
				"Port %d on 127.0.0.1 is in use by another program, so the sign-in cannot receive the vendor's redirect. Close that program or choose another fixed port (and register the new redirect URI with the vendor).", opts.Port)
		}
		return nil, apperr.Wrap(err, apperr.Unavailable, "Could not open a local port for the sign-in redirect: %v", err)
	}
	s := &SignIn{
		client:   c,
		state:    randomString(32),
		verifier: oauth2.GenerateVerifier(),
		issuer:   authURL,
		path:     "/callback/" + Slug(opts.Name),
		timeout:  opts.Timeout,
		result:   make(chan callbackResult, 1),
	}
	if s.timeout <= 0 {
		s.timeout = DefaultSignInTimeout
	}
	s.RedirectURI = fmt.Sprintf("http://%s%s", ln.Addr().String(), s.path)
	s.client.RedirectURI = s.RedirectURI
	s.URL = s.client.AuthCodeURL(s.state, s.verifier)
	s.server = &http.Server{Handler: http.HandlerFunc(s.callback), ReadHeaderTimeout: 10 * time.Second}
	go s.server.Serve(ln)
	return s, nil
}

func randomString(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// finish records the first outcome; later ones are ignored.
func (s *SignIn) finish(code string, err error) bool {
	done := false
	s.once.Do(func() {
		s.result <- callbackResult{code: code, err: err}
		done = true
	})
	return done
}

func (s *SignIn) callback(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != s.path {
		// A browser's favicon request, or a redirect meant for another
		// integration's flow: not ours, and not a reason to fail this one.
		http.NotFound(w, r)
		return
	}
	code, err := s.checkCallback(r.URL.Query())
	if !s.finish(code, err) {
		writePage(w, http.StatusConflict, "Sign-in already finished",
			"This sign-in has already finished. You can close this tab and return to Integration Studio.")
		return
	}
	if err != nil {
		writePage(w, http.StatusBadRequest, "Sign-in failed", apperr.Public(err).Message+" You can close this tab and return to Integration Studio.")
		return
	}
	writePage(w, http.StatusOK, "Signed in", "Integration Studio received the authorization. You can close this tab and return to the app.")
}

// checkCallback applies RFC 6749 §4.1.2 and RFC 9207 to the redirect's
// query: the state must be ours, an error is the vendor's refusal, and an
// issuer, when sent, must be the server we asked.
func (s *SignIn) checkCallback(q url.Values) (string, error) {
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(s.state)) != 1 {
		return "", apperr.Errorf(apperr.Invalid,
			"The sign-in redirect carried a state that does not match the one Integration Studio sent, so it was refused (it may be a stale tab or a forged request). Start the sign-in again.")
	}
	if iss := q.Get("iss"); iss != "" && !sameIssuer(iss, s.issuer) {
		return "", apperr.Errorf(apperr.Invalid,
			"The sign-in redirect says it comes from %s, but the authorization request went to %s, so it was refused (RFC 9207 mix-up protection).",
			safeOrigin(iss), s.issuer.Scheme+"://"+s.issuer.Host)
	}
	if e := q.Get("error"); e != "" {
		msg := "The vendor did not grant access: " + oneLine(e, 80)
		if d := q.Get("error_description"); d != "" {
			msg += " (" + oneLine(d, 300) + ")"
		}
		return "", apperr.Wrap(&VendorError{Code: oneLine(e, 80), Description: oneLine(q.Get("error_description"), 300)}, apperr.Invalid, "%s.", msg)
	}
	code := q.Get("code")
	if code == "" {
		return "", apperr.Errorf(apperr.Invalid, "The sign-in redirect carried neither an authorization code nor an error.")
	}
	return code, nil
}

// sameIssuer compares the issuer's origin with the authorization
// endpoint's: without discovery metadata that is what the client knows
// about the server it redirected the user to.
func sameIssuer(iss string, authURL *url.URL) bool {
	u, err := url.Parse(iss)
	return err == nil && u.Host != "" && sameOrigin(u, authURL)
}

func safeOrigin(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "an unreadable address"
	}
	return u.Scheme + "://" + u.Host
}

// Submit is the paste-the-code fallback: the address the browser ended on
// (state checked as for the listener) or the bare code shown by a vendor
// that displays it instead of redirecting.
func (s *SignIn) Submit(pasted string) error {
	pasted = strings.TrimSpace(pasted)
	if pasted == "" {
		return apperr.FieldErrorf("code", "Paste the address your browser ended on, or the code the vendor showed.")
	}
	var code string
	var err error
	if u, perr := url.Parse(pasted); perr == nil && u.RawQuery != "" && (u.Query().Has("code") || u.Query().Has("error") || u.Query().Has("state")) {
		code, err = s.checkCallback(u.Query())
	} else if strings.ContainsAny(pasted, " \t\r\n") {
		return apperr.FieldErrorf("code", "That is not an authorization code: codes have no spaces. Paste the full address from the browser's address bar instead.")
	} else {
		code = pasted
	}
	if !s.finish(code, err) {
		return apperr.Errorf(apperr.Conflict, "This sign-in has already finished.")
	}
	return err
}

// Wait blocks until the redirect arrives (or a code is submitted), then
// exchanges the code for tokens. It fails on timeout, on ctx's
// cancellation (the user's Cancel) and on any refusal.
func (s *SignIn) Wait(ctx context.Context, now func() time.Time) (Token, error) {
	timer := time.NewTimer(s.timeout)
	defer timer.Stop()
	select {
	case r := <-s.result:
		if r.err != nil {
			return Token{}, r.err
		}
		return s.client.Exchange(ctx, r.code, s.verifier, now())
	case <-timer.C:
		s.finish("", errors.New("timeout"))
		return Token{}, apperr.Errorf(apperr.Unavailable, "The sign-in was not completed within %s. Start it again when you are ready.", s.timeout)
	case <-ctx.Done():
		s.finish("", ctx.Err())
		return Token{}, apperr.Wrap(ctx.Err(), apperr.Invalid, "The sign-in was cancelled.")
	}
}

// Close stops the listener.
func (s *SignIn) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = s.server.Shutdown(ctx)
}

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{.Title}} — Integration Studio</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f7f9;color:#1f2328;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border:1px solid #d8dee4;border-radius:12px;padding:32px 40px;max-width:520px;box-shadow:0 4px 16px rgba(0,0,0,.06)}
h1{font-size:22px;margin:0 0 12px}p{line-height:1.5;margin:0}.ok h1{color:#1a7f37}.fail h1{color:#cf222e}
@media (prefers-color-scheme:dark){body{background:#1a1b1e;color:#e6edf3}main{background:#25262b;border-color:#373a40}}
</style></head>
<body><main class="{{.Class}}"><h1>{{.Title}}</h1><p>{{.Message}}</p></main></body></html>`))

func writePage(w http.ResponseWriter, status int, title, message string) {
	class := "ok"
	if status >= 300 {
		class = "fail"
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(status)
	_ = pageTemplate.Execute(w, map[string]string{"Title": title, "Message": message, "Class": class})
}
