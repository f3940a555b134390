package webhook_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"integrationstudio/backend/secrets"
	"integrationstudio/backend/store"
	"integrationstudio/backend/webhook"
)

// verify is what a receiver writes (docs/webhooks.md): recompute the
// HMAC over "id.timestamp.body", compare in constant time, and refuse
// timestamps more than 5 minutes off.
func verify(signingKey string, h http.Header, body []byte, now time.Time) error {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(signingKey, "whsec_"))
	if err != nil {
		return err
	}
	id, ts := h.Get("webhook-id"), h.Get("webhook-timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("bad timestamp")
	}
	if d := now.Sub(time.Unix(sec, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return fmt.Errorf("timestamp outside the 5-minute tolerance")
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + ts + "."))
	mac.Write(body)
	want := "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil))
	for _, sig := range strings.Fields(h.Get("webhook-signature")) { // several when keys rotate
		if hmac.Equal([]byte(sig), []byte(want)) {
			return nil
		}
	}
	return fmt.Errorf("no matching signature")
}

// memKeyring is enough for an example; the app uses the OS keyring.
type memKeyring map[string]string

func (m memKeyring) Get(_, user string) (string, error) {
	if v, ok := m[user]; ok {
		return v, nil
	}
	return "", secrets.ErrNotFound
}
func (m memKeyring) Set(_, user, value string) error { m[user] = value; return nil }
func (m memKeyring) Delete(_, user string) error     { delete(m, user); return nil }

// A receiver checks each delivery before trusting it.
func Example_receiver() {
	var signingKey string
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if err := verify(signingKey, r.Header, body, time.Now()); err != nil {
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		fmt.Println("verified", r.Header.Get("webhook-id") != "")
	}))
	defer receiver.Close()

	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	db, _ := store.Open(context.Background(), filepath.Join(dir, "studio.db"), store.Options{})
	defer db.Close()
	hooks := webhook.New(webhook.Deps{DB: db, Secrets: secrets.New(db, memKeyring{})})
	created, _ := hooks.Create(context.Background(), webhook.Input{URL: receiver.URL, Events: []string{webhook.EventPing}, GenerateKey: true})
	signingKey = created.SigningKey
	attempt, _ := hooks.Test(context.Background(), created.ID)
	fmt.Println(attempt.Status)
	// Output:
	// verified true
	// 200
}
