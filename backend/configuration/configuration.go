// Package configuration keeps an integration's configurations — one per
// client organisation: a name, non-secret values that override the
// integration's auth defaults, and secrets (API key, password, client
// secret, tokens) that live only in the OS keyring — and turns them into
// authenticators for requests to the vendor.
package configuration

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/store"
)

// Configuration is what the UI and CLI see: never a secret value, only
// which secrets are saved.
type Configuration struct {
	ID            string `json:"id"`
	IntegrationID string `json:"integrationId"`
	Name          string `json:"name"`
	// Organization is the client organisation; the org mapping links it
	// to the vendor's organisation.
	Organization string `json:"organization"`
	Values
	// SecretFields lists the secrets saved in the keyring.
	SecretFields []string    `json:"secretFields"`
	Status       auth.Status `json:"status"`
	// OriginChange is set when the integration's hostname or token URL
	// changed since the secrets were entered: they are held back until
	// the user confirms.
	OriginChange *OriginChange `json:"originChange,omitempty"`
	CreatedAt    time.Time     `json:"createdAt"`
	UpdatedAt    time.Time     `json:"updatedAt"`
}

// Values are a configuration's non-secret settings, stored as JSON.
type Values struct {
	Username string `json:"username,omitempty"`
	ClientID string `json:"clientId,omitempty"`
	// RedirectPort fixes the loopback sign-in port for vendors that need
	// an exact registered redirect URI; 0 picks a free port each time.
	RedirectPort int `json:"redirectPort,omitempty"`
	// Overrides replace auth defaults by their dotted key, as the CLI
	// names them: "oauth2.scope", "api_key.header_name", "extra_headers".
	Overrides map[string]any `json:"overrides,omitempty"`
}

// OriginChange names where secrets were entered for and where they would go now.
type OriginChange struct {
	TrustedHostname string `json:"trustedHostname"`
	Hostname        string `json:"hostname"`
	TrustedTokenURL string `json:"trustedTokenUrl,omitempty"`
	TokenURL        string `json:"tokenUrl,omitempty"`
}

// Input creates or edits a configuration. Secrets are write-only: a
// non-empty value replaces the saved one, ClearSecrets removes some.
type Input struct {
	Name         string            `json:"name"`
	Organization string            `json:"organization"`
	Values       Values            `json:"values"`
	Secrets      map[string]string `json:"secrets,omitempty"`
	ClearSecrets []string          `json:"clearSecrets,omitempty"`
}

// Deps are the Service's collaborators.
type Deps struct {
	DB           *store.DB
	Secrets      *secrets.Store
	Integrations *integration.Service
	// Transport carries token and vendor requests; nil is the default.
	Transport http.RoundTripper
	// OpenBrowser opens the consent page (Wails' BrowserOpenURL in the app).
	OpenBrowser func(url string) error
	Now         func() time.Time
}

// Service manages configurations and their live authenticators.
type Service struct {
	deps Deps

	mu       sync.Mutex
	sessions map[string]*cachedSession // by configuration id
	signIns  map[string]*signInState   // by configuration id
}

// New returns a Service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	return &Service{deps: d, sessions: map[string]*cachedSession{}, signIns: map[string]*signInState{}}
}

// Secret field names, per method.
const (
	SecretAPIKey       = "api_key"
	SecretPassword     = "password"
	SecretClientSecret = "client_secret"
	secretAccessToken  = "access_token"
	secretRefreshToken = "refresh_token"
)

// SecretFieldsFor lists the secrets a user enters for a method.
func SecretFieldsFor(m auth.Method) []string {
	switch m {
	case auth.MethodAPIKey:
		return []string{SecretAPIKey}
	case auth.MethodBasic:
		return []string{SecretPassword}
	case auth.MethodOAuth2:
		return []string{SecretClientSecret}
	}
	return nil
}

