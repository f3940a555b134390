package webhook_test

import (
	"context"
	"database/sql"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	standardwebhooks "github.com/standard-webhooks/standard-webhooks/libraries/go"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/secrets/secretstest"
	"integrationstudio/backend/store"
	"integrationstudio/backend/webhook"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type env struct {
	svc   *webhook.Service
	db    *store.DB
	path  string
	clock *clock
	kr    secrets.Keyring
}

func open(t *testing.T, path string, kr secrets.Keyring, c *clock) *env {
	t.Helper()
	db, err := store.Open(context.Background(), path, store.Options{Now: c.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return &env{svc: webhook.New(webhook.Deps{DB: db, Secrets: secrets.New(db, kr), Now: c.Now, Jitter: func() float64 { return 1 }}),
		db: db, path: path, clock: c, kr: kr}
}

func newEnv(t *testing.T) *env {
	return open(t, filepath.Join(t.TempDir(), "studio.db"), secretstest.RealKeyring(t), &clock{t: time.Now().UTC().Truncate(time.Second)})
}

// receiver records what it got and answers with the next status.
type receiver struct {
	mu       sync.Mutex
	statuses []int
	got      []*http.Request
	bodies   [][]byte
	srv      *httptest.Server
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	r := &receiver{statuses: statuses}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		body, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		r.got = append(r.got, req)
		r.bodies = append(r.bodies, body)
		status := 200
		if len(r.statuses) > 0 {
			status, r.statuses = r.statuses[0], r.statuses[1:]
		}
		r.mu.Unlock()
		if status == http.StatusFound {
			w.Header().Set("Location", "http://127.0.0.1:1/elsewhere")
		}
		w.WriteHeader(status)
		io.WriteString(w, "ok")
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (e *env) enqueue(t *testing.T, event string) {
	t.Helper()
	err := e.db.Tx(context.Background(), func(tx *sql.Tx) error {
		return e.svc.Enqueue(context.Background(), tx, event, map[string]any{"playbook": "Nightly sync", "records": 3})
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSignedPingVerifiesIndependently(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := newReceiver(t)
	c, err := e.svc.Create(ctx, webhook.Input{URL: r.srv.URL + "/hook", Events: []string{webhook.EventPing}, GenerateKey: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, c.ID)
	if !strings.HasPrefix(c.SigningKey, "whsec_") || len(c.SigningKey) < len("whsec_")+32 {
		t.Fatalf("key %q", c.SigningKey)
	}
	a, err := e.svc.Test(ctx, c.ID)
	if err != nil || a.Status != 200 || a.Error != "" {
		t.Fatalf("test: %+v %v", a, err)
	}
	// The Standard Webhooks reference library is the independent verifier.
	wh, err := standardwebhooks.NewWebhook(c.SigningKey)
	if err != nil {
		t.Fatal(err)
	}
	if err := wh.Verify(r.bodies[0], r.got[0].Header); err != nil {
		t.Errorf("signature rejected by the reference verifier: %v", err)
	}
	tampered := append([]byte{}, r.bodies[0]...)
	tampered[len(tampered)-2] ^= 1
	if wh.Verify(tampered, r.got[0].Header) == nil {
		t.Error("a tampered body verified")
	}
}

func TestUnsignedWebhookSendsNoSignature(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := newReceiver(t)
	c, err := e.svc.Create(ctx, webhook.Input{URL: r.srv.URL, Events: []string{webhook.EventPing}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Test(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	h := r.got[0].Header
	if h.Get("webhook-id") == "" || h.Get("webhook-timestamp") == "" || h.Get("webhook-signature") != "" {
		t.Errorf("headers %v", h)
	}
}

func TestRetriesUntilDeliveredOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := newReceiver(t, 500, 503, 200)
	c, err := e.svc.Create(ctx, webhook.Input{URL: r.srv.URL, Events: []string{webhook.EventPlaybookRunCompleted}, GenerateKey: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.svc.Delete(ctx, c.ID)
	e.enqueue(t, webhook.EventPlaybookRunCompleted)
	e.enqueue(t, webhook.EventPlaybookRecord) // not subscribed: no delivery
	for i := 0; i < 6; i++ {
		if _, err := e.svc.DeliverDue(ctx); err != nil {
			t.Fatal(err)
		}
		e.clock.Add(10 * time.Minute)
	}
	if len(r.got) != 3 {
		t.Fatalf("%d attempts, want 3 (two failures, one success)", len(r.got))
	}
	id := r.got[0].Header.Get("webhook-id")
	for _, req := range r.got {
		if req.Header.Get("webhook-id") != id {
			t.Error("webhook-id changed between attempts")
		}
	}
	if r.got[0].Header.Get("webhook-signature") == r.got[2].Header.Get("webhook-signature") {
		t.Error("the signature was not made fresh for the retry")
	}
	log, _ := e.svc.Deliveries(ctx, c.ID)
	if len(log) != 1 || log[0].Status != "delivered" || log[0].Attempts != 3 {
		t.Errorf("log %+v", log)
	}
}

func TestGoneDisablesRedirectFailsAndGivesUp(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	gone := newReceiver(t, 410)
	moved := newReceiver(t, 302, 302, 302, 302, 302)
	g, _ := e.svc.Create(ctx, webhook.Input{URL: gone.srv.URL, Events: []string{webhook.EventPing}})
	m, _ := e.svc.Create(ctx, webhook.Input{URL: moved.srv.URL, Events: []string{webhook.EventPing}})
	e.enqueue(t, webhook.EventPing)
	for i := 0; i < 8; i++ {
		e.svc.DeliverDue(ctx)
		e.clock.Add(2 * time.Hour)
	}
	if w, _ := e.svc.Get(ctx, g.ID); !strings.Contains(w.DisabledReason, "410") {
		t.Errorf("410 did not disable: %+v", w)
	}
	if len(moved.got) != webhook.MaxAttempts {
		t.Errorf("%d attempts on a redirecting receiver, want %d", len(moved.got), webhook.MaxAttempts)
	}
	log, _ := e.svc.Deliveries(ctx, m.ID)
	if log[0].Status != "failed" || log[0].LastStatus != 302 {
		t.Errorf("redirect log %+v", log[0])
	}
	if err := e.svc.Redeliver(ctx, log[0].ID); err != nil {
		t.Fatal(err)
	}
	if log, _ = e.svc.Deliveries(ctx, m.ID); log[0].Status != "pending" {
		t.Errorf("redeliver: %+v", log[0])
	}
}

func TestPendingDeliveriesSurviveARestart(t *testing.T) {
	ctx := context.Background()
	c := &clock{t: time.Now().UTC().Truncate(time.Second)}
	path := filepath.Join(t.TempDir(), "studio.db")
	kr := secretstest.RealKeyring(t)
	r := newReceiver(t)
	first := open(t, path, kr, c)
	w, err := first.svc.Create(ctx, webhook.Input{URL: r.srv.URL, Events: []string{webhook.EventPlaybookRecord}})
	if err != nil {
		t.Fatal(err)
	}
	first.enqueue(t, webhook.EventPlaybookRecord)
	first.db.Close() // the app quits with the delivery pending
	second := open(t, path, kr, c)
	if n, err := second.svc.DeliverDue(ctx); err != nil || n != 1 || len(r.got) != 1 {
		t.Fatalf("after restart: %d attempted, %d received, %v", n, len(r.got), err)
	}
	log, _ := second.svc.Deliveries(ctx, w.ID)
	if log[0].Status != "delivered" {
		t.Errorf("log %+v", log)
	}
}

func TestInputChecks(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	cases := []struct {
		in    webhook.Input
		field string
	}{
		{webhook.Input{URL: "http://hooks.example.com/x", Events: []string{"ping"}}, "url"},
		{webhook.Input{URL: "ftp://x", Events: []string{"ping"}}, "url"},
		{webhook.Input{URL: "https://u:p@hooks.example.com", Events: []string{"ping"}}, "url"},
		{webhook.Input{URL: "https://hooks.example.com"}, "events"},
		{webhook.Input{URL: "https://hooks.example.com", Events: []string{"everything"}}, "events"},
		{webhook.Input{URL: "https://hooks.example.com", Events: []string{"ping"}, SigningKey: "whsec_c2hvcnQ="}, "signingKey"},
		{webhook.Input{URL: "https://hooks.example.com", Events: []string{"ping"}, SigningKey: "whsec_" + strings.Repeat("A", 44), GenerateKey: true}, "signingKey"},
	}
	for _, c := range cases {
		_, err := e.svc.Create(ctx, c.in)
		if apperr.Public(err).Field != c.field {
			t.Errorf("%+v: %v, want field %s", c.in, err, c.field)
		}
	}
}
