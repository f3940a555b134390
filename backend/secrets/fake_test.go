package secrets_test

import (
	"errors"
	"sync"

	"integrationstudio/backend/secrets"
)

// fakeKeyring is an in-memory keyring whose calls can be made to fail, to
// simulate a locked or absent Secret Service or a crash between steps.
type fakeKeyring struct {
	mu        sync.Mutex
	entries   map[string]string
	failSet   error
	failGet   error
	failDel   error
	setCalled int
}

func newFakeKeyring() *fakeKeyring { return &fakeKeyring{entries: map[string]string{}} }

func (f *fakeKeyring) Get(service, user string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failGet != nil {
		return "", f.failGet
	}
	v, ok := f.entries[service+"|"+user]
	if !ok {
		return "", secrets.ErrNotFound
	}
	return v, nil
}

func (f *fakeKeyring) Set(service, user, value string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.setCalled++
	if f.failSet != nil {
		return f.failSet
	}
	f.entries[service+"|"+user] = value
	return nil
}

func (f *fakeKeyring) Delete(service, user string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.failDel != nil {
		return f.failDel
	}
	if _, ok := f.entries[service+"|"+user]; !ok {
		return secrets.ErrNotFound
	}
	delete(f.entries, service+"|"+user)
	return nil
}

func (f *fakeKeyring) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.entries)
}

var errNoSecretService = errors.New("The name org.freedesktop.secrets was not provided by any .service files")
