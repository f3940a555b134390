// Package oauthmock runs a real third-party OAuth 2.0 server for tests:
// npm's oauth2-mock-server (installed by `npm ci` in frontend/), on
// loopback, as a child process. It implements the authorization-code
// grant with PKCE verification, client credentials and refresh tokens.
package oauthmock

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// Server is a running oauth2-mock-server.
type Server struct {
	// Issuer is the server's base URL (http://localhost:PORT), the origin
	// it names in iss.
	Issuer string
}

func (s *Server) AuthorizationURL() string { return s.Issuer + "/authorize" }
func (s *Server) TokenURL() string         { return s.Issuer + "/token" }

var listening = regexp.MustCompile(`OAuth 2 server listening on http://127\.0\.0\.1:(\d+)`)

// Start runs the server until the test ends. Without node or the package
// it skips, unless INTEGRATION_STUDIO_REQUIRE_SERVERS=1 (set by `make
// test`) makes that a failure.
func Start(t testing.TB) *Server {
	t.Helper()
	script, err := findScript()
	node, nodeErr := exec.LookPath("node")
	if err != nil || nodeErr != nil {
		msg := "oauth2-mock-server is not installed (run `npm ci` in frontend/) or node is missing"
		if os.Getenv("INTEGRATION_STUDIO_REQUIRE_SERVERS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, node, script, "-a", "127.0.0.1", "-p", "0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting oauth2-mock-server: %v", err)
	}
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
	})
	port := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				port <- m[1]
			}
		}
	}()
	select {
	case p := <-port:
		return &Server{Issuer: "http://localhost:" + p}
	case <-time.After(20 * time.Second):
		t.Fatal("oauth2-mock-server did not start within 20 s")
	}
	return nil
}

// findScript walks up from the test's directory to the repository's
// frontend/node_modules.
func findScript() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, "frontend", "node_modules", "oauth2-mock-server", "dist", "oauth2-mock-server.mjs")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir || strings.HasSuffix(parent, string(filepath.Separator)) && parent == filepath.Dir(parent) {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}
