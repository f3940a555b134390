package configuration

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/store"
)

// tokenTimeout bounds one token request.
const tokenTimeout = 30 * time.Second

// cachedSession is a live OAuth 2.0 session; version changes whenever the
// configuration or its integration is edited, so a stale one is rebuilt.
type cachedSession struct {
	version string
	session *auth.OAuth2Session
}

func (s *Service) forget(id string) {
	s.mu.Lock()
	delete(s.sessions, id)
	s.mu.Unlock()
}

func sessionVersion(it integration.Integration, r row) string {
	return it.UpdatedAt.String() + "|" + r.UpdatedAt.String()
}

// storedStatus is the status from what is stored, without reading the
// keyring or calling the vendor; a live session knows better.
func (s *Service) storedStatus(it integration.Integration, r row, fields []string) auth.Status {
	m := auth.Method(it.AuthMethod)
	if m == auth.MethodOAuth2 {
		s.mu.Lock()
		cs := s.sessions[r.ID]
		s.mu.Unlock()
		if cs != nil && cs.version == sessionVersion(it, r) {
			return cs.session.Status()
		}
	}
	st := auth.Status{Method: m}
	switch m {
	case auth.MethodNone:
		st.State, st.Authenticated = auth.StateReady, true
	case auth.MethodAPIKey:
		st.State = auth.StateMissingSecret
		if contains(fields, SecretAPIKey) {
			st.State, st.Authenticated = auth.StateReady, true
		}
	case auth.MethodBasic:
		st.State = auth.StateMissingSecret
		if contains(fields, SecretPassword) && r.Username != "" {
			st.State, st.Authenticated = auth.StateReady, true
		}
	case auth.MethodOAuth2:
		switch {
		case r.needsSignIn != "":
			st.State, st.LastError = auth.StateNeedsSignIn, r.needsSignIn
		case contains(fields, secretAccessToken) || contains(fields, secretRefreshToken):
			st.State, st.Authenticated = auth.StateSignedIn, true
			if r.expiresAt.Valid {
				if t, err := store.ParseTimestamp(r.expiresAt.String); err == nil {
					st.ExpiresAt = &t
				}
			}
		case r.ClientID == "" || isClientCredentials(it) && !contains(fields, SecretClientSecret):
			st.State = auth.StateMissingSecret
		default:
			st.State = auth.StateSignedOut
		}
	}
	return st
}

func (s *Service) trustCurrentOrigin(ctx context.Context, it integration.Integration, id string, v Values) error {
	eff, err := Effective(it, v)
	if err != nil {
		return err
	}
	tokenURL := ""
	if eff.OAuth2 != nil {
		tokenURL = eff.OAuth2.TokenURL
	}
	_, err = s.deps.DB.ExecContext(ctx, `UPDATE configurations SET trusted_hostname = ?, trusted_token_url = ? WHERE id = ?`,
		it.Hostname, tokenURL, id)
	return err
}

// Trust confirms that the integration's current hostname and token URL
// may receive this configuration's secrets.
func (s *Service) Trust(ctx context.Context, integrationID, id string) (Configuration, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return Configuration{}, err
	}
	r, err := s.load(ctx, integrationID, id)
	if err != nil {
		return Configuration{}, err
	}
	if err := s.trustCurrentOrigin(ctx, it, id, r.Values); err != nil {
		return Configuration{}, err
	}
	s.forget(id)
	return s.Get(ctx, integrationID, id)
}

// prepared is a configuration ready to authenticate: loaded, its
// overrides applied, its origin trusted.
type prepared struct {
	it  integration.Integration
	r   row
	eff auth.Defaults
}

func (s *Service) prepare(ctx context.Context, integrationID, id string) (prepared, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return prepared{}, err
	}
	r, err := s.load(ctx, integrationID, id)
	if err != nil {
		return prepared{}, err
	}
	eff, err := Effective(it, r.Values)
	if err != nil {
		return prepared{}, err
	}
	if oc := originChange(it, eff, r); oc != nil {
		return prepared{}, oc.err()
	}
	return prepared{it: it, r: r, eff: eff}, nil
}

