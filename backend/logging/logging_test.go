package logging_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"integrationstudio/backend/logging"
)

func TestOpenWritesRedactedJSONLines(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "logs")
	log, file, closer, err := logging.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	log.Info("saved configuration", "configuration", "Client A", "password", "hunter2")
	closer.Close()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	line := string(b)
	if !strings.Contains(line, `"msg":"saved configuration"`) || !strings.Contains(line, `"configuration":"Client A"`) {
		t.Errorf("log line: %s", line)
	}
	if strings.Contains(line, "hunter2") {
		t.Error("the password reached the log file")
	}
	if info, _ := os.Stat(dir); info.Mode().Perm()&0o077 != 0 {
		t.Errorf("log folder is readable by others: %v", info.Mode())
	}
}