// SecretFields lists the secrets a configuration of the integration asks for.
func (s *Service) SecretFields(ctx context.Context, integrationID string) ([]string, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return nil, err
	}
	return append([]string{}, SecretFieldsFor(auth.Method(it.AuthMethod))...), nil
}

// IsSecretKey reports whether key names a secret, which the CLI never
// accepts as a flag.
func IsSecretKey(key string) bool {
	switch key {
	case SecretAPIKey, SecretPassword, SecretClientSecret, secretAccessToken, secretRefreshToken:
		return true
	}
	return false
}

type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

const selectColumns = `id, integration_id, name, organization, settings, trusted_hostname, trusted_token_url,
	token_obtained_at, token_expires_at, needs_sign_in, redirect_uri, created_at, updated_at`

// row is a configuration as stored.
type row struct {
	Configuration
	trustedHostname, trustedTokenURL sql.NullString
	obtainedAt, expiresAt            sql.NullString
	needsSignIn                      string
	redirectURI                      string
}

func scanRow(sc interface{ Scan(...any) error }) (row, error) {
	var r row
	var settings, created, updated string
	if err := sc.Scan(&r.ID, &r.IntegrationID, &r.Name, &r.Organization, &settings, &r.trustedHostname, &r.trustedTokenURL,
		&r.obtainedAt, &r.expiresAt, &r.needsSignIn, &r.redirectURI, &created, &updated); err != nil {
		return r, err
	}
	if err := json.Unmarshal([]byte(settings), &r.Values); err != nil {
		return r, fmt.Errorf("configuration %s: settings: %w", r.ID, err)
	}
	var err error
	if r.CreatedAt, err = store.ParseTimestamp(created); err != nil {
		return r, err
	}
	r.UpdatedAt, err = store.ParseTimestamp(updated)
	return r, err
}

