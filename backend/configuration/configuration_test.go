package configuration_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/auth/oauthmock"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/secrets/secretstest"
	"integrationstudio/backend/store"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

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

// countingTransport counts token requests on their way to the server.
type countingTransport struct {
	mu     sync.Mutex
	tokens int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if strings.HasSuffix(r.URL.Path, "/token") {
		c.mu.Lock()
		c.tokens++
		c.mu.Unlock()
	}
	return http.DefaultTransport.RoundTrip(r)
}

func (c *countingTransport) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tokens
}

type env struct {
	wire    *countingTransport
	svc     *configuration.Service
	its     *integration.Service
	secrets *secrets.Store
	db      *store.DB
	dbPath  string
	clock   *clock
	browser func(string) error
}

func newEnv(t *testing.T, kr secrets.Keyring) *env {
	t.Helper()
	e := &env{clock: &clock{t: time.Now().UTC().Truncate(time.Second)}, wire: &countingTransport{}}
	e.dbPath = filepath.Join(t.TempDir(), "studio.db")
	db, err := store.Open(context.Background(), e.dbPath, store.Options{Now: e.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	e.db = db
	e.its = integration.NewService(db)
	e.secrets = secrets.New(db, kr)
	e.svc = configuration.New(configuration.Deps{DB: db, Secrets: e.secrets, Integrations: e.its, Now: e.clock.Now, Transport: e.wire,
		OpenBrowser: func(u string) error { return e.browser(u) }})
	return e
}

// integrationWith creates an integration with a hostname and auth method.
func (e *env) integrationWith(t *testing.T, host string, m auth.Method, d auth.Defaults) integration.Integration {
	t.Helper()
	ctx := context.Background()
	it, err := e.its.Create(ctx, integration.CreateInput{Name: "Acme CRM " + strings.ReplaceAll(t.Name(), "/", " "), Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.its.SetHostname(ctx, it.ID, host); err != nil {
		t.Fatal(err)
	}
	it, err = e.its.SetAuth(ctx, it.ID, integration.AuthMethod(m), d)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

// assertNowhereOnDisk fails if secret appears in the database files.
func (e *env) assertNowhereOnDisk(t *testing.T, secret string) {
	t.Helper()
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(e.dbPath + suffix)
		if err != nil {
			continue
		}
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("the secret is in %s", filepath.Base(e.dbPath+suffix))
		}
	}
}

func apiKeyDefaults() auth.Defaults {
	return auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer"},
		ExtraHeaders: []auth.Header{{Name: "Accept", Value: "application/json"}}}
}

func TestAPIKeyConfigurationOnTheRealKeyring(t *testing.T) {
	ctx := context.Background()
	kr := secretstest.RealKeyring(t)
	e := newEnv(t, kr)
	it := e.integrationWith(t, "api.example.com", auth.MethodAPIKey, apiKeyDefaults())
	const key = "sk_live_4f1e9c0b7d2a4e6f8a1b3c5d7e9f0a2b"
	c, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Contoso", Organization: "Contoso Ltd",
		Secrets: map[string]string{"api_key": key}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Status.State != auth.StateReady || strings.Join(c.SecretFields, ",") != "api_key" {
		t.Errorf("created %+v", c)
	}
	a, err := e.svc.Authenticator(ctx, it.ID, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "https://api.example.com/v1/things", nil)
	if err := a.Apply(ctx, req); err != nil {
		t.Fatal(err)
	}
	if req.Header.Get("Authorization") != "Bearer "+key || req.Header.Get("Accept") != "application/json" {
		t.Errorf("headers %v", req.Header)
	}
	e.assertNowhereOnDisk(t, key)

	var keyringKey string
	e.db.QueryRowContext(ctx, `SELECT keyring_key FROM secret_refs WHERE configuration_id = ?`, c.ID).Scan(&keyringKey)
	if v, err := kr.Get(secrets.Service, keyringKey); err != nil || v != key {
		t.Fatalf("keyring entry %q: %v", keyringKey, err)
	}
	if err := e.svc.Delete(ctx, it.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := kr.Get(secrets.Service, keyringKey); err == nil {
		t.Error("the keyring entry survived deleting its configuration")
	}
}

func TestDeletingAnIntegrationDeletesItsKeyringEntries(t *testing.T) {
	ctx := context.Background()
	kr := secretstest.RealKeyring(t)
	e := newEnv(t, kr)
	it := e.integrationWith(t, "api.example.com", auth.MethodBasic, auth.Defaults{})
	for _, name := range []string{"A", "B"} {
		if _, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: name, Values: configuration.Values{Username: "u"},
			Secrets: map[string]string{"password": "pw-" + name}}); err != nil {
			t.Fatal(err)
		}
	}
	var keys []string
	rows, _ := e.db.QueryContext(ctx, `SELECT keyring_key FROM secret_refs`)
	for rows.Next() {
		var k string
		rows.Scan(&k)
		keys = append(keys, k)
	}
	rows.Close()
	if len(keys) != 2 {
		t.Fatalf("%d keyring refs", len(keys))
	}
	if err := e.svc.DeleteIntegration(ctx, it.ID); err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if _, err := kr.Get(secrets.Service, k); err == nil {
			t.Errorf("keyring entry %s survived", k)
		}
	}
	if _, err := e.its.Get(ctx, it.ID); apperr.Code(err) != apperr.NotFound {
		t.Errorf("integration still there: %v", err)
	}
}