func (s *Service) secret(ctx context.Context, p prepared, field string) (string, error) {
	v, err := s.deps.Secrets.Get(ctx, secrets.Ref{IntegrationID: p.it.ID, ConfigurationID: p.r.ID, Field: field})
	if apperr.Code(err) == apperr.NotFound {
		return "", nil
	}
	return v, err
}

// Authenticator returns what puts this configuration's credentials on
// requests. It reads the keyring; OAuth 2.0 sessions are kept per
// configuration so that one refresh runs at a time.
func (s *Service) Authenticator(ctx context.Context, integrationID, id string) (auth.Authenticator, error) {
	p, err := s.prepare(ctx, integrationID, id)
	if err != nil {
		return nil, err
	}
	switch auth.Method(p.it.AuthMethod) {
	case auth.MethodAPIKey:
		key, err := s.secret(ctx, p, SecretAPIKey)
		if err != nil {
			return nil, err
		}
		return auth.APIKey{Settings: *p.eff.APIKey, Key: key, ExtraHeaders: p.eff.ExtraHeaders}, nil
	case auth.MethodBasic:
		pw, err := s.secret(ctx, p, SecretPassword)
		if err != nil {
			return nil, err
		}
		return auth.Basic{Username: p.r.Username, Password: pw, ExtraHeaders: p.eff.ExtraHeaders}, nil
	case auth.MethodOAuth2:
		return s.session(ctx, p)
	}
	return auth.NoAuth{ExtraHeaders: p.eff.ExtraHeaders}, nil
}

func (s *Service) session(ctx context.Context, p prepared) (*auth.OAuth2Session, error) {
	version := sessionVersion(p.it, p.r)
	s.mu.Lock()
	cs := s.sessions[p.r.ID]
	s.mu.Unlock()
	if cs != nil && cs.version == version {
		return cs.session, nil
	}
	if p.r.ClientID == "" {
		return nil, apperr.FieldErrorf("values.clientId", "This configuration has no Client ID yet. Edit it and enter the client ID the vendor issued.")
	}
	clientSecret, err := s.secret(ctx, p, SecretClientSecret)
	if err != nil {
		return nil, err
	}
	if clientSecret == "" && p.eff.OAuth2.GrantType == auth.GrantClientCredentials {
		return nil, apperr.FieldErrorf("secrets.client_secret", "The client-credentials grant needs a client secret; edit the configuration and enter it.")
	}
	var tok auth.Token
	if p.r.needsSignIn == "" {
		if tok.AccessToken, err = s.secret(ctx, p, secretAccessToken); err != nil {
			return nil, err
		}
		if tok.RefreshToken, err = s.secret(ctx, p, secretRefreshToken); err != nil {
			return nil, err
		}
		tok.ObtainedAt = parseTime(p.r.obtainedAt)
		tok.Expiry = parseTime(p.r.expiresAt)
	}
	client := auth.OAuth2Client{
		Settings: *p.eff.OAuth2, ClientID: p.r.ClientID, ClientSecret: clientSecret, RedirectURI: p.r.redirectURI,
		Transport: s.deps.Transport, Timeout: tokenTimeout, ExtraHeaders: p.eff.ExtraHeaders,
	}
	keeper := &tokenKeeper{s: s, integrationID: p.it.ID, id: p.r.ID}
	sess := auth.NewOAuth2Session(client, tok, p.r.needsSignIn, keeper, s.deps.Now)
	s.mu.Lock()
	s.sessions[p.r.ID] = &cachedSession{version: version, session: sess}
	s.mu.Unlock()
	return sess, nil
}

func parseTime(ns sql.NullString) time.Time {
	if !ns.Valid {
		return time.Time{}
	}
	t, _ := store.ParseTimestamp(ns.String)
	return t
}

func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return store.Timestamp(t)
}

// tokenKeeper persists a session's tokens: the tokens in the keyring, the
// timing in SQLite. It never stores the token response itself.
type tokenKeeper struct {
	s             *Service
	integrationID string
	id            string
}

func (k *tokenKeeper) ref(field string) secrets.Ref {
	return secrets.Ref{IntegrationID: k.integrationID, ConfigurationID: k.id, Field: field}
}