func (s *Service) load(ctx context.Context, integrationID, id string) (row, error) {
	r, err := scanRow(s.deps.DB.QueryRowContext(ctx, `SELECT `+selectColumns+` FROM configurations WHERE integration_id = ? AND id = ?`, integrationID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, apperr.Errorf(apperr.NotFound, "No configuration with id %q in this integration.", id)
	}
	return r, err
}

// FindByName resolves a configuration by name (case-insensitive) or id,
// as the CLI's --config takes either.
func (s *Service) FindByName(ctx context.Context, integrationID, nameOrID string) (Configuration, error) {
	var id string
	err := s.deps.DB.QueryRowContext(ctx, `SELECT id FROM configurations WHERE integration_id = ? AND (id = ? OR lower(name) = lower(?))`,
		integrationID, nameOrID, nameOrID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Configuration{}, apperr.Errorf(apperr.NotFound, "This integration has no configuration named %q.", nameOrID)
	}
	if err != nil {
		return Configuration{}, err
	}
	return s.Get(ctx, integrationID, id)
}

// List returns an integration's configurations by name.
func (s *Service) List(ctx context.Context, integrationID string) ([]Configuration, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return nil, err
	}
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT `+selectColumns+` FROM configurations WHERE integration_id = ? ORDER BY lower(name)`, integrationID)
	if err != nil {
		return nil, err
	}
	var list []row
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		list = append(list, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]Configuration, 0, len(list))
	for _, r := range list {
		c, err := s.present(ctx, it, r)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Get returns one configuration.
func (s *Service) Get(ctx context.Context, integrationID, id string) (Configuration, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return Configuration{}, err
	}
	r, err := s.load(ctx, integrationID, id)
	if err != nil {
		return Configuration{}, err
	}
	return s.present(ctx, it, r)
}

// present adds what the UI shows beside the stored row: the saved secret
// names, the status and a pending origin change.
func (s *Service) present(ctx context.Context, it integration.Integration, r row) (Configuration, error) {
	c := r.Configuration
	fields, err := s.deps.Secrets.Fields(ctx, it.ID, r.ID)
	if err != nil {
		return c, err
	}
	c.SecretFields = []string{}
	for _, f := range fields {
		if f != secretAccessToken && f != secretRefreshToken {
			c.SecretFields = append(c.SecretFields, f)
		}
	}
	c.Status = s.storedStatus(it, r, fields)
	if eff, err := Effective(it, r.Values); err == nil {
		c.OriginChange = originChange(it, eff, r)
	}
	return c, nil
}

func (s *Service) validateInput(ctx context.Context, it integration.Integration, in *Input, selfID string) error {
	in.Name = strings.TrimSpace(in.Name)
	in.Organization = strings.TrimSpace(in.Organization)
	in.Values.Username = strings.TrimSpace(in.Values.Username)
	in.Values.ClientID = strings.TrimSpace(in.Values.ClientID)
	switch {
	case in.Name == "":
		return apperr.FieldErrorf("name", "A configuration needs a name, e.g. the client organisation it is for.")
	case len([]rune(in.Name)) > 100:
		return apperr.FieldErrorf("name", "The name is %d characters long; keep it to 100.", len([]rune(in.Name)))
	case len([]rune(in.Organization)) > 200:
		return apperr.FieldErrorf("organization", "The organisation is %d characters long; keep it to 200.", len([]rune(in.Organization)))
	}
	var clash string
	err := s.deps.DB.QueryRowContext(ctx, `SELECT name FROM configurations WHERE integration_id = ? AND lower(name) = lower(?) AND id <> ?`,
		it.ID, in.Name, selfID).Scan(&clash)
	if err == nil {
		return &apperr.Error{Code: apperr.Conflict, Field: "name", Message: fmt.Sprintf("This integration already has a configuration named %q.", clash)}
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if _, err := checkValues(it, in.Values); err != nil {
		return err
	}
	allowed := SecretFieldsFor(auth.Method(it.AuthMethod))
	for field, value := range in.Secrets {
		if !contains(allowed, field) {
			return apperr.FieldErrorf("secrets."+field, "%s is not a secret of %s; this integration's secrets are: %s.", field, methodLabel(it.AuthMethod), listOr(allowed))
		}
		if strings.ContainsAny(value, "\r\n") {
			return apperr.FieldErrorf("secrets."+field, "The %s must be on one line.", field)
		}
	}
	for _, field := range in.ClearSecrets {
		if !contains(allowed, field) {
			return apperr.FieldErrorf("clearSecrets", "%s is not a secret of %s.", field, methodLabel(it.AuthMethod))
		}
	}
	return nil
}

// Create adds a configuration and stores its secrets. If the keyring
// refuses a secret, nothing is kept: neither the configuration nor any
// secret written before.
func (s *Service) Create(ctx context.Context, integrationID string, in Input) (Configuration, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return Configuration{}, err
	}
	if err := s.validateInput(ctx, it, &in, ""); err != nil {
		return Configuration{}, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Configuration{}, err
	}
	settings, err := json.Marshal(in.Values)
	if err != nil {
		return Configuration{}, err
	}
	ts := store.Timestamp(s.deps.Now())
	_, err = s.deps.DB.ExecContext(ctx, `INSERT INTO configurations (id, integration_id, name, organization, settings, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id.String(), it.ID, in.Name, in.Organization, string(settings), ts, ts)
	if err != nil {
		return Configuration{}, fmt.Errorf("configuration: create: %w", err)
	}
	if err := s.writeSecrets(ctx, it, id.String(), in); err != nil {
		_ = s.deps.Secrets.DeleteConfiguration(ctx, it.ID, id.String())
		_, _ = s.deps.DB.ExecContext(ctx, `DELETE FROM configurations WHERE id = ?`, id.String())
		return Configuration{}, err
	}
	return s.Get(ctx, it.ID, id.String())
}

