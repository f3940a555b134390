package auth

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
)

func TestTokenResponseQuirks(t *testing.T) {
	cases := []struct {
		name      string
		body      map[string]any
		keys      func(o *OAuth2Defaults)
		wantToken string
		wantRT    string
		wantIn    time.Duration // 0: unknown expiry
		wantErr   string
		errField  string
	}{
		{name: "expires_in as a string", body: map[string]any{"access_token": "A", "expires_in": "3600"}, wantToken: "A", wantIn: time.Hour},
		{name: "expires_in as 3600.0", body: map[string]any{"access_token": "A", "expires_in": 3600.0}, wantToken: "A", wantIn: time.Hour},
		{name: "expires_in as \"3599.9\" rounds down", body: map[string]any{"access_token": "A", "expires_in": "3599.9"}, wantToken: "A", wantIn: 3599 * time.Second},
		{name: "expires_in missing is unknown", body: map[string]any{"access_token": "A"}, wantToken: "A"},
		{name: "expires_in null is unknown", body: map[string]any{"access_token": "A", "expires_in": nil}, wantToken: "A"},
		{name: "negative expires_in is refused", body: map[string]any{"access_token": "A", "expires_in": -60},
			wantErr: "negative", errField: "auth.oauth2.token_expiration_key"},
		{name: "expires_in that is not a number", body: map[string]any{"access_token": "A", "expires_in": "soon"},
			wantErr: "not a number", errField: "auth.oauth2.token_expiration_key"},
		{name: "accessToken-style key names", body: map[string]any{"accessToken": "A", "refreshToken": "R", "expiresIn": 60},
			keys: func(o *OAuth2Defaults) {
				o.TokenKey, o.RefreshTokenKey, o.TokenExpirationKey = "accessToken", "refreshToken", "expiresIn"
			},
			wantToken: "A", wantRT: "R", wantIn: time.Minute},
		{name: "nested keys, dotted", body: map[string]any{"data": map[string]any{"token": "A", "refresh": "R", "ttl": "120"}},
			keys: func(o *OAuth2Defaults) {
				o.TokenKey, o.RefreshTokenKey, o.TokenExpirationKey = "data.token", "data.refresh", "data.ttl"
			},
			wantToken: "A", wantRT: "R", wantIn: 2 * time.Minute},
		{name: "nested keys, JSONPath", body: map[string]any{"result": map[string]any{"access-token": "A"}},
			keys:      func(o *OAuth2Defaults) { o.TokenKey = "$.result['access-token']" },
			wantToken: "A"},
		{name: "token key that is absent names the keys found", body: map[string]any{"token": "A", "expires": 5},
			wantErr: "top-level keys: expires, token", errField: "auth.oauth2.token_key"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := newVendor(t)
			v.respond = func(string) (int, any) { return 200, c.body }
			cl := v.client(GrantClientCredentials)
			if c.keys != nil {
				c.keys(&cl.Settings)
			}
			now := newClock().Now()
			tok, err := cl.ClientCredentials(context.Background(), now)
			if c.wantErr != "" {
				var ae *apperr.Error
				if !errors.As(err, &ae) || !strings.Contains(ae.Message, c.wantErr) || ae.Field != c.errField {
					t.Fatalf("err = %#v, want field %s and %q", err, c.errField, c.wantErr)
				}
				if strings.Contains(ae.Message, "\"A\"") {
					t.Errorf("message echoes the token: %s", ae.Message)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tok.AccessToken != c.wantToken || tok.RefreshToken != c.wantRT {
				t.Errorf("tokens = %q/%q, want %q/%q", tok.AccessToken, tok.RefreshToken, c.wantToken, c.wantRT)
			}
			var gotIn time.Duration
			if !tok.Expiry.IsZero() {
				gotIn = tok.Expiry.Sub(now)
			}
			if gotIn != c.wantIn {
				t.Errorf("expires in %v, want %v", gotIn, c.wantIn)
			}
		})
	}
}

func TestTokenRequestShape(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(o *OAuth2Defaults)
		check func(t *testing.T, r tokenRequest)
	}{
		{name: "form POST with the client in the body", check: func(t *testing.T, r tokenRequest) {
			if r.Method != "POST" || r.ContentType != ContentTypeForm || r.HasBasic ||
				r.Params.Get("client_id") != "client-1" || r.Params.Get("client_secret") != "s3cret-value" {
				t.Errorf("request = %+v", r)
			}
		}},
		{name: "JSON content type", edit: func(o *OAuth2Defaults) { o.TokenRequestContentType = ContentTypeJSON }, check: func(t *testing.T, r tokenRequest) {
			if r.Method != "POST" || r.ContentType != ContentTypeJSON || r.Params.Get("grant_type") != "client_credentials" || r.Params.Get("client_id") != "client-1" {
				t.Errorf("request = %+v", r)
			}
		}},
		{name: "GET token request", edit: func(o *OAuth2Defaults) { o.TokenRequestMethod = TokenMethodGet }, check: func(t *testing.T, r tokenRequest) {
			if r.Method != "GET" || r.Params.Get("grant_type") != "client_credentials" || r.Params.Get("scope") != "read write" {
				t.Errorf("request = %+v", r)
			}
		}},
		{name: "Basic auth on exchange", edit: func(o *OAuth2Defaults) { o.BasicAuthOnExchange = true }, check: func(t *testing.T, r tokenRequest) {
			if !r.HasBasic || r.BasicUser != "client-1" || r.BasicPass != "s3cret-value" || r.Params.Has("client_secret") {
				t.Errorf("request = %+v", r)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := newVendor(t)
			cl := v.client(GrantClientCredentials)
			cl.Settings.Scope = "read write"
			if c.edit != nil {
				c.edit(&cl.Settings)
			}
			if _, err := cl.ClientCredentials(context.Background(), time.Now()); err != nil {
				t.Fatal(err)
			}
			reqs := v.tokenRequests()
			if len(reqs) != 1 {
				t.Fatalf("%d token requests, want 1", len(reqs))
			}
			c.check(t, reqs[0])
		})
	}
}

// A refused exchange is sent once: AutoDetect would retry the other way
// and burn the single-use code.
func TestRefusedExchangeIsNotRetried(t *testing.T) {
	for _, basic := range []bool{false, true} {
		v := newVendor(t)
		cl := v.client(GrantAuthorizationCode)
		cl.Settings.BasicAuthOnExchange = basic
		cl.RedirectURI = "http://127.0.0.1:1/callback/x"
		_, err := cl.Exchange(context.Background(), "unknown-code", "verifier-verifier-verifier-verifier-verifier", time.Now())
		var ve *VendorError
		if !errors.As(err, &ve) || ve.Code != "invalid_grant" || !strings.Contains(err.Error(), "already used") {
			t.Fatalf("basic=%v: err = %v", basic, err)
		}
		if n := len(v.tokenRequests()); n != 1 {
			t.Errorf("basic=%v: %d token requests, want exactly 1", basic, n)
		}
	}
}

func signIn(t *testing.T, v *vendor, cl OAuth2Client) (*SignIn, Token, error) {
	t.Helper()
	s, err := StartSignIn(cl, LoopbackOptions{Name: "Acme CRM", Timeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	done := make(chan struct{})
	var tok Token
	var werr error
	go func() {
		tok, werr = s.Wait(context.Background(), time.Now)
		close(done)
	}()
	status, page := followBrowser(t, s.URL)
	<-done
	if werr == nil && (status != 200 || !strings.Contains(page, "Signed in")) {
		t.Errorf("browser page %d: %s", status, page)
	}
	return s, tok, werr
}

func TestAuthorizationCodeWithPKCE(t *testing.T) {
	v := newVendor(t)
	cl := v.client(GrantAuthorizationCode)
	cl.Settings.AuthorizationExtraParams = []Param{{Name: "prompt", Value: "consent"}}
	s, tok, err := signIn(t, v, cl)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(s.RedirectURI, "http://127.0.0.1:") || !strings.HasSuffix(s.RedirectURI, "/callback/acme-crm") {
		t.Errorf("redirect URI %s", s.RedirectURI)
	}
	for _, want := range []string{"code_challenge_method=S256", "prompt=consent", "state=", "response_type=code"} {
		if !strings.Contains(s.URL, want) {
			t.Errorf("consent URL lacks %s: %s", want, s.URL)
		}
	}
	if tok.AccessToken == "" || tok.RefreshToken == "" || tok.Expiry.IsZero() {
		t.Errorf("token = %+v", tok)
	}
	r := v.tokenRequests()[0]
	if r.Params.Get("redirect_uri") != s.RedirectURI || r.Params.Get("code_verifier") == "" {
		t.Errorf("exchange = %+v", r.Params)
	}
}

func TestSignInRefusals(t *testing.T) {
	t.Run("state mismatch", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		status, page := followBrowser(t, s.RedirectURI+"?code=abc&state=forged")
		_, err = s.Wait(context.Background(), time.Now)
		if err == nil || !strings.Contains(err.Error(), "state") || status != 400 || !strings.Contains(page, "Sign-in failed") {
			t.Fatalf("err = %v, page %d %s", err, status, page)
		}
		if n := len(v.tokenRequests()); n != 0 {
			t.Errorf("%d token requests after a forged state", n)
		}
	})
	t.Run("wrong PKCE verifier", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.verifier = "a-different-verifier-than-the-challenge-was-made-from"
		go func() {
			if resp, err := http.Get(s.URL); err == nil {
				resp.Body.Close()
			}
		}()
		_, err = s.Wait(context.Background(), time.Now)
		if err == nil || !strings.Contains(err.Error(), "PKCE verification failed") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("access denied", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		status, page := followBrowser(t, s.RedirectURI+"?error=access_denied&error_description=The+user+said+no&state="+s.state)
		_, err = s.Wait(context.Background(), time.Now)
		if err == nil || !strings.Contains(err.Error(), "access_denied") || !strings.Contains(err.Error(), "The user said no") {
			t.Fatalf("err = %v", err)
		}
		if status != 400 || !strings.Contains(page, "The user said no") {
			t.Errorf("page %d: %s", status, page)
		}
	})
	t.Run("issuer mix-up", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		followBrowser(t, s.RedirectURI+"?code=abc&iss=https%3A%2F%2Fevil.example&state="+s.state)
		_, err = s.Wait(context.Background(), time.Now)
		if err == nil || !strings.Contains(err.Error(), "RFC 9207") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("matching issuer is accepted", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.checkCallback(map[string][]string{"state": {s.state}, "code": {"c"}, "iss": {v.srv.URL}}); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("another integration's path", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "acme"})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		other := strings.Replace(s.RedirectURI, "/callback/acme", "/callback/other", 1)
		if status, _ := followBrowser(t, other+"?code=c&state="+s.state); status != 404 {
			t.Errorf("status %d for another integration's path", status)
		}
	})
	t.Run("timeout and cancel", func(t *testing.T) {
		v := newVendor(t)
		s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x", Timeout: 50 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.Wait(context.Background(), time.Now); err == nil || !strings.Contains(err.Error(), "not completed within") {
			t.Fatalf("err = %v", err)
		}
		s2, _ := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
		defer s2.Close()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := s2.Wait(ctx, time.Now); err == nil || !strings.Contains(err.Error(), "cancelled") {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestPastedCodeFallback(t *testing.T) {
	v := newVendor(t)
	s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	// The browser ran elsewhere: the consent page redirected to an address
	// this machine never received. Take the code from the vendor directly.
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	landed := resp.Header.Get("Location")
	if err := s.Submit("  " + landed + "\n"); err != nil {
		t.Fatal(err)
	}
	tok, err := s.Wait(context.Background(), time.Now)
	if err != nil || tok.AccessToken == "" {
		t.Fatalf("tok %+v err %v", tok, err)
	}
	if err := s.Submit("another"); apperr.Code(err) != apperr.Conflict {
		t.Errorf("second submit: %v", err)
	}
}

func newSession(t *testing.T, v *vendor, grant GrantType, stored Token) (*OAuth2Session, *keeper, *clock) {
	k, c := &keeper{}, newClock()
	return NewOAuth2Session(v.client(grant), stored, "", k, c.Now), k, c
}

func TestRefreshBeforeUseWithTheBuffer(t *testing.T) {
	v := newVendor(t)
	v.addRefreshToken("rt-0")
	c0 := newClock()
	s, k, c := newSession(t, v, GrantAuthorizationCode, Token{AccessToken: "old", RefreshToken: "rt-0", Expiry: c0.Now().Add(10 * time.Minute), ObtainedAt: c0.Now()})
	req := httptest.NewRequest("GET", "https://api.example.com/x", nil)
	if err := s.Apply(context.Background(), req); err != nil || req.Header.Get("Authorization") != "Bearer old" {
		t.Fatalf("fresh token: %v %q", err, req.Header.Get("Authorization"))
	}
	c.Advance(5*time.Minute + time.Second) // inside the 300 s buffer
	if err := s.Apply(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	if got := req.Header.Get("Authorization"); got == "Bearer old" || len(k.saved) != 1 {
		t.Fatalf("not refreshed inside the buffer: %q, saved %d", got, len(k.saved))
	}
	r := v.tokenRequests()[0]
	if r.Params.Get("grant_type") != "refresh_token" || r.Params.Get("refresh_token") != "rt-0" || r.Params.Get("client_id") != "client-1" || r.Params.Has("redirect_uri") {
		t.Errorf("refresh request %+v", r.Params)
	}
	// The rotated refresh token was saved at once.
	if k.saved[0].RefreshToken == "rt-0" || k.saved[0].RefreshToken == "" {
		t.Errorf("saved refresh token %q", k.saved[0].RefreshToken)
	}
}

func TestRefreshOptions(t *testing.T) {
	v := newVendor(t)
	v.addRefreshToken("rt-0")
	cl := v.client(GrantAuthorizationCode)
	cl.Settings.IncludeClientConfigOnRefresh = false
	cl.Settings.IncludeRedirectURIOnRefresh = true
	cl.RedirectURI = "http://127.0.0.1:8400/callback/acme"
	if _, err := cl.Refresh(context.Background(), "rt-0", time.Now()); err != nil {
		t.Fatal(err)
	}
	p := v.tokenRequests()[0].Params
	if p.Has("client_id") || p.Has("client_secret") || p.Get("redirect_uri") != cl.RedirectURI {
		t.Errorf("refresh params %v", p)
	}
}

func TestCustomIntervalRefresh(t *testing.T) {
	v := newVendor(t)
	v.addRefreshToken("rt-0")
	c0 := newClock()
	s, k, c := newSession(t, v, GrantAuthorizationCode, Token{AccessToken: "old", RefreshToken: "rt-0", Expiry: c0.Now().Add(24 * time.Hour), ObtainedAt: c0.Now()})
	s.client.Settings.RefreshStrategy = RefreshCustomInterval
	s.client.Settings.CustomRefreshIntervalSeconds = 900
	if ran, err := s.RefreshIfDue(context.Background()); ran || err != nil {
		t.Fatalf("ran %v err %v before the interval", ran, err)
	}
	c.Advance(15 * time.Minute)
	if ran, err := s.RefreshIfDue(context.Background()); !ran || err != nil || len(k.saved) != 1 {
		t.Fatalf("ran %v err %v saved %d at the interval", ran, err, len(k.saved))
	}
}

func TestRefusedRefreshNeedsSignInAndNeverLoops(t *testing.T) {
	v := newVendor(t) // "rt-gone" was never issued: the vendor refuses it
	c0 := newClock()
	s, k, c := newSession(t, v, GrantAuthorizationCode, Token{AccessToken: "old", RefreshToken: "rt-gone", Expiry: c0.Now().Add(time.Minute), ObtainedAt: c0.Now()})
	c.Advance(time.Minute)
	req := httptest.NewRequest("GET", "https://api.example.com/x", nil)
	err := s.Apply(context.Background(), req)
	if err == nil || !strings.Contains(err.Error(), "refresh token revoked") {
		t.Fatalf("err = %v", err)
	}
	st := s.Status()
	if st.State != StateNeedsSignIn || !strings.Contains(st.LastError, "refresh token revoked") || len(k.needsSignIn) != 1 {
		t.Errorf("status %+v, keeper %v", st, k.needsSignIn)
	}
	for i := 0; i < 3; i++ {
		s.Apply(context.Background(), req)
		s.RefreshIfDue(context.Background())
	}
	if n := len(v.tokenRequests()); n != 1 {
		t.Errorf("%d token requests, want 1: a refused refresh must not be retried", n)
	}
}

func TestUnauthorizedForcesExactlyOneRefresh(t *testing.T) {
	v := newVendor(t)
	v.addRefreshToken("rt-0")
	// The vendor revoked "stale" early; its expiry says it is still good.
	s, _, _ := newSession(t, v, GrantAuthorizationCode, Token{AccessToken: "stale", RefreshToken: "rt-0"})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest("GET", v.url("/api/me"), nil)
			resp, err := Do(context.Background(), http.DefaultClient, s, req)
			if err != nil {
				t.Error(err)
				return
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("status %d after the refresh", resp.StatusCode)
			}
		}()
	}
	wg.Wait()
	if n := len(v.tokenRequests()); n != 1 {
		t.Errorf("%d refreshes for concurrent 401s of one stale token, want 1", n)
	}
	// A second 401 with the new token is returned, not looped on.
	v.mu.Lock()
	v.issued++ // the vendor now wants a token nobody has
	v.mu.Unlock()
	req, _ := http.NewRequest("GET", v.url("/api/me"), nil)
	resp, err := Do(context.Background(), http.DefaultClient, s, req)
	if err == nil {
		resp.Body.Close()
	}
	if n := len(v.tokenRequests()); n != 2 {
		t.Errorf("%d token requests after a second 401, want 2 (one refresh per 401)", n)
	}
}

func TestClientCredentialsSession(t *testing.T) {
	v := newVendor(t)
	s, k, c := newSession(t, v, GrantClientCredentials, Token{})
	if st := s.Status(); st.State != StateSignedOut {
		t.Fatalf("status %+v", st)
	}
	if err := s.Authenticate(context.Background()); err != nil {
		t.Fatal(err)
	}
	st := s.Status()
	if st.State != StateSignedIn || st.ExpiresAt == nil || !st.ExpiresAt.Equal(c.Now().Add(time.Hour)) || len(k.saved) != 1 {
		t.Fatalf("status %+v saved %d", st, len(k.saved))
	}
	// Due: the vendor's refresh token is used (rotated) rather than a new grant.
	c.Advance(56 * time.Minute)
	if ran, err := s.RefreshIfDue(context.Background()); !ran || err != nil {
		t.Fatalf("ran %v err %v", ran, err)
	}
	if g := v.tokenRequests()[1].Params.Get("grant_type"); g != "refresh_token" {
		t.Errorf("renewal grant %s", g)
	}
}

func TestRedirectsNeverCarryCredentialsAway(t *testing.T) {
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("credentials followed a redirect to another host: %v", r.Header)
	}))
	defer other.Close()
	vendorSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/same" {
			w.WriteHeader(200)
			return
		}
		if r.URL.Path == "/hop" {
			http.Redirect(w, r, "/same", http.StatusTemporaryRedirect)
			return
		}
		http.Redirect(w, r, other.URL+"/steal", http.StatusTemporaryRedirect)
	}))
	defer vendorSrv.Close()
	client := NewHTTPClient(5*time.Second, nil)
	a := APIKey{Settings: APIKeyDefaults{HeaderName: "X-API-Key"}, Key: "k3y"}
	req, _ := http.NewRequest("GET", vendorSrv.URL+"/away", nil)
	_, err := Do(context.Background(), client, a, req)
	if !errors.Is(err, ErrUnsafeRedirect) || strings.Contains(err.Error(), "k3y") {
		t.Fatalf("err = %v", err)
	}
	req, _ = http.NewRequest("GET", vendorSrv.URL+"/hop", nil)
	resp, err := Do(context.Background(), client, a, req)
	if err != nil {
		t.Fatalf("same-origin redirect refused: %v", err)
	}
	resp.Body.Close()
}

