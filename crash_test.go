package main

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"integrationstudio/backend/store"
	"integrationstudio/backend/webhook"
)

// A webhook delivery in flight when the app is killed (SIGKILL) is not
// lost: the next start delivers it, and every event exactly once more.
func TestKilledWithDeliveriesPendingDeliversAfterRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the app as a child process")
	}
	ctx := context.Background()
	dir := t.TempDir()

	var mu sync.Mutex
	hang := true
	got := map[string]int{} // webhook-id → deliveries answered 200
	arrived := make(chan struct{}, 16)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		arrived <- struct{}{}
		mu.Lock()
		h := hang
		mu.Unlock()
		if h {
			// The app dies mid-request. Reading the body first lets the
			// server notice the closed connection.
			io.Copy(io.Discard, r.Body)
			select {
			case <-r.Context().Done():
			case <-time.After(90 * time.Second):
			}
			return
		}
		mu.Lock()
		got[r.Header.Get("webhook-id")]++
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer receiver.Close()

	svc, err := openServices(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.webhooks.Create(ctx, webhook.Input{URL: receiver.URL, Events: []string{webhook.EventPlaybookRecord}}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := svc.db.Tx(ctx, func(tx *sql.Tx) error {
			return svc.webhooks.Enqueue(ctx, tx, webhook.EventPlaybookRecord, map[string]int{"n": i})
		}); err != nil {
			t.Fatal(err)
		}
	}
	svc.Close()

	start := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$", "--", "--data-dir", dir, "serve-api", "--port", "0")
		cmd.Env = append(os.Environ(), runMainEnv+"=1")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		return cmd
	}
	first := start()
	select {
	case <-arrived:
	case <-time.After(60 * time.Second):
		first.Process.Kill()
		t.Fatal("the first delivery never arrived")
	}
	if err := first.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	first.Wait()

	mu.Lock()
	hang = false
	mu.Unlock()
	second := start()
	defer func() {
		second.Process.Signal(syscall.SIGKILL)
		second.Wait()
	}()
	deadline := time.Now().Add(60 * time.Second)
	for {
		mu.Lock()
		n := len(got)
		mu.Unlock()
		if n == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the restart %d of 3 events were delivered", n)
		}
		time.Sleep(100 * time.Millisecond)
	}
	second.Process.Signal(syscall.SIGKILL)
	second.Wait()
	mu.Lock()
	for id, n := range got {
		if n != 1 {
			t.Errorf("event %s delivered %d times after the restart", id, n)
		}
	}
	mu.Unlock()

	db, err := store.Open(ctx, dir+"/studio.db", store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var check string
	db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check)
	var delivered int
	db.QueryRowContext(ctx, `SELECT count(*) FROM webhook_deliveries WHERE status = 'delivered'`).Scan(&delivered)
	if check != "ok" || delivered != 3 {
		t.Errorf("integrity %q, %d of 3 delivered", check, delivered)
	}
}
