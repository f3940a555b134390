package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
)

// The test binary doubles as the app binary: with this variable set it runs
// main() on the arguments after "--", so CLI tests exercise the real wiring
// (data dir, store, keyring recovery, logging) in a child process.
const runMainEnv = "INTEGRATION_STUDIO_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runMainEnv) == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{"integration-studio"}, os.Args[i+1:]...)
				break
			}
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func runApp(t *testing.T, home string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	// No display at all: subcommands must never need one.
	cmd.Env = []string{runMainEnv + "=1", "INTEGRATION_STUDIO_HOME=" + home, "HOME=" + home, "PATH=" + os.Getenv("PATH")}
	if addr := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); addr != "" {
		cmd.Env = append(cmd.Env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, stdout.String(), stderr.String()
}

func TestCLIRunsHeadlessOnItsDataDir(t *testing.T) {
	home := filepath.Join(t.TempDir(), "studio-home")

	code, out, errOut := runApp(t, home, "version")
	if code != 0 || !strings.Contains(out, "Integration Studio") {
		t.Fatalf("version: exit %d, %q %q", code, out, errOut)
	}
	code, out, errOut = runApp(t, home, "list", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("list --json: exit %d, %q %q", code, out, errOut)
	}
	for _, f := range []string{"studio.db", "logs/studio.log"} {
		if _, err := os.Stat(filepath.Join(home, f)); err != nil {
			t.Errorf("%s not created in the data dir: %v", f, err)
		}
	}
	other := filepath.Join(t.TempDir(), "other")
	if code, _, _ := runApp(t, home, "--data-dir", other, "list"); code != 0 {
		t.Errorf("--data-dir run failed: %d", code)
	}
	if _, err := os.Stat(filepath.Join(other, "studio.db")); err != nil {
		t.Errorf("--data-dir did not move the database: %v", err)
	}
	if code, _, errOut := runApp(t, home, "bogus"); code != 2 || !strings.Contains(errOut, "unknown command") {
		t.Errorf("bogus: exit %d, %q", code, errOut)
	}
}

func TestCLIRefusesNewerDatabaseWithExitTwo(t *testing.T) {
	home := t.TempDir()
	if code, _, errOut := runApp(t, home, "list"); code != 0 {
		t.Fatal(errOut)
	}
	db := filepath.Join(home, "studio.db")
	bumpUserVersion(t, db, 99)
	code, _, errOut := runApp(t, home, "list")
	if code != 2 || !strings.Contains(errOut, "newer version of Integration Studio") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestSecurityHeaders(t *testing.T) {
	rec := httptest.NewRecorder()
	securityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})).
		ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	csp := rec.Header().Get("Content-Security-Policy")
	for _, d := range []string{"default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-src 'none'", "img-src 'self' data:"} {
		if !strings.Contains(csp, d) {
			t.Errorf("CSP %q lacks %q", csp, d)
		}
	}
	if strings.Contains(csp, "unsafe-eval") || strings.Contains(strings.SplitN(strings.SplitN(csp, "script-src", 2)[1], ";", 2)[0], "unsafe-inline") {
		t.Errorf("CSP allows script execution from strings: %q", csp)
	}
}

func TestValidateExternalURL(t *testing.T) {
	for url, ok := range map[string]bool{
		"https://docs.example.com/api": true,
		"http://localhost:8080":        true,
		"javascript:alert(1)":          false,
		"file:///etc/passwd":           false,
		"wails://wails/index.html":     false,
		"//evil.example":               false,
		"":                             false,
	} {
		if err := validateExternalURL(url); (err == nil) != ok {
			t.Errorf("validateExternalURL(%q) = %v, want ok=%v", url, err, ok)
		}
	}
}

func TestPublicErrorHidesInternals(t *testing.T) {
	svc := &services{log: discardLogger()}
	app := NewApp(svc, nil)
	got, ok := app.publicError(os.ErrPermission).(string)
	if !ok || strings.Contains(got, "permission") || !strings.Contains(got, `"code":"internal"`) {
		t.Errorf("publicError = %v", got)
	}
	var decoded struct{ Code, Message, Field string }
	coded := app.publicError(fmt.Errorf("create: %w", apperr.FieldErrorf("name", `Name contains "!".`))).(string)
	if err := json.Unmarshal([]byte(coded), &decoded); err != nil || decoded.Code != "invalid" || decoded.Field != "name" || decoded.Message != `Name contains "!".` {
		t.Errorf("publicError(field error) = %s (%v)", coded, err)
	}
}

func bumpUserVersion(t *testing.T, path string, v int) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", v)); err != nil {
		t.Fatal(err)
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func TestAppWithAStartupProblemFailsDataCallsWithIt(t *testing.T) {
	problem := apperr.Errorf(apperr.Invalid, "/x/studio.db was written by a newer version of Integration Studio.")
	app := NewApp(nil, problem)
	got, _ := app.StartupProblem()
	if got == nil || got.Message != problem.Message {
		t.Fatalf("StartupProblem = %v", got)
	}
	if _, err := app.ListIntegrations(); err != problem {
		t.Errorf("ListIntegrations err = %v, want the start-up problem", err)
	}
	if _, err := app.CreateIntegration(integration.CreateInput{Name: "A", Description: "B"}); err != problem {
		t.Errorf("CreateIntegration err = %v, want the start-up problem", err)
	}
	if info, err := app.AppInfo(); err != nil || info.Version == "" {
		t.Errorf("AppInfo = %+v, %v", info, err)
	}
}
