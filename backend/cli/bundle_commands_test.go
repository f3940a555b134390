package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/auth"
	"integrationstudio/backend/cli"
)

func TestExportAndImportBundle(t *testing.T) {
	s := newStudio(t)
	id := s.integration(auth.MethodAPIKey, auth.Defaults{APIKey: &auth.APIKeyDefaults{HeaderName: "X-API-Key"}})
	const key = "k-bundle-cli-6d2f"
	if code, _, errOut := s.run(terminal{stdin: key}, "config", "add", id, "--name", "Contoso", "--secret-stdin", "api_key"); code != 0 {
		t.Fatalf("config add: %s", errOut)
	}
	file := filepath.Join(t.TempDir(), "acme.isbundle")
	code, out, errOut := s.run(terminal{}, "export", id, "-o", file, "--sign")
	if code != cli.ExitOK || !strings.Contains(out, "signed") {
		t.Fatalf("export: exit %d %s %s", code, out, errOut)
	}
	data, _ := os.ReadFile(file)
	if bytes.Contains(data, []byte(key)) {
		t.Error("the API key is in the bundle")
	}

	other := newStudio(t)
	code, out, errOut = other.run(terminal{}, "import-bundle", file, "--dry-run")
	if code != cli.ExitOK || !strings.Contains(out, "signed by SHA256:") || !strings.Contains(out, `Configuration "Contoso": needs api_key`) {
		t.Fatalf("dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	if code, out, _ = other.run(terminal{}, "list"); strings.Contains(out, "Acme") {
		t.Errorf("the dry run imported: %s", out)
	}
	code, out, errOut = other.run(terminal{}, "import-bundle", file)
	if code != cli.ExitOK || !strings.Contains(out, "Imported as") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	code, _, errOut = other.run(terminal{}, "import-bundle", file)
	if code != cli.ExitFailure || !strings.Contains(errOut, "already exists") {
		t.Errorf("second import: exit %d %s", code, errOut)
	}
	if code, out, errOut = other.run(terminal{}, "import-bundle", file, "--on-conflict", "keep-both", "--json"); code != cli.ExitOK || !strings.Contains(out, `"mode": "copy"`) {
		t.Errorf("keep both: exit %d %s %s", code, out, errOut)
	}
	notZip := filepath.Join(t.TempDir(), "notes.isbundle")
	os.WriteFile(notZip, []byte("hello"), 0o600)
	if code, _, errOut = other.run(terminal{}, "import-bundle", notZip); code != cli.ExitUsage || !strings.Contains(errOut, "not a zip") {
		t.Errorf("not a zip: exit %d %s", code, errOut)
	}
	if code, _, errOut = other.run(terminal{}, "import-bundle", file, "--on-conflict", "merge"); code != cli.ExitUsage {
		t.Errorf("bad flag: exit %d %s", code, errOut)
	}
}