func (k *tokenKeeper) SaveToken(ctx context.Context, t auth.Token) error {
	// Not the caller's context: a cancelled request must not lose a
	// rotated refresh token that the vendor has already issued.
	ctx = context.WithoutCancel(ctx)
	if err := k.s.deps.Secrets.Put(ctx, k.ref(secretAccessToken), t.AccessToken); err != nil {
		return err
	}
	if t.RefreshToken != "" {
		if err := k.s.deps.Secrets.Put(ctx, k.ref(secretRefreshToken), t.RefreshToken); err != nil {
			return err
		}
	} else if err := k.s.deps.Secrets.Delete(ctx, k.ref(secretRefreshToken)); err != nil {
		return err
	}
	_, err := k.s.deps.DB.ExecContext(ctx, `UPDATE configurations SET token_obtained_at = ?, token_expires_at = ?, needs_sign_in = '' WHERE id = ?`,
		nullTime(t.ObtainedAt), nullTime(t.Expiry), k.id)
	return err
}

func (k *tokenKeeper) SaveNeedsSignIn(ctx context.Context, reason string) error {
	ctx = context.WithoutCancel(ctx)
	_, err := k.s.deps.DB.ExecContext(ctx, `UPDATE configurations SET needs_sign_in = ?, token_expires_at = NULL WHERE id = ?`, reason, k.id)
	// The refused tokens are useless; drop them from the keyring.
	return errors.Join(err, k.s.deps.Secrets.Delete(ctx, k.ref(secretAccessToken)), k.s.deps.Secrets.Delete(ctx, k.ref(secretRefreshToken)))
}

// Status is a configuration's current status.
func (s *Service) Status(ctx context.Context, integrationID, id string) (auth.Status, error) {
	c, err := s.Get(ctx, integrationID, id)
	return c.Status, err
}

// Logout forgets the tokens (keyring and timing); the client secret and
// other values stay.
func (s *Service) Logout(ctx context.Context, integrationID, id string) (Configuration, error) {
	if _, err := s.load(ctx, integrationID, id); err != nil {
		return Configuration{}, err
	}
	s.cancelSignIn(id)
	for _, f := range []string{secretAccessToken, secretRefreshToken} {
		if err := s.deps.Secrets.Delete(ctx, secrets.Ref{IntegrationID: integrationID, ConfigurationID: id, Field: f}); err != nil {
			return Configuration{}, err
		}
	}
	if _, err := s.deps.DB.ExecContext(ctx, `UPDATE configurations SET token_obtained_at = NULL, token_expires_at = NULL, needs_sign_in = '' WHERE id = ?`, id); err != nil {
		return Configuration{}, err
	}
	s.forget(id)
	return s.Get(ctx, integrationID, id)
}

// RefreshDue renews every signed-in OAuth 2.0 configuration whose token
// is due; the app calls it periodically. Failures are recorded on the
// configuration (needs sign-in) and returned joined for the log.
func (s *Service) RefreshDue(ctx context.Context) error {
	rows, err := s.deps.DB.QueryContext(ctx, `SELECT c.integration_id, c.id FROM configurations c JOIN integrations i ON i.id = c.integration_id
		WHERE i.auth_method = 'oauth2' AND c.needs_sign_in = '' AND c.token_obtained_at IS NOT NULL`)
	if err != nil {
		return err
	}
	type pair struct{ integrationID, id string }
	var due []pair
	for rows.Next() {
		var p pair
		if err := rows.Scan(&p.integrationID, &p.id); err != nil {
			rows.Close()
			return err
		}
		due = append(due, p)
	}
	rows.Close()
	var errs []error
	for _, p := range due {
		a, err := s.Authenticator(ctx, p.integrationID, p.id)
		if err != nil {
			continue // an origin to confirm or a missing secret: nothing to renew until the user acts
		}
		if sess, ok := a.(*auth.OAuth2Session); ok {
			if _, err := sess.RefreshIfDue(ctx); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// RunRefresher calls RefreshDue every interval until ctx ends.
func (s *Service) RunRefresher(ctx context.Context, interval time.Duration, report func(error)) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if err := s.RefreshDue(ctx); err != nil && report != nil {
				report(err)
			}
		}
	}
}

func isClientCredentials(it integration.Integration) bool {
	return it.AuthDefaults.OAuth2 != nil && it.AuthDefaults.OAuth2.GrantType == auth.GrantClientCredentials
}
