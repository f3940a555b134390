package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/auth/oauthmock"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/bundle"
	"integrationstudio/backend/cli"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/datadir"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/playbook"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/secrets/secretstest"
	"integrationstudio/backend/store"
	"integrationstudio/backend/webhook"
	"integrationstudio/backend/worker"
)

// studio is a data dir with the real keyring behind its configurations.
type studio struct {
	t    *testing.T
	home string
	env  map[string]string
	kr   secrets.Keyring
}

func newStudio(t *testing.T) *studio {
	t.Helper()
	home := t.TempDir()
	return &studio{t: t, home: home, env: map[string]string{datadir.EnvHome: home}, kr: secretstest.RealKeyring(t)}
}

// open opens the data dir as main.go's openServices does, with the test's keyring.
func (s *studio) open(ctx context.Context, override string) (*configuration.Service, *integration.Service, io.Closer, error) {
	dir, err := datadir.Resolve(override, func(k string) string { return s.env[k] })
	if err != nil {
		return nil, nil, nil, err
	}
	if err := dir.Ensure(); err != nil {
		return nil, nil, nil, err
	}
	db, err := store.Open(ctx, dir.Database(), store.Options{})
	if err != nil {
		return nil, nil, nil, err
	}
	its := integration.NewService(db)
	cs := configuration.New(configuration.Deps{DB: db, Secrets: secrets.New(db, s.kr), Integrations: its,
		OpenBrowser: func(string) error {
			s.t.Error("the browser was opened despite --no-browser")
			return nil
		}})
	return cs, its, db, nil
}

