package secrets

import (
	"errors"
	"time"

	"github.com/zalando/go-keyring"
)

// Service is the keyring service name every entry is filed under.
const Service = "integration-studio"

// ErrNotFound is what a Keyring returns for a missing entry.
var ErrNotFound = keyring.ErrNotFound

// Keyring is the OS secret store. SystemKeyring is the real one; tests of
// other packages may pass go-keyring's mock (keyring.MockInit).
type Keyring interface {
	Get(service, user string) (string, error)
	Set(service, user, value string) error
	Delete(service, user string) error
}

// keyringTimeout bounds one keyring call. A locked Secret Service may pop
// up an unlock prompt nobody answers (headless, CI); the app must not hang.
const keyringTimeout = 15 * time.Second

// SystemKeyring is the OS keyring via go-keyring (Secret Service on Linux,
// Keychain on macOS, Credential Manager on Windows), with a time limit.
func SystemKeyring() Keyring { return timedKeyring{timeout: keyringTimeout} }

type timedKeyring struct{ timeout time.Duration }

var errTimeout = errors.New("the keyring did not answer in time (it may be locked and waiting for an unlock prompt)")

func (k timedKeyring) do(fn func() (string, error)) (string, error) {
	type result struct {
		v   string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := fn()
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(k.timeout):
		return "", errTimeout
	}
}

func (k timedKeyring) Get(service, user string) (string, error) {
	return k.do(func() (string, error) { return keyring.Get(service, user) })
}

func (k timedKeyring) Set(service, user, value string) error {
	_, err := k.do(func() (string, error) { return "", keyring.Set(service, user, value) })
	return err
}

func (k timedKeyring) Delete(service, user string) error {
	_, err := k.do(func() (string, error) { return "", keyring.Delete(service, user) })
	return err
}
