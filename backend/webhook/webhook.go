// Package webhook pushes events to receivers the user registers, signed
// per the Standard Webhooks scheme, through an outbox in SQLite with
// retries, and keeps a delivery log.
package webhook

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/store"
	"integrationstudio/backend/version"
)

// Events a webhook can receive.
const (
	EventPlaybookRunCompleted = "playbook.run.completed"
	EventPlaybookRecord       = "playbook.record"
	EventActionRunFailed      = "action.run.failed"
	EventPing                 = "ping"
)

// Events lists them, in UI order.
func Events() []string {
	return []string{EventPlaybookRunCompleted, EventPlaybookRecord, EventActionRunFailed, EventPing}
}

// Delivery policy.
const (
	MaxAttempts    = 5
	attemptTimeout = 20 * time.Second
	firstBackoff   = 30 * time.Second
	maxRetryAfter  = time.Hour
	excerptBytes   = 2 << 10
)

// Webhook is a receiver.
type Webhook struct {
	ID     string   `json:"id"`
	URL    string   `json:"url"`
	Events []string `json:"events"`
	// Signed: a signing key is kept in the keyring for it.
	Signed         bool      `json:"signed"`
	DisabledReason string    `json:"disabledReason,omitempty"`
	CreatedAt      time.Time `json:"createdAt"`
}

// Input registers a webhook. SigningKey is pasted (whsec_…); with
// GenerateKey a new one is made and returned once.
type Input struct {
	URL         string   `json:"url"`
	Events      []string `json:"events"`
	SigningKey  string   `json:"signingKey,omitempty"`
	GenerateKey bool     `json:"generateKey"`
}

// Created is a new webhook with a generated key, shown once.
type Created struct {
	Webhook
	SigningKey string `json:"signingKey,omitempty"`
}

// Deps are the Service's collaborators.
type Deps struct {
	DB      *store.DB
	Secrets *secrets.Store
	// Transport carries deliveries; nil is the default.
	Transport http.RoundTripper
	Now       func() time.Time
	// Jitter returns a factor in [0.5, 1.5) for backoff; nil is random.
	Jitter func() float64
}

// Service manages webhooks and delivers their events.
type Service struct{ deps Deps }

// New returns a Service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Jitter == nil {
		d.Jitter = func() float64 { return 0.5 + rand.Float64() }
	}
	return &Service{deps: d}
}

func keyRef(id string) secrets.Ref {
	return secrets.Ref{IntegrationID: "webhooks", ConfigurationID: id, Field: "signing_key"}
}

// ValidateURL accepts https, or http to a loopback host for local testing.
func ValidateURL(raw string) error {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return apperr.FieldErrorf("url", "Enter the receiver's full address, starting with https://.")
	}
	if u.User != nil {
		return apperr.FieldErrorf("url", "The address must not contain a user name or password; sign the webhook instead.")
	}
	if u.Scheme == "http" && !auth.IsLoopback(u.Hostname()) {
		return apperr.FieldErrorf("url", "Webhooks go over https, so events cannot be read or changed on the way; http is allowed only for localhost, 127.0.0.1 and [::1] (local testing).")
	}
	return nil
}

