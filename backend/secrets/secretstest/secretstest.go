// Package secretstest gives other packages' tests the real OS keyring, or
// a keyring that refuses every call.
package secretstest

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"testing"

	"integrationstudio/backend/secrets"
)

// RealKeyring returns the system keyring, or skips when none is reachable.
// `make test` sets INTEGRATION_STUDIO_REQUIRE_KEYRING=1 so that a missing
// keyring fails the run instead of silently skipping.
func RealKeyring(t testing.TB) secrets.Keyring {
	t.Helper()
	kr := secrets.SystemKeyring()
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	probe := "probe-" + hex.EncodeToString(b)
	if err := kr.Set(secrets.Service, probe, "x"); err != nil {
		if os.Getenv("INTEGRATION_STUDIO_REQUIRE_KEYRING") == "1" {
			t.Fatalf("the real keyring is required but unreachable: %v", err)
		}
		t.Skipf("no OS keyring reachable (%v); run under `make test` for the real one", err)
	}
	_ = kr.Delete(secrets.Service, probe)
	return kr
}

// ErrLocked is what Unavailable's calls fail with.
var ErrLocked = errors.New("the Secret Service is locked")

// Unavailable is a keyring that refuses everything, like a locked or
// absent Secret Service.
type Unavailable struct{}

func (Unavailable) Get(string, string) (string, error) { return "", ErrLocked }
func (Unavailable) Set(string, string, string) error   { return ErrLocked }
func (Unavailable) Delete(string, string) error        { return ErrLocked }
