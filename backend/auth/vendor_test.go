package auth

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// vendor is an httptest authorization server with the quirks real vendors
// have, each switched by a field. It checks PKCE (S256) and client
// authentication like a strict server would.
type vendor struct {
	t   *testing.T
	srv *httptest.Server

	mu sync.Mutex
	// What the token endpoint answers: a function of the grant. nil is a
	// standard RFC 6749 response.
	respond func(grant string) (status int, body any)
	// requests records every token request as the server saw it.
	requests []tokenRequest
	// challenges maps issued codes to their PKCE challenge.
	challenges map[string]string
	// refreshTokens is the set of valid refresh tokens (rotated on use).
	refreshTokens map[string]bool
	issued        int
}

type tokenRequest struct {
	Method      string
	ContentType string
	Params      url.Values
	BasicUser   string
	BasicPass   string
	HasBasic    bool
}

func newVendor(t *testing.T) *vendor {
	v := &vendor{t: t, challenges: map[string]string{}, refreshTokens: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", v.authorize)
	mux.HandleFunc("/token", v.token)
	mux.HandleFunc("/api/me", v.api)
	v.srv = httptest.NewServer(mux)
	t.Cleanup(v.srv.Close)
	return v
}

func (v *vendor) url(path string) string { return v.srv.URL + path }

// authorize approves at once and redirects back with a code, as the
// mock servers do: the user's consent is not what is under test.
func (v *vendor) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" {
		http.Error(w, "PKCE S256 required", http.StatusBadRequest)
		return
	}
	v.mu.Lock()
	v.issued++
	code := "code-" + strings.Repeat("x", v.issued)
	v.challenges[code] = q.Get("code_challenge")
	v.mu.Unlock()
	back, _ := url.Parse(q.Get("redirect_uri"))
	bq := back.Query()
	bq.Set("code", code)
	bq.Set("state", q.Get("state"))
	back.RawQuery = bq.Encode()
	http.Redirect(w, r, back.String(), http.StatusFound)
}

func (v *vendor) token(w http.ResponseWriter, r *http.Request) {
	tr := tokenRequest{Method: r.Method, ContentType: r.Header.Get("Content-Type"), Params: url.Values{}}
	tr.BasicUser, tr.BasicPass, tr.HasBasic = r.BasicAuth()
	switch {
	case r.Method == http.MethodGet:
		tr.Params = r.URL.Query()
	case strings.HasPrefix(tr.ContentType, "application/json"):
		var obj map[string]string
		if err := json.NewDecoder(r.Body).Decode(&obj); err != nil {
			http.Error(w, "bad json", http.StatusBadRequest)
			return
		}
		for k, val := range obj {
			tr.Params.Set(k, val)
		}
	default:
		r.ParseForm()
		tr.Params = r.PostForm
	}
	v.mu.Lock()
	v.requests = append(v.requests, tr)
	respond := v.respond
	v.mu.Unlock()

	writeJSON := func(status int, body any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(body)
	}
	grant := tr.Params.Get("grant_type")
	switch grant {
	case "authorization_code":
		v.mu.Lock()
		challenge, ok := v.challenges[tr.Params.Get("code")]
		delete(v.challenges, tr.Params.Get("code")) // single use
		v.mu.Unlock()
		sum := sha256.Sum256([]byte(tr.Params.Get("code_verifier")))
		if !ok {
			writeJSON(400, map[string]string{"error": "invalid_grant", "error_description": "authorization code unknown or already used"})
			return
		}
		if base64.RawURLEncoding.EncodeToString(sum[:]) != challenge {
			writeJSON(400, map[string]string{"error": "invalid_grant", "error_description": "PKCE verification failed"})
			return
		}
	case "refresh_token":
		v.mu.Lock()
		ok := v.refreshTokens[tr.Params.Get("refresh_token")]
		delete(v.refreshTokens, tr.Params.Get("refresh_token"))
		v.mu.Unlock()
		if !ok {
			writeJSON(400, map[string]string{"error": "invalid_grant", "error_description": "refresh token revoked"})
			return
		}
	case "client_credentials":
	default:
		writeJSON(400, map[string]string{"error": "unsupported_grant_type"})
		return
	}
	if respond != nil {
		status, body := respond(grant)
		writeJSON(status, body)
		return
	}
	v.mu.Lock()
	v.issued++
	access := "at-" + strings.Repeat("a", v.issued)
	refresh := "rt-" + strings.Repeat("r", v.issued)
	v.refreshTokens[refresh] = true
	v.mu.Unlock()
	writeJSON(200, map[string]any{"access_token": access, "token_type": "Bearer", "expires_in": 3600, "refresh_token": refresh})
}

// api accepts only the newest access token.
func (v *vendor) api(w http.ResponseWriter, r *http.Request) {
	v.mu.Lock()
	newest := "at-" + strings.Repeat("a", v.issued)
	v.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer "+newest {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	io.WriteString(w, `{"ok":true}`)
}

func (v *vendor) tokenRequests() []tokenRequest {
	v.mu.Lock()
	defer v.mu.Unlock()
	return append([]tokenRequest(nil), v.requests...)
}

// addRefreshToken makes rt valid at the vendor.
func (v *vendor) addRefreshToken(rt string) {
	v.mu.Lock()
	v.refreshTokens[rt] = true
	v.mu.Unlock()
}

func (v *vendor) client(grant GrantType) OAuth2Client {
	o := DefaultsFor(MethodOAuth2, grant).OAuth2
	if grant == GrantAuthorizationCode {
		o.AuthorizationURL = v.url("/authorize")
	}
	o.TokenURL = v.url("/token")
	return OAuth2Client{Settings: *o, ClientID: "client-1", ClientSecret: "s3cret-value", Timeout: 5 * time.Second}
}

// keeper records what a session persists.
type keeper struct {
	mu          sync.Mutex
	saved       []Token
	needsSignIn []string
}

func (k *keeper) SaveToken(_ context.Context, t Token) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.saved = append(k.saved, t)
	return nil
}

func (k *keeper) SaveNeedsSignIn(_ context.Context, reason string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.needsSignIn = append(k.needsSignIn, reason)
	return nil
}

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)} }
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// followBrowser plays the browser: it opens the consent URL and follows
// the redirects to the loopback listener, returning the final page.
func followBrowser(t *testing.T, consentURL string) (int, string) {
	t.Helper()
	resp, err := http.Get(consentURL)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}