// Update edits a configuration. Secrets left empty keep their saved value.
func (s *Service) Update(ctx context.Context, integrationID, id string, in Input) (Configuration, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return Configuration{}, err
	}
	old, err := s.load(ctx, integrationID, id)
	if err != nil {
		return Configuration{}, err
	}
	if err := s.validateInput(ctx, it, &in, id); err != nil {
		return Configuration{}, err
	}
	// Tokens belong to the client and endpoints they were issued for.
	if auth.Method(it.AuthMethod) == auth.MethodOAuth2 && (old.ClientID != in.Values.ClientID || !sameOverrides(old.Overrides, in.Values.Overrides)) {
		if _, err := s.Logout(ctx, integrationID, id); err != nil {
			return Configuration{}, err
		}
	}
	// Secrets first: if the keyring is unreachable the edit is refused
	// whole rather than half saved.
	if err := s.writeSecrets(ctx, it, id, in); err != nil {
		return Configuration{}, err
	}
	settings, err := json.Marshal(in.Values)
	if err != nil {
		return Configuration{}, err
	}
	_, err = s.deps.DB.ExecContext(ctx, `UPDATE configurations SET name = ?, organization = ?, settings = ?, updated_at = ? WHERE id = ?`,
		in.Name, in.Organization, string(settings), store.Timestamp(s.deps.Now()), id)
	if err != nil {
		return Configuration{}, fmt.Errorf("configuration: update: %w", err)
	}
	s.forget(id)
	return s.Get(ctx, it.ID, id)
}

// writeSecrets stores the non-empty secrets and removes the cleared ones.
// Entering a secret also trusts the integration's current host with it.
func (s *Service) writeSecrets(ctx context.Context, it integration.Integration, id string, in Input) error {
	wrote := false
	for _, field := range SecretFieldsFor(auth.Method(it.AuthMethod)) {
		if v := in.Secrets[field]; v != "" {
			if err := s.deps.Secrets.Put(ctx, secrets.Ref{IntegrationID: it.ID, ConfigurationID: id, Field: field}, v); err != nil {
				return err
			}
			wrote = true
		}
	}
	for _, field := range in.ClearSecrets {
		if err := s.deps.Secrets.Delete(ctx, secrets.Ref{IntegrationID: it.ID, ConfigurationID: id, Field: field}); err != nil {
			return err
		}
	}
	if wrote {
		return s.trustCurrentOrigin(ctx, it, id, in.Values)
	}
	return nil
}

// Delete removes a configuration and its keyring entries.
func (s *Service) Delete(ctx context.Context, integrationID, id string) error {
	if _, err := s.load(ctx, integrationID, id); err != nil {
		return err
	}
	s.cancelSignIn(id)
	if err := s.deps.Secrets.DeleteConfiguration(ctx, integrationID, id); err != nil {
		return err
	}
	if _, err := s.deps.DB.ExecContext(ctx, `DELETE FROM configurations WHERE id = ?`, id); err != nil {
		return fmt.Errorf("configuration: delete: %w", err)
	}
	s.forget(id)
	return nil
}

// DeleteIntegration removes an integration with every configuration's
// keyring entries.
func (s *Service) DeleteIntegration(ctx context.Context, integrationID string) error {
	if _, err := s.deps.Integrations.Get(ctx, integrationID); err != nil {
		return err
	}
	ids, err := store.Strings(ctx, s.deps.DB, `SELECT id FROM configurations WHERE integration_id = ?`, integrationID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		s.cancelSignIn(id)
		s.forget(id)
	}
	if err := s.deps.Secrets.DeleteIntegration(ctx, integrationID); err != nil {
		return err
	}
	return s.deps.Integrations.Delete(ctx, integrationID)
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func listOr(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}

func methodLabel(m integration.AuthMethod) string {
	switch auth.Method(m) {
	case auth.MethodAPIKey:
		return "API Key authentication"
	case auth.MethodBasic:
		return "Basic authentication"
	case auth.MethodOAuth2:
		return "OAuth 2.0"
	}
	return "No Auth"
}

func sameOverrides(a, b map[string]any) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}
