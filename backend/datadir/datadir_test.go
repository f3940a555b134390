package datadir_test

import (
	"os"
	"path/filepath"
	"testing"

	"integrationstudio/backend/datadir"
)

func TestResolvePrecedence(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == datadir.EnvHome {
				return v
			}
			return ""
		}
	}
	flagDir, envDir := t.TempDir(), t.TempDir()
	if d, _ := datadir.Resolve(flagDir, env(envDir)); d.Root != flagDir {
		t.Errorf("flag should win: %s", d.Root)
	}
	if d, _ := datadir.Resolve("", env(envDir)); d.Root != envDir {
		t.Errorf("env should win over the default: %s", d.Root)
	}
	cfg, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no user config dir here")
	}
	if d, _ := datadir.Resolve("", env("")); d.Root != filepath.Join(cfg, "integration-studio") {
		t.Errorf("default = %s", d.Root)
	}
	if d, _ := datadir.Resolve("rel/dir", env("")); !filepath.IsAbs(d.Root) {
		t.Errorf("relative override not made absolute: %s", d.Root)
	}
}

func TestEnsureRefusesAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "home")
	os.WriteFile(file, []byte("x"), 0o600)
	if err := (datadir.Dir{Root: file}).Ensure(); err == nil {
		t.Error("Ensure accepted a file as the data dir")
	}
	d := datadir.Dir{Root: filepath.Join(t.TempDir(), "a", "b")}
	if err := d.Ensure(); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(d.Root); info.Mode().Perm() != 0o700 {
		t.Errorf("data dir mode %v, want 0700", info.Mode().Perm())
	}
}