// Create registers a webhook; its key goes to the keyring.
func (s *Service) Create(ctx context.Context, in Input) (Created, error) {
	if err := ValidateURL(in.URL); err != nil {
		return Created{}, err
	}
	events, err := checkEvents(in.Events)
	if err != nil {
		return Created{}, err
	}
	key := strings.TrimSpace(in.SigningKey)
	if in.GenerateKey {
		if key != "" {
			return Created{}, apperr.FieldErrorf("signingKey", "Paste a key or generate one, not both.")
		}
		if key, err = GenerateKey(); err != nil {
			return Created{}, err
		}
	}
	if key != "" {
		if _, err := parseKey(key); err != nil {
			return Created{}, err
		}
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Created{}, err
	}
	ev, _ := json.Marshal(events)
	ts := store.Timestamp(s.deps.Now())
	if _, err := s.deps.DB.ExecContext(ctx, `INSERT INTO webhooks (id, url, events, signed, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		id.String(), strings.TrimSpace(in.URL), string(ev), key != "", ts, ts); err != nil {
		return Created{}, err
	}
	if key != "" {
		if err := s.deps.Secrets.Put(ctx, keyRef(id.String()), key); err != nil {
			_, _ = s.deps.DB.ExecContext(ctx, `DELETE FROM webhooks WHERE id = ?`, id.String())
			return Created{}, err
		}
	}
	w, err := s.Get(ctx, id.String())
	out := Created{Webhook: w}
	if in.GenerateKey {
		out.SigningKey = key
	}
	return out, err
}

func checkEvents(in []string) ([]string, error) {
	if len(in) == 0 {
		return nil, apperr.FieldErrorf("events", "Pick at least one event: %s.", strings.Join(Events(), ", "))
	}
	known := map[string]bool{}
	for _, e := range Events() {
		known[e] = true
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range in {
		if !known[e] {
			return nil, apperr.FieldErrorf("events", "%q is not an event; the events are %s.", e, strings.Join(Events(), ", "))
		}
		if !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out, nil
}

// Get returns one webhook.
func (s *Service) Get(ctx context.Context, id string) (Webhook, error) {
	w, err := scanWebhook(s.deps.DB.QueryRowContext(ctx, `SELECT id, url, events, signed, disabled_reason, created_at FROM webhooks WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return Webhook{}, apperr.Errorf(apperr.NotFound, "No webhook with id %q.", id)
	}
	return w, err
}