// integration creates an integration with an auth method, and removes
// its keyring entries when the test ends.
func (s *studio) integration(m auth.Method, d auth.Defaults) string {
	t := s.t
	t.Helper()
	ctx := context.Background()
	_, its, closer, err := s.open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	it, err := its.Create(ctx, integration.CreateInput{Name: "Acme CRM " + string(m), Description: "d"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := its.SetHostname(ctx, it.ID, "api.example.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := its.SetAuth(ctx, it.ID, integration.AuthMethod(m), d); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cs, _, closer, err := s.open(ctx, "")
		if err != nil {
			return
		}
		defer closer.Close()
		_ = cs.DeleteIntegration(ctx, it.ID)
	})
	return it.ID
}

func (s *studio) setHostname(id, host string) {
	ctx := context.Background()
	_, its, closer, err := s.open(ctx, "")
	if err != nil {
		s.t.Fatal(err)
	}
	defer closer.Close()
	if _, err := its.SetHostname(ctx, id, host); err != nil {
		s.t.Fatal(err)
	}
}

// syncBuffer is a Stdout the test reads while a command still runs;
// onWrite sees everything written so far.
type syncBuffer struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	onWrite func(all string)
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.buf.Write(p)
	if b.onWrite != nil {
		b.onWrite(b.buf.String())
	}
	return n, err
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type terminal struct {
	stdin      string
	stdinPipe  io.Reader                           // when set, stdin instead of the string
	readSecret func(prompt string) (string, error) // nil: stdin is not a terminal
	onStdout   func(all string)
}

func (s *studio) run(term terminal, args ...string) (code int, stdout, stderr string) {
	s.t.Helper()
	out := &syncBuffer{onWrite: term.onStdout}
	var errOut bytes.Buffer
	var stdin io.Reader = strings.NewReader(term.stdin)
	if term.stdinPipe != nil {
		stdin = term.stdinPipe
	}
	c := cli.New(cli.Deps{Stdout: out, Stderr: &errOut, Stdin: stdin, Getenv: func(k string) string { return s.env[k] },
		Open: storeOpener(s.env), Specs: worker.InProcess{}, ReadSecret: term.readSecret,
		OpenConfigs: func(ctx context.Context, override string) (cli.Configs, io.Closer, error) {
			cs, _, closer, err := s.open(ctx, override)
			return cs, closer, err
		},
		OpenBundles: func(ctx context.Context, override string) (cli.Bundles, io.Closer, error) {
			_, its, closer, err := s.open(ctx, override)
			if err != nil {
				return nil, nil, err
			}
			return bundle.New(bundle.Deps{Integrations: its, Secrets: secrets.New(closer.(*store.DB), s.kr), Specs: worker.InProcess{}}), closer, nil
		},
		OpenAutomation: func(ctx context.Context, override string) (cli.Automation, io.Closer, error) {
			_, _, closer, err := s.open(ctx, override)
			if err != nil {
				return nil, nil, err
			}
			db := closer.(*store.DB)
			return automation{apitoken.New(db), webhook.New(webhook.Deps{DB: db, Secrets: secrets.New(db, s.kr)})}, closer, nil
		},
		OpenWorkspace: func(ctx context.Context, override string) (cli.Workspace, io.Closer, error) {
			cs, its, closer, err := s.open(ctx, override)
			if err != nil {
				return nil, nil, err
			}
			db := closer.(*store.DB)
			runs := runner.New(runner.Deps{DB: db, Integrations: its, Auth: cs})
			bps := blueprint.New(db, nil)
			return cli.NewWorkspace(bps, playbook.New(db, bps, runs, nil), runs, its), closer, nil
		},
		OpenCaller: func(ctx context.Context, override string) (cli.Caller, io.Closer, error) {
			cs, its, closer, err := s.open(ctx, override)
			if err != nil {
				return nil, nil, err
			}
			runs := runner.New(runner.Deps{DB: closer.(*store.DB), Integrations: its, Auth: cs})
			return cli.JoinCaller(runs, cs), closer, nil
		}})
	code = c.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

// assertNowhere fails if secret is in the output or the database files.
func (s *studio) assertNowhere(secret string, outputs ...string) {
	s.t.Helper()
	for _, o := range outputs {
		if strings.Contains(o, secret) {
			s.t.Errorf("the secret was printed:\n%s", o)
		}
	}
	db := filepath.Join(s.home, "studio.db")
	for _, suffix := range []string{"", "-wal", "-shm"} {
		b, err := os.ReadFile(db + suffix)
		if err == nil && bytes.Contains(b, []byte(secret)) {
			s.t.Errorf("the secret is in %s", filepath.Base(db+suffix))
		}
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

func TestConfigAdd(t *testing.T) {
	s := newStudio(t)
	cc := auth.DefaultsFor(auth.MethodOAuth2, auth.GrantClientCredentials)
	cc.OAuth2.TokenURL = "https://login.example.com/oauth/token"
	oauth := s.integration(auth.MethodOAuth2, cc)
	apiKey := s.integration(auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer"}})
	if code, _, errOut := s.run(terminal{}, "config", "add", oauth, "--name", "Taken"); code != cli.ExitOK {
		t.Fatalf("seeding: exit %d: %s", code, errOut)
	}
	const secret = "cs-9f8e7d6c5b4a3928"
	var prompts []string
	prompter := func(p string) (string, error) { prompts = append(prompts, p); return secret, nil }

	tests := []struct {
		name     string
		args     []string
		term     terminal
		wantCode int
		wantOut  []string
		wantErr  []string
		// created is checked against `auth status --json` when set.
		created func(t *testing.T, c configuration.Configuration)
	}{
		{"set and secret-stdin", []string{"config", "add", oauth, "--name", "Contoso", "--org", "Contoso Ltd", "--set", "client_id=studio-test",
			"--set", "auth.oauth2.scope=read write", "--set", "oauth2.basic_auth_on_exchange=true", "--secret-stdin", "client_secret", "--json"},
			terminal{stdin: secret + "\n"}, cli.ExitOK, []string{`"name": "Contoso"`, `"missingSecrets": []`}, nil,
			func(t *testing.T, c configuration.Configuration) {
				if c.Organization != "Contoso Ltd" || c.ClientID != "studio-test" || strings.Join(c.SecretFields, ",") != "client_secret" {
					t.Errorf("created %+v", c)
				}
				if c.Overrides["oauth2.scope"] != "read write" || c.Overrides["oauth2.basic_auth_on_exchange"] != true {
					t.Errorf("overrides %#v", c.Overrides)
				}
			}},
		{"prompted on a terminal", []string{"config", "add", apiKey, "--name", "Prompted"},
			terminal{readSecret: prompter}, cli.ExitOK, []string{`Created configuration "Prompted"`, "Status: ready"}, nil,
			func(t *testing.T, c configuration.Configuration) {
				if len(prompts) != 1 || !strings.Contains(prompts[0], "API key") {
					t.Errorf("prompts %q", prompts)
				}
			}},
		{"no terminal: created, the secret named as missing", []string{"config", "add", apiKey, "--name", "Piped", "--set", "api_key.header_name=X-Key"},
			terminal{}, cli.ExitOK, []string{`Created configuration "Piped"`}, []string{"api_key not saved yet", "not a terminal"},
			func(t *testing.T, c configuration.Configuration) {
				if len(c.SecretFields) != 0 || c.Overrides["api_key.header_name"] != "X-Key" {
					t.Errorf("created %+v", c)
				}
			}},
		{"a secret in --set is refused", []string{"config", "add", oauth, "--name", "Leak", "--set", "client_secret=" + secret},
			terminal{}, cli.ExitUsage, nil, []string{"--set client_secret is refused", "--secret-stdin client_secret"}, nil},
		{"a dotted secret in --set is refused", []string{"config", "add", apiKey, "--name", "Leak", "--set", "auth.API_KEY=" + secret},
			terminal{}, cli.ExitUsage, nil, []string{"--secret-stdin api_key"}, nil},
		{"a token in --set is refused", []string{"config", "add", oauth, "--name", "Leak", "--set", "access_token=" + secret},
			terminal{}, cli.ExitUsage, nil, []string{"auth login"}, nil},
		{"unknown override key", []string{"config", "add", oauth, "--name", "Typo", "--set", "oauth2.scopes=read"},
			terminal{}, cli.ExitUsage, nil, []string{"oauth2.scopes"}, nil},
		{"override of another method", []string{"config", "add", oauth, "--name", "Other", "--set", "api_key.header_name=X-Key"},
			terminal{}, cli.ExitUsage, nil, []string{`"api_key.header_name" is not an auth default of OAuth 2.0`}, nil},
		{"secret of another method from stdin", []string{"config", "add", oauth, "--name", "Wrong", "--secret-stdin", "password"},
			terminal{stdin: secret}, cli.ExitUsage, nil, []string{"--secret-stdin password", "take client_secret"}, nil},
		{"not a secret from stdin", []string{"config", "add", oauth, "--name", "Wrong", "--secret-stdin", "username"},
			terminal{stdin: secret}, cli.ExitUsage, nil, []string{"--secret-stdin takes a secret field"}, nil},
		{"empty stdin", []string{"config", "add", oauth, "--name", "Empty", "--secret-stdin", "client_secret"},
			terminal{stdin: "\n"}, cli.ExitUsage, nil, []string{"standard input was empty"}, nil},
		{"no name", []string{"config", "add", oauth}, terminal{}, cli.ExitUsage, nil, []string{"--name NAME is required"}, nil},
		{"name taken", []string{"config", "add", oauth, "--name", "taken"}, terminal{readSecret: prompter}, cli.ExitFailure, nil,
			[]string{`already has a configuration named "Taken"`}, nil},
		{"bad port", []string{"config", "add", oauth, "--name", "Port", "--set", "redirect_port=eighty"}, terminal{}, cli.ExitUsage, nil,
			[]string{"redirect_port takes a port number"}, nil},
		{"unknown integration", []string{"config", "add", "no-such-id", "--name", "X"}, terminal{}, cli.ExitFailure, nil,
			[]string{`No integration with id "no-such-id"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prompts = nil
			code, out, errOut := s.run(tt.term, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out, errOut)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			s.assertNowhere(secret, out, errOut)
			if tt.created != nil {
				id := tt.args[2]
				name := tt.args[4]
				code, out, errOut := s.run(terminal{}, "auth", "status", id, "--config", name, "--json")
				var c configuration.Configuration
				if code != cli.ExitOK || json.Unmarshal([]byte(out), &c) != nil {
					t.Fatalf("status: exit %d: %s %s", code, out, errOut)
				}
				tt.created(t, c)
			}
		})
	}
}

func TestAuthClientCredentials(t *testing.T) {
	srv := oauthmock.Start(t)
	s := newStudio(t)
	id := s.integration(auth.MethodOAuth2, oauthDefaults(srv, auth.GrantClientCredentials))
	const secret = "cs-cli-7a9d1f3b5c7e"
	steps := []struct {
		name     string
		args     []string
		stdin    string
		wantCode int
		wantOut  []string
		wantErr  []string
		check    func(t *testing.T, out string)
	}{
		{"add", []string{"config", "add", id, "--name", "Contoso", "--set", "client_id=studio-test", "--secret-stdin", "client_secret"}, secret + "\n",
			cli.ExitOK, []string{`Created configuration "Contoso"`, "Status: signed out"}, nil, nil},
		{"status before", []string{"auth", "status", id}, "", cli.ExitOK, []string{"NAME", "Contoso", "signed out"}, nil, nil},
		{"login", []string{"auth", "login", id, "--config", "contoso"}, "", cli.ExitOK, []string{"Contoso: signed in, expires ", "(in 59m)"}, nil, nil},
		{"status table", []string{"auth", "status", id}, "", cli.ExitOK, []string{"Contoso", "signed in", "(in 59m)"}, nil, nil},
		{"status of one", []string{"auth", "status", id, "--config", "Contoso"}, "", cli.ExitOK,
			[]string{"State:", "signed in", "Expires:", "Secrets saved:", "client_secret"}, nil, nil},
		{"status json", []string{"auth", "status", id, "--json"}, "", cli.ExitOK, nil, nil, func(t *testing.T, out string) {
			var list []configuration.Configuration
			if err := json.Unmarshal([]byte(out), &list); err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if len(list) != 1 || list[0].Status.State != auth.StateSignedIn || !list[0].Status.Authenticated || list[0].Status.ExpiresAt == nil {
				t.Errorf("status %+v", list)
			}
		}},
		{"status json of one", []string{"auth", "status", id, "--config", "Contoso", "--json"}, "", cli.ExitOK, []string{`"state": "signed_in"`}, nil, nil},
		{"unknown config", []string{"auth", "status", id, "--config", "Fabrikam"}, "", cli.ExitFailure, nil,
			[]string{`no configuration named "Fabrikam"`, `its configurations are "Contoso"`}, nil},
		{"login needs --config", []string{"auth", "login", id}, "", cli.ExitUsage, nil, []string{"--config NAME is required"}, nil},
		{"nothing to trust", []string{"auth", "trust", id, "--config", "Contoso"}, "", cli.ExitOK, []string{"Nothing to confirm"}, nil, nil},
		{"logout", []string{"auth", "logout", id, "--config", "Contoso"}, "", cli.ExitOK, []string{"Contoso: signed out.", "removed from the keyring"}, nil, nil},
		{"status after logout", []string{"auth", "status", id, "--config", "Contoso", "--json"}, "", cli.ExitOK, []string{`"state": "signed_out"`}, nil,
			func(t *testing.T, out string) {
				if strings.Contains(out, "expiresAt") {
					t.Errorf("an expiry after logout:\n%s", out)
				}
			}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			code, out, errOut := s.run(terminal{stdin: st.stdin}, st.args...)
			if code != st.wantCode {
				t.Fatalf("exit %d, want %d\nstdout: %s\nstderr: %s", code, st.wantCode, out, errOut)
			}
			for _, w := range st.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range st.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if st.check != nil {
				st.check(t, out)
			}
			s.assertNowhere(secret, out, errOut)
		})
	}
}

var authorizeURL = regexp.MustCompile(`http://localhost:\d+/authorize\?\S+`)

func TestAuthLoginAuthorizationCodeWithoutABrowser(t *testing.T) {
	srv := oauthmock.Start(t)
	s := newStudio(t)
	id := s.integration(auth.MethodOAuth2, oauthDefaults(srv, auth.GrantAuthorizationCode))
	const secret = "cs-cli-ac-5c7e9a1b3d"
	if code, _, errOut := s.run(terminal{stdin: secret}, "config", "add", id, "--name", "Contoso", "--set", "client_id=studio-test", "--secret-stdin", "client_secret"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errOut)
	}
	// The test is the user's browser: it opens the printed address and
	// follows the redirects to the loopback.
	var once sync.Once
	browsed := make(chan error, 1)
	browser := func(all string) {
		u := authorizeURL.FindString(all)
		if u == "" || !strings.Contains(all, "Waiting") {
			return
		}
		once.Do(func() {
			go func() {
				resp, err := http.Get(u)
				if err == nil {
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						err = &statusError{resp.StatusCode}
					}
				}
				browsed <- err
			}()
		})
	}
	code, out, errOut := s.run(terminal{onStdout: browser}, "auth", "login", id, "--config", "Contoso", "--no-browser")
	if code != cli.ExitOK {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if err := <-browsed; err != nil {
		t.Errorf("browser: %v", err)
	}
	for _, w := range []string{"Open this address in your browser", "code_challenge_method=S256",
		"redirect URI registered: http://127.0.0.1:", "Contoso: signed in, expires"} {
		if !strings.Contains(out, w) {
			t.Errorf("stdout lacks %q:\n%s", w, out)
		}
	}
	code, out, _ = s.run(terminal{}, "auth", "status", id, "--config", "Contoso")
	if code != cli.ExitOK || !strings.Contains(out, "signed in") {
		t.Errorf("status: exit %d\n%s", code, out)
	}
	code, out, _ = s.run(terminal{}, "auth", "logout", id, "--config", "Contoso")
	if code != cli.ExitOK || !strings.Contains(out, "signed out") {
		t.Errorf("logout: exit %d\n%s", code, out)
	}
	s.assertNowhere(secret, out)
}

// The browser ran on another machine: its redirect never reached the
// loopback, and the user pastes the address it ended on.
func TestAuthLoginWithAPastedAddress(t *testing.T) {
	srv := oauthmock.Start(t)
	s := newStudio(t)
	id := s.integration(auth.MethodOAuth2, oauthDefaults(srv, auth.GrantAuthorizationCode))
	if code, _, errOut := s.run(terminal{stdin: "cs-paste"}, "config", "add", id, "--name", "Contoso", "--set", "client_id=studio-test", "--secret-stdin", "client_secret"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errOut)
	}
	pr, pw := io.Pipe()
	defer pw.Close()
	var once sync.Once
	elsewhere := func(all string) {
		u := authorizeURL.FindString(all)
		if u == "" || !strings.Contains(all, "paste the address") {
			return
		}
		once.Do(func() {
			go func() {
				noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
				resp, err := noFollow.Get(u)
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				io.WriteString(pw, "not a code\n"+resp.Header.Get("Location")+"\n")
			}()
		})
	}
	code, out, errOut := s.run(terminal{stdinPipe: pr, onStdout: elsewhere}, "auth", "login", id, "--config", "Contoso", "--no-browser")
	if code != cli.ExitOK || !strings.Contains(out, "Contoso: signed in") {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "codes have no spaces") {
		t.Errorf("the bad paste was not explained: %s", errOut)
	}
}

type statusError struct{ code int }

func (e *statusError) Error() string { return http.StatusText(e.code) }

func TestAuthTrustAfterTheHostnameChanged(t *testing.T) {
	s := newStudio(t)
	id := s.integration(auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer"}})
	if code, _, errOut := s.run(terminal{stdin: "k-trust-1234"}, "config", "add", id, "--name", "Contoso", "--secret-stdin", "api_key"); code != 0 {
		t.Fatalf("add: exit %d: %s", code, errOut)
	}
	s.setHostname(id, "api.elsewhere.example")
	code, out, _ := s.run(terminal{}, "auth", "status", id, "--config", "Contoso")
	if code != cli.ExitOK || !strings.Contains(out, "secrets were saved for api.example.com, the integration now uses api.elsewhere.example") {
		t.Errorf("status: exit %d\n%s", code, out)
	}
	code, out, _ = s.run(terminal{}, "auth", "trust", id, "--config", "Contoso")
	if code != cli.ExitOK || !strings.Contains(out, "may now be sent to api.elsewhere.example (was api.example.com)") {
		t.Errorf("trust: exit %d\n%s", code, out)
	}
	code, out, _ = s.run(terminal{}, "auth", "status", id)
	if code != cli.ExitOK || strings.Contains(out, "address changed") || !strings.Contains(out, "ready") {
		t.Errorf("status after trust: exit %d\n%s", code, out)
	}
	code, out, _ = s.run(terminal{}, "auth", "logout", id, "--config", "Contoso")
	if code != cli.ExitOK || !strings.Contains(out, "nothing to sign out of") {
		t.Errorf("logout of an API key: exit %d\n%s", code, out)
	}
}

func TestSubcommandUsage(t *testing.T) {
	env := map[string]string{datadir.EnvHome: t.TempDir()}
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
		wantErr  []string
	}{
		{"help lists subcommands", []string{"help"}, cli.ExitOK, []string{"config add", "auth login", "auth status", "auth logout", "auth trust"}, nil},
		{"help of a group", []string{"help", "auth"}, cli.ExitOK, []string{"Usage: integration-studio auth <subcommand>", "auth trust"}, nil},
		{"help of a subcommand", []string{"help", "auth", "login"}, cli.ExitOK, []string{"Usage: integration-studio auth login ID --config NAME", "-no-browser"}, nil},
		{"subcommand -h", []string{"config", "add", "-h"}, cli.ExitOK, []string{"Usage: integration-studio config add ID --name NAME", "-secret-stdin"}, nil},
		{"group -h", []string{"auth", "-h"}, cli.ExitOK, []string{"Subcommands:"}, nil},
		{"group alone", []string{"auth"}, cli.ExitUsage, nil, []string{"auth: give a subcommand: login, status, logout, trust"}},
		{"unknown subcommand", []string{"auth", "whoami"}, cli.ExitUsage, nil, []string{`auth: unknown subcommand "whoami"`}},
		{"help of an unknown subcommand", []string{"help", "config", "rm"}, cli.ExitUsage, nil, []string{`unknown subcommand "rm" of config`}},
		{"flag error names the subcommand", []string{"auth", "status", "x", "--nope"}, cli.ExitUsage, nil, []string{"auth status: flag provided but not defined: -nope"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := run(t, env, tt.args...)
			if code != tt.wantCode {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.wantCode, out, errOut)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out, w) {
					t.Errorf("stdout lacks %q:\n%s", w, out)
				}
			}
			for _, w := range tt.wantErr {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
}

func TestDeleteIntegrationRemovesItsKeyringEntries(t *testing.T) {
	s := newStudio(t)
	id := s.integration(auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "X-API-Key"}})
	if code, _, errOut := s.run(terminal{stdin: "k-delete-8e1f"}, "config", "add", id, "--name", "Contoso", "--secret-stdin", "api_key"); code != 0 {
		t.Fatalf("add: %s", errOut)
	}
	ctx := context.Background()
	_, _, closer, err := s.open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	var keyringKey string
	closer.(*store.DB).QueryRowContext(ctx, `SELECT keyring_key FROM secret_refs`).Scan(&keyringKey)
	closer.Close()
	if code, _, errOut := s.run(terminal{}, "delete", id); code != cli.ExitUsage || !strings.Contains(errOut, "--yes") {
		t.Fatalf("without --yes: exit %d %s", code, errOut)
	}
	if code, out, errOut := s.run(terminal{}, "delete", id, "--yes"); code != cli.ExitOK || !strings.Contains(out, "Deleted") {
		t.Fatalf("delete: exit %d %s %s", code, out, errOut)
	}
	if v, err := s.kr.Get(secrets.Service, keyringKey); err == nil {
		t.Errorf("keyring entry %s survived with %d bytes", keyringKey, len(v))
	}
	if code, _, errOut := s.run(terminal{}, "show", id); code == cli.ExitOK || !strings.Contains(errOut, "No integration") {
		t.Errorf("show after delete: exit %d %s", code, errOut)
	}
}

type automation struct {
	tokens   *apitoken.Service
	webhooks *webhook.Service
}

func (a automation) Tokens() *apitoken.Service  { return a.tokens }
func (a automation) Webhooks() *webhook.Service { return a.webhooks }