func TestUnavailableKeyringKeepsNothing(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, secretstest.Unavailable{})
	it := e.integrationWith(t, "api.example.com", auth.MethodAPIKey, apiKeyDefaults())
	_, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Contoso", Secrets: map[string]string{"api_key": "k-123456"}})
	if apperr.Code(err) != apperr.Unavailable || !strings.Contains(err.Error(), "keyring") || strings.Contains(err.Error(), "k-123456") {
		t.Fatalf("err = %v", err)
	}
	list, err := e.svc.List(ctx, it.ID)
	if err != nil || len(list) != 0 {
		t.Errorf("a configuration was kept: %v %v", list, err)
	}
	var refs int
	e.db.QueryRowContext(ctx, `SELECT count(*) FROM secret_refs`).Scan(&refs)
	if refs != 0 {
		t.Errorf("%d secret refs kept", refs)
	}
	e.assertNowhereOnDisk(t, "k-123456")
}

func TestInputValidation(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, secretstest.Unavailable{})
	it := e.integrationWith(t, "api.example.com", auth.MethodAPIKey, apiKeyDefaults())
	if _, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Taken"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		in    configuration.Input
		field string
		msg   string
	}{
		{"no name", configuration.Input{Name: "  "}, "name", "needs a name"},
		{"duplicate name", configuration.Input{Name: "taken"}, "name", "already has"},
		{"secret of another method", configuration.Input{Name: "x", Secrets: map[string]string{"password": "p"}}, "secrets.password", "not a secret of API Key"},
		{"override of another method", configuration.Input{Name: "x", Values: configuration.Values{Overrides: map[string]any{"oauth2.scope": "read"}}}, "overrides.oauth2.scope", "not an auth default"},
		{"override of the method", configuration.Input{Name: "x", Values: configuration.Values{Overrides: map[string]any{"auth.method": "basic"}}}, "overrides.auth.method", "cannot be overridden"},
		{"override that fails validation", configuration.Input{Name: "x", Values: configuration.Values{Overrides: map[string]any{"api_key.header_name": "Bad Header"}}}, "auth.api_key.header_name", "not a valid header name"},
		{"override carrying a credential", configuration.Input{Name: "x", Values: configuration.Values{Overrides: map[string]any{"extra_headers": []any{map[string]any{"name": "X-Api-Token", "value": "t"}}}}}, "auth.extra_headers[0].name", "credential"},
		{"privileged fixed port", configuration.Input{Name: "x", Values: configuration.Values{RedirectPort: 80}}, "values.redirectPort", "1024"},
	}
	for _, c := range cases {
		_, err := e.svc.Create(ctx, it.ID, c.in)
		var ae *apperr.Error
		if !asAppErr(err, &ae) || ae.Field != c.field || !strings.Contains(ae.Message, c.msg) {
			t.Errorf("%s: err = %#v, want field %s with %q", c.name, err, c.field, c.msg)
		}
	}
	// A valid override changes what is sent.
	c, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Override", Values: configuration.Values{Overrides: map[string]any{"api_key.preamble": "Token"}}})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := e.its.Get(ctx, it.ID)
	eff, err := configuration.Effective(got, c.Values)
	if err != nil || eff.APIKey.Preamble != "Token" || eff.APIKey.HeaderName != "Authorization" {
		t.Errorf("effective %+v %v", eff.APIKey, err)
	}
}