// List returns the webhooks, oldest first.
func (s *Service) List(ctx context.Context) ([]Webhook, error) {
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT id, url, events, signed, disabled_reason, created_at FROM webhooks ORDER BY created_at, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Webhook{}
	for rows.Next() {
		w, err := scanWebhook(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}

func scanWebhook(row interface{ Scan(...any) error }) (Webhook, error) {
	var w Webhook
	var events, created string
	if err := row.Scan(&w.ID, &w.URL, &events, &w.Signed, &w.DisabledReason, &created); err != nil {
		return Webhook{}, err
	}
	if err := json.Unmarshal([]byte(events), &w.Events); err != nil {
		return Webhook{}, err
	}
	var err error
	w.CreatedAt, err = store.ParseTimestamp(created)
	return w, err
}

// Delete removes a webhook, its deliveries and its key.
func (s *Service) Delete(ctx context.Context, id string) error {
	if _, err := s.Get(ctx, id); err != nil {
		return err
	}
	if err := s.deps.Secrets.Delete(ctx, keyRef(id)); err != nil {
		return err
	}
	_, err := s.deps.DB.ExecContext(ctx, `DELETE FROM webhooks WHERE id = ?`, id)
	return err
}

// Enqueue records an event for every enabled webhook that takes it, in
// the caller's transaction (the one that records the event itself).
func (s *Service) Enqueue(ctx context.Context, tx *sql.Tx, event string, payload any) error {
	body, err := json.Marshal(map[string]any{"type": event, "timestamp": s.deps.Now().UTC().Format(time.RFC3339), "data": payload})
	if err != nil {
		return err
	}
	ids, err := store.Strings(ctx, tx, `SELECT id FROM webhooks WHERE disabled_reason = '' AND EXISTS (SELECT 1 FROM json_each(webhooks.events) WHERE json_each.value = ?)`, event)
	if err != nil {
		return err
	}
	ts := store.Timestamp(s.deps.Now())
	for _, wid := range ids {
		did, err := uuid.NewV7()
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO webhook_deliveries (id, webhook_id, event, message_id, payload, status, next_attempt_at, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?)`, did.String(), wid, event, "msg_"+did.String(), string(body), ts, ts, ts); err != nil {
			return err
		}
	}
	return nil
}

// Attempt is one send's outcome.
type Attempt struct {
	Status     int           `json:"status"`
	LatencyMs  int64         `json:"latencyMs"`
	Excerpt    string        `json:"excerpt"`
	Error      string        `json:"error,omitempty"`
	RetryAfter time.Duration `json:"-"`
}

// send posts body to w, signed when w has a key.
func (s *Service) send(ctx context.Context, w Webhook, messageID string, body []byte) Attempt {
	var key []byte
	if w.Signed {
		v, err := s.deps.Secrets.Get(ctx, keyRef(w.ID))
		if err != nil {
			return Attempt{Error: "The signing key could not be read: " + apperr.Public(err).Message}
		}
		if key, err = parseKey(v); err != nil {
			return Attempt{Error: "The stored signing key is damaged; set a new one."}
		}
	}
	ctx, cancel := context.WithTimeout(ctx, attemptTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.URL, strings.NewReader(string(body)))
	if err != nil {
		return Attempt{Error: "The webhook address is not valid."}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", version.UserAgent())
	sign(req.Header, messageID, s.deps.Now(), body, key)
	client := &http.Client{Transport: s.deps.Transport,
		// 3xx is a failure and is not followed: a redirect could carry the
		// event to another host.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	start := time.Now()
	resp, err := client.Do(req)
	a := Attempt{LatencyMs: time.Since(start).Milliseconds()}
	if err != nil {
		a.Error = plainError(err)
		return a
	}
	defer resp.Body.Close()
	ex, _ := io.ReadAll(io.LimitReader(resp.Body, excerptBytes))
	a.Status, a.Excerpt = resp.StatusCode, string(ex)
	if ra := resp.Header.Get("Retry-After"); ra != "" {
		if secs, err := strconv.Atoi(ra); err == nil && secs > 0 {
			a.RetryAfter = time.Duration(secs) * time.Second
		} else if t, err := http.ParseTime(ra); err == nil {
			a.RetryAfter = t.Sub(s.deps.Now())
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		a.Error = fmt.Sprintf("The receiver answered %d %s.", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return a
}

// plainError says what went wrong without the URL url.Error repeats.
func plainError(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return "The receiver did not answer within " + attemptTimeout.String() + "."
		}
		return "The receiver could not be reached: " + ue.Err.Error()
	}
	return err.Error()
}

// Test sends a signed ping now, outside the outbox.
func (s *Service) Test(ctx context.Context, id string) (Attempt, error) {
	w, err := s.Get(ctx, id)
	if err != nil {
		return Attempt{}, err
	}
	did, err := uuid.NewV7()
	if err != nil {
		return Attempt{}, err
	}
	body, _ := json.Marshal(map[string]any{"type": EventPing, "timestamp": s.deps.Now().UTC().Format(time.RFC3339), "data": map[string]string{"webhookId": w.ID}})
	return s.send(ctx, w, "msg_"+did.String(), body), nil
}

// DeliverDue sends every pending delivery whose time has come and returns
// how many it attempted. Only 2xx succeeds; 410 disables the webhook;
// others retry with exponential backoff and jitter (Retry-After honoured)
// until MaxAttempts, then fail.
func (s *Service) DeliverDue(ctx context.Context) (int, error) {
	now := store.Timestamp(s.deps.Now())
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT d.id, d.webhook_id, d.message_id, d.payload, d.attempts FROM webhook_deliveries d
		JOIN webhooks w ON w.id = d.webhook_id
		WHERE d.status = 'pending' AND d.next_attempt_at <= ? AND w.disabled_reason = '' ORDER BY d.next_attempt_at, d.id LIMIT 100`, now)
	if err != nil {
		return 0, err
	}
	type due struct {
		id, webhookID, messageID, payload string
		attempts                          int
	}
	var list []due
	for rows.Next() {
		var d due
		if err := rows.Scan(&d.id, &d.webhookID, &d.messageID, &d.payload, &d.attempts); err != nil {
			rows.Close()
			return 0, err
		}
		list = append(list, d)
	}
	rows.Close()
	for _, d := range list {
		w, err := s.Get(ctx, d.webhookID)
		if err != nil {
			continue
		}
		a := s.send(ctx, w, d.messageID, []byte(d.payload))
		attempts := d.attempts + 1
		status, next := "pending", ""
		switch {
		case a.Error == "":
			status = "delivered"
		case a.Status == http.StatusGone:
			status = "failed"
			_, _ = s.deps.DB.ExecContext(ctx, `UPDATE webhooks SET disabled_reason = ?, updated_at = ? WHERE id = ?`,
				"The receiver answered 410 Gone: it no longer wants these events.", now, w.ID)
		case attempts >= MaxAttempts:
			status = "failed"
		default:
			wait := time.Duration(float64(firstBackoff) * float64(int(1)<<(attempts-1)) * s.deps.Jitter())
			if a.RetryAfter > 0 {
				wait = min(a.RetryAfter, maxRetryAfter)
			}
			next = store.Timestamp(s.deps.Now().Add(wait))
		}
		var nextArg any
		if next != "" {
			nextArg = next
		}
		if _, err := s.deps.DB.ExecContext(ctx, `UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?, last_latency_ms = ?, updated_at = ? WHERE id = ?`,
			status, attempts, nextArg, a.Status, a.Error, a.LatencyMs, store.Timestamp(s.deps.Now()), d.id); err != nil {
			return 0, err
		}
	}
	return len(list), nil
}

// RunWorker delivers due events every interval until ctx ends; pending
// deliveries left by a crash or quit are picked up on the first tick.
func (s *Service) RunWorker(ctx context.Context, interval time.Duration, report func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		if _, err := s.DeliverDue(ctx); err != nil && report != nil && ctx.Err() == nil {
			report(err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// Delivery is one row of the delivery log.
type Delivery struct {
	ID            string     `json:"id"`
	Event         string     `json:"event"`
	MessageID     string     `json:"messageId"`
	Status        string     `json:"status"`
	Attempts      int        `json:"attempts"`
	LastStatus    int        `json:"lastStatus"`
	LastError     string     `json:"lastError,omitempty"`
	LastLatencyMs int64      `json:"lastLatencyMs"`
	NextAttemptAt *time.Time `json:"nextAttemptAt,omitempty"`
	CreatedAt     time.Time  `json:"createdAt"`
}

// Deliveries is a webhook's delivery log, newest first.
func (s *Service) Deliveries(ctx context.Context, id string) ([]Delivery, error) {
	if _, err := s.Get(ctx, id); err != nil {
		return nil, err
	}
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT id, event, message_id, status, attempts, last_status, last_error, last_latency_ms, next_attempt_at, created_at
		FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id DESC LIMIT 500`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Delivery{}
	for rows.Next() {
		var d Delivery
		var next sql.NullString
		var created string
		if err := rows.Scan(&d.ID, &d.Event, &d.MessageID, &d.Status, &d.Attempts, &d.LastStatus, &d.LastError, &d.LastLatencyMs, &next, &created); err != nil {
			return nil, err
		}
		if next.Valid {
			if t, err := store.ParseTimestamp(next.String); err == nil && d.Status == "pending" {
				d.NextAttemptAt = &t
			}
		}
		d.CreatedAt, _ = store.ParseTimestamp(created)
		out = append(out, d)
	}
	return out, rows.Err()
}

// Redeliver queues a delivery again now, with the same message id.
func (s *Service) Redeliver(ctx context.Context, deliveryID string) error {
	res, err := s.deps.DB.ExecContext(ctx, `UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ? WHERE id = ?`,
		store.Timestamp(s.deps.Now()), store.Timestamp(s.deps.Now()), deliveryID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return apperr.Errorf(apperr.NotFound, "No delivery with id %q.", deliveryID)
	}
	return nil
}