func TestStaticMethodsApply(t *testing.T) {
	cases := []struct {
		name   string
		a      Authenticator
		header string
		want   string
	}{
		{"API key with preamble", APIKey{Settings: APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer"}, Key: "k"}, "Authorization", "Bearer k"},
		{"API key bare", APIKey{Settings: APIKeyDefaults{HeaderName: "X-API-Key"}, Key: "k", ExtraHeaders: []Header{{Name: "Accept", Value: "application/json"}}}, "X-API-Key", "k"},
		{"extra header", APIKey{Settings: APIKeyDefaults{HeaderName: "X-API-Key"}, Key: "k", ExtraHeaders: []Header{{Name: "X-Tenant", Value: "t1"}}}, "X-Tenant", "t1"},
		{"basic", Basic{Username: "u", Password: "p"}, "Authorization", "Basic dTpw"},
		{"none", NoAuth{ExtraHeaders: []Header{{Name: "X-Version", Value: "2"}}}, "X-Version", "2"},
	}
	for _, c := range cases {
		req := httptest.NewRequest("GET", "https://api.example.com/", nil)
		if err := c.a.Apply(context.Background(), req); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got := req.Header.Get(c.header); got != c.want {
			t.Errorf("%s: %s = %q, want %q", c.name, c.header, got, c.want)
		}
	}
	if err := (APIKey{Settings: APIKeyDefaults{HeaderName: "X"}}).Apply(context.Background(), httptest.NewRequest("GET", "/", nil)); err == nil {
		t.Error("an API key authenticator without a key applied")
	}
}

func TestFixedRedirectPort(t *testing.T) {
	v := newVendor(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	// Busy: another program holds the port.
	if _, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x", Port: port}); err == nil || !strings.Contains(err.Error(), fmt.Sprintf("Port %d", port)) {
		t.Fatalf("busy port: %v", err)
	}
	ln.Close()
	s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "Acme", Port: port})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if want := fmt.Sprintf("http://127.0.0.1:%d/callback/acme", port); s.RedirectURI != want {
		t.Errorf("redirect URI %s, want %s", s.RedirectURI, want)
	}
}

func TestCallbackPageEscapesVendorText(t *testing.T) {
	v := newVendor(t)
	s, err := StartSignIn(v.client(GrantAuthorizationCode), LoopbackOptions{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	_, page := followBrowser(t, s.RedirectURI+"?error=access_denied&error_description=%3Cscript%3Ealert(1)%3C%2Fscript%3E&state="+s.state)
	if strings.Contains(page, "<script>") || !strings.Contains(page, "&lt;script&gt;") {
		t.Errorf("vendor text not escaped: %s", page)
	}
}