func asAppErr(err error, target **apperr.Error) bool {
	e, ok := err.(*apperr.Error)
	if ok {
		*target = e
	}
	return ok
}

func TestSecretsAreBoundToTheirOrigin(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t, secretstest.RealKeyring(t))
	it := e.integrationWith(t, "api.example.com", auth.MethodAPIKey, apiKeyDefaults())
	c, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Contoso", Secrets: map[string]string{"api_key": "k-origin-test"}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, it.ID, c.ID)
	if _, err := e.its.SetHostname(ctx, it.ID, "api.attacker.example"); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.Authenticator(ctx, it.ID, c.ID)
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "api.attacker.example") {
		t.Fatalf("err = %v", err)
	}
	got, _ := e.svc.Get(ctx, it.ID, c.ID)
	if got.OriginChange == nil || got.OriginChange.TrustedHostname != "api.example.com" {
		t.Errorf("origin change %+v", got.OriginChange)
	}
	if _, err := e.svc.Trust(ctx, it.ID, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Authenticator(ctx, it.ID, c.ID); err != nil {
		t.Fatalf("after confirming: %v", err)
	}
}

// browse plays the user's browser: follow the redirects to the loopback.
func browse(t *testing.T) func(string) error {
	return func(u string) error {
		go func() {
			resp, err := http.Get(u)
			if err != nil {
				t.Errorf("browser: %v", err)
				return
			}
			resp.Body.Close()
		}()
		return nil
	}
}

func oauthDefaults(srv *oauthmock.Server, grant auth.GrantType) auth.Defaults {
	d := auth.DefaultsFor(auth.MethodOAuth2, grant)
	if grant == auth.GrantAuthorizationCode {
		d.OAuth2.AuthorizationURL = srv.AuthorizationURL()
	}
	d.OAuth2.TokenURL = srv.TokenURL()
	d.OAuth2.Scope = "read"
	return d
}

func TestClientCredentialsAgainstARealOAuthServer(t *testing.T) {
	ctx := context.Background()
	srv := oauthmock.Start(t)
	e := newEnv(t, secretstest.RealKeyring(t))
	it := e.integrationWith(t, "api.example.com", auth.MethodOAuth2, oauthDefaults(srv, auth.GrantClientCredentials))
	const clientSecret = "cs-7a9d1f3b5c7e9a1b3d5f"
	c, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Contoso", Values: configuration.Values{ClientID: "studio-test"},
		Secrets: map[string]string{"client_secret": clientSecret}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, it.ID, c.ID)
	if c.Status.State != auth.StateSignedOut {
		t.Errorf("before: %+v", c.Status)
	}
	c, err = e.svc.Login(ctx, it.ID, c.ID, configuration.LoginOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Status.State != auth.StateSignedIn || c.Status.ExpiresAt == nil {
		t.Fatalf("after: %+v", c.Status)
	}
	first := applied(t, e, it.ID, c.ID)
	// The mock's tokens live 3600 s; with the 300 s buffer a refresh is due at 55 min.
	e.clock.Advance(56 * time.Minute)
	if err := e.svc.RefreshDue(ctx); err != nil {
		t.Fatal(err)
	}
	if n := e.wire.count(); n != 2 {
		t.Errorf("%d token requests, want 2: the token was not renewed when due", n)
	}
	if second := applied(t, e, it.ID, c.ID); second == "" {
		t.Error("no token after the renewal")
	}
	e.assertNowhereOnDisk(t, clientSecret)
	e.assertNowhereOnDisk(t, strings.TrimPrefix(first, "Bearer "))
}

func applied(t *testing.T, e *env, integrationID, id string) string {
	t.Helper()
	a, err := e.svc.Authenticator(context.Background(), integrationID, id)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "https://api.example.com/", nil)
	if err := a.Apply(context.Background(), req); err != nil {
		t.Fatal(err)
	}
	return req.Header.Get("Authorization")
}

