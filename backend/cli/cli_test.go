package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/cli"
	"integrationstudio/backend/datadir"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/store"
	"integrationstudio/backend/worker"
)

// storeOpener opens a real store in the resolved data dir, like main.go.
func storeOpener(env map[string]string) func(context.Context, string) (cli.Catalog, io.Closer, error) {
	return func(ctx context.Context, override string) (cli.Catalog, io.Closer, error) {
		dir, err := datadir.Resolve(override, func(k string) string { return env[k] })
		if err != nil {
			return nil, nil, err
		}
		if err := dir.Ensure(); err != nil {
			return nil, nil, err
		}
		db, err := store.Open(ctx, dir.Database(), store.Options{
			Now: func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) },
		})
		if err != nil {
			return nil, nil, err
		}
		return integration.NewService(db), db, nil
	}
}

func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	c := cli.New(cli.Deps{Stdout: &out, Stderr: &errOut, Getenv: func(k string) string { return env[k] }, Open: storeOpener(env), Specs: worker.InProcess{}})
	code = c.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func seed(t *testing.T, home string, names ...string) {
	t.Helper()
	catalog, closer, err := storeOpener(map[string]string{datadir.EnvHome: home})(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	for _, n := range names {
		if _, err := catalog.(*integration.Service).Create(context.Background(), integration.CreateInput{Name: n, Description: "d"}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCommands(t *testing.T) {
	home := t.TempDir()
	other := t.TempDir()
	seed(t, home, "Acme CRM", "Zendesk")
	env := map[string]string{datadir.EnvHome: home}

	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantOut    []string
		wantErr    []string
		notWantOut []string
	}{
		{"no args is usage", nil, cli.ExitUsage, nil, []string{"Usage:", "list"}, nil},
		{"help", []string{"help"}, cli.ExitOK, []string{"Commands:", "list", "version", "--data-dir", "Exit codes"}, nil, nil},
		{"help of a command", []string{"help", "list"}, cli.ExitOK, []string{"integration-studio list [--json]", "-json"}, nil, nil},
		{"command -h", []string{"list", "-h"}, cli.ExitOK, []string{"Usage: integration-studio list"}, nil, nil},
		{"version", []string{"version"}, cli.ExitOK, []string{"Integration Studio "}, nil, nil},
		{"unknown command", []string{"frobnicate"}, cli.ExitUsage, nil, []string{`unknown command "frobnicate"`}, nil},
		{"unknown flag", []string{"list", "--nope"}, cli.ExitUsage, nil, []string{"flag provided but not defined: -nope"}, nil},
		{"stray argument", []string{"list", "extra"}, cli.ExitUsage, nil, []string{`unexpected argument "extra"`}, nil},
		{"list table", []string{"list"}, cli.ExitOK, []string{"NAME", "Acme CRM", "Zendesk", "draft"}, nil, nil},
		{"data-dir before command", []string{"--data-dir", other, "list"}, cli.ExitOK, []string{"No integrations yet"}, nil, []string{"Acme"}},
		{"data-dir after command", []string{"list", "--data-dir", other}, cli.ExitOK, []string{"No integrations yet"}, nil, []string{"Acme"}},
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
			for _, w := range tt.notWantOut {
				if strings.Contains(out, w) {
					t.Errorf("stdout has %q:\n%s", w, out)
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

func TestListJSON(t *testing.T) {
	home := t.TempDir()
	seed(t, home, "Acme CRM")
	code, out, errOut := run(t, map[string]string{datadir.EnvHome: home}, "list", "--json")
	if code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got []integration.Summary
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if len(got) != 1 || got[0].Name != "Acme CRM" || got[0].Status != "draft" || got[0].ID == "" {
		t.Errorf("got %+v", got)
	}
	// An empty data dir is an empty array, not null: scripts iterate it.
	code, out, _ = run(t, map[string]string{datadir.EnvHome: t.TempDir()}, "list", "--json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty list --json = %q (exit %d), want []", out, code)
	}
}

func TestListOnAFileThatIsNotADatabaseIsAnInputError(t *testing.T) {
	home := t.TempDir()
	db := filepath.Join(home, "studio.db")
	if err := os.WriteFile(db, []byte("notes"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, map[string]string{datadir.EnvHome: home}, "list")
	if code != cli.ExitUsage || !strings.Contains(errOut, "is not an Integration Studio database") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestFailuresExitOne(t *testing.T) {
	var errOut bytes.Buffer
	c := cli.New(cli.Deps{Stdout: io.Discard, Stderr: &errOut, Getenv: os.Getenv,
		Open: func(context.Context, string) (cli.Catalog, io.Closer, error) {
			return nil, nil, apperr.Wrap(errors.New("EACCES"), apperr.Unavailable, "Cannot create the data directory /x: permission denied")
		}})
	if code := c.Run(context.Background(), []string{"list"}); code != cli.ExitFailure {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(errOut.String(), "permission denied") {
		t.Errorf("stderr %q", errOut.String())
	}
}

func ExampleCLI_Run() {
	home, _ := os.MkdirTemp("", "studio-example-")
	defer os.RemoveAll(home)
	env := map[string]string{datadir.EnvHome: home}
	c := cli.New(cli.Deps{Stdout: os.Stdout, Stderr: os.Stdout, Getenv: func(k string) string { return env[k] }, Open: storeOpener(env)})
	code := c.Run(context.Background(), []string{"list"})
	code2 := c.Run(context.Background(), []string{"lsit"})
	fmt.Printf("exit codes: %d %d\n", code, code2)
	// Output:
	// No integrations yet. Open the app to create one.
	// integration-studio: unknown command "lsit"
	// Run 'integration-studio help' for usage.
	// exit codes: 0 2
}