func TestAuthorizationCodeAgainstARealOAuthServer(t *testing.T) {
	ctx := context.Background()
	srv := oauthmock.Start(t)
	e := newEnv(t, secretstest.RealKeyring(t))
	e.browser = browse(t)
	it := e.integrationWith(t, "api.example.com", auth.MethodOAuth2, oauthDefaults(srv, auth.GrantAuthorizationCode))
	c, err := e.svc.Create(ctx, it.ID, configuration.Input{Name: "Contoso", Values: configuration.Values{ClientID: "studio-test"},
		Secrets: map[string]string{"client_secret": "cs-ac-test"}})
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, it.ID, c.ID)
	var started configuration.SignInStarted
	c, err = e.svc.Login(ctx, it.ID, c.ID, configuration.LoginOptions{Started: func(s configuration.SignInStarted) { started = s }})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(started.URL, "code_challenge_method=S256") || !strings.HasPrefix(started.RedirectURI, "http://127.0.0.1:") {
		t.Errorf("started %+v", started)
	}
	if c.Status.State != auth.StateSignedIn {
		t.Fatalf("status %+v", c.Status)
	}
	first := applied(t, e, it.ID, c.ID)
	if n := e.wire.count(); n != 1 || first == "" {
		t.Fatalf("%d token requests before expiry, want 1 (the exchange)", n)
	}
	e.clock.Advance(59 * time.Minute)
	if second := applied(t, e, it.ID, c.ID); second == "" || e.wire.count() != 2 {
		t.Errorf("%d token requests: the token was not refreshed before use", e.wire.count())
	}
	c, _ = e.svc.Logout(ctx, it.ID, c.ID)
	if c.Status.State != auth.StateSignedOut {
		t.Errorf("after logout %+v", c.Status)
	}
}

func TestWrongVerifierIsRefusedByTheRealServer(t *testing.T) {
	srv := oauthmock.Start(t)
	o := oauthDefaults(srv, auth.GrantAuthorizationCode).OAuth2
	cl := auth.OAuth2Client{Settings: *o, ClientID: "studio-test", ClientSecret: "x"}
	s, err := auth.StartSignIn(cl, auth.LoopbackOptions{Name: "x"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	landed := resp.Header.Get("Location")
	code := landed[strings.Index(landed, "code=")+5:]
	if i := strings.IndexByte(code, '&'); i >= 0 {
		code = code[:i]
	}
	cl.RedirectURI = s.RedirectURI
	_, err = cl.Exchange(context.Background(), code, "wrong-verifier-wrong-verifier-wrong-verifier-123", time.Now())
	if err == nil {
		t.Fatal("the server accepted a wrong PKCE verifier")
	}
}

func TestChangingTheClientSignsOut(t *testing.T) {
	ctx := context.Background()
	srv := oauthmock.Start(t)
	e := newEnv(t, secretstest.RealKeyring(t))
	it := e.integrationWith(t, "api.example.com", auth.MethodOAuth2, oauthDefaults(srv, auth.GrantClientCredentials))
	in := configuration.Input{Name: "Contoso", Values: configuration.Values{ClientID: "one"}, Secrets: map[string]string{"client_secret": "cs-1"}}
	c, err := e.svc.Create(ctx, it.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, it.ID, c.ID)
	if c, err = e.svc.Login(ctx, it.ID, c.ID, configuration.LoginOptions{}); err != nil || c.Status.State != auth.StateSignedIn {
		t.Fatalf("login: %v %+v", err, c.Status)
	}
	in.Secrets = nil
	in.Organization = "Contoso Ltd" // not the client: stays signed in
	if c, err = e.svc.Update(ctx, it.ID, c.ID, in); err != nil || c.Status.State != auth.StateSignedIn {
		t.Fatalf("rename: %v %+v", err, c.Status)
	}
	in.Values.ClientID = "two"
	if c, err = e.svc.Update(ctx, it.ID, c.ID, in); err != nil || c.Status.State != auth.StateSignedOut {
		t.Fatalf("new client: %v %+v", err, c.Status)
	}
}
