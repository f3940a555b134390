package auth

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"integrationstudio/backend/apperr"
)

// TokenKeeper persists what a session learns, at once: new tokens (a
// rotated refresh token is only good once) and the failure that needs a
// new sign-in.
type TokenKeeper interface {
	SaveToken(ctx context.Context, t Token) error
	SaveNeedsSignIn(ctx context.Context, reason string) error
}

// OAuth2Session holds one configuration's tokens and renews them. It is
// safe for concurrent use; at most one token request runs at a time.
type OAuth2Session struct {
	mu      sync.Mutex
	client  OAuth2Client
	keeper  TokenKeeper
	now     func() time.Time
	token   Token
	failure string // non-empty: needs sign-in, with the reason
	saveErr string // the last token that could not be persisted
}

// NewOAuth2Session starts from the stored token (zero if none) and the
// stored needs-sign-in reason ("" if none).
func NewOAuth2Session(c OAuth2Client, stored Token, needsSignIn string, keeper TokenKeeper, now func() time.Time) *OAuth2Session {
	if now == nil {
		now = time.Now
	}
	return &OAuth2Session{client: c, keeper: keeper, now: now, token: stored, failure: needsSignIn}
}

// Apply sets the Authorization header, renewing the token first when due.
func (s *OAuth2Session) Apply(ctx context.Context, req *http.Request) error {
	tok, err := s.current(ctx)
	if err != nil {
		return err
	}
	applyExtraHeaders(req, s.client.ExtraHeaders)
	value := tok
	if scheme := s.client.Settings.AccessTokenScheme; scheme != "" {
		value = scheme + " " + tok
	}
	req.Header.Set("Authorization", value)
	return nil
}

// Status reports the session's state without any network call.
func (s *OAuth2Session) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := Status{Method: MethodOAuth2, LastError: s.failure}
	switch {
	case s.failure != "":
		st.State = StateNeedsSignIn
	case s.token.AccessToken == "" && s.token.RefreshToken == "":
		st.State = StateSignedOut
	default:
		st.State, st.Authenticated = StateSignedIn, true
		if !s.token.Expiry.IsZero() {
			e := s.token.Expiry
			st.ExpiresAt = &e
		}
	}
	if st.LastError == "" {
		st.LastError = s.saveErr
	}
	return st
}

// RenewalDue is when the token should next be renewed under the
// configured strategy; zero means never by time (unknown expiry: renewed
// on a 401).
func (s *OAuth2Session) RenewalDue() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dueAt()
}

func (s *OAuth2Session) dueAt() time.Time {
	o := s.client.Settings
	if s.token.AccessToken == "" {
		return time.Time{}
	}
	if o.RefreshStrategy == RefreshCustomInterval && o.CustomRefreshIntervalSeconds > 0 && !s.token.ObtainedAt.IsZero() {
		due := s.token.ObtainedAt.Add(time.Duration(o.CustomRefreshIntervalSeconds) * time.Second)
		// A vendor's expiry still wins if it comes first.
		if !s.token.Expiry.IsZero() && s.token.Expiry.Before(due) {
			return s.token.Expiry
		}
		return due
	}
	if s.token.Expiry.IsZero() {
		return time.Time{}
	}
	return s.token.Expiry.Add(-time.Duration(o.RefreshBufferSeconds) * time.Second)
}

func (s *OAuth2Session) current(ctx context.Context) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failure != "" {
		return "", apperr.Errorf(apperr.Invalid, "This configuration needs a new sign-in: %s", s.failure)
	}
	if s.token.AccessToken == "" {
		if s.client.Settings.GrantType == GrantClientCredentials || s.token.RefreshToken != "" {
			if err := s.renewLocked(ctx); err != nil {
				return "", err
			}
			return s.token.AccessToken, nil
		}
		return "", apperr.Errorf(apperr.Invalid, "This configuration is not signed in yet. Press Authenticate to sign in at the vendor.")
	}
	if due := s.dueAt(); !due.IsZero() && !s.now().Before(due) {
		if err := s.renewLocked(ctx); err != nil {
			return "", err
		}
	}
	return s.token.AccessToken, nil
}

// RefreshIfDue renews the token when the strategy says so; the background
// refresher calls it. It reports whether a renewal ran.
func (s *OAuth2Session) RefreshIfDue(ctx context.Context) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failure != "" {
		return false, nil // never loop on a refused refresh
	}
	due := s.dueAt()
	if due.IsZero() || s.now().Before(due) {
		return false, nil
	}
	return true, s.renewLocked(ctx)
}

// RefreshAfterUnauthorized renews once after the vendor refused rejected's
// token. If another request already renewed it, nothing is sent.
func (s *OAuth2Session) RefreshAfterUnauthorized(ctx context.Context, rejected *http.Request) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failure != "" {
		return apperr.Errorf(apperr.Invalid, "This configuration needs a new sign-in: %s", s.failure)
	}
	used := rejected.Header.Get("Authorization")
	if scheme := s.client.Settings.AccessTokenScheme; scheme != "" {
		used = strings.TrimPrefix(used, scheme+" ")
	}
	if used != s.token.AccessToken {
		return nil
	}
	return s.renewLocked(ctx)
}

// Authenticate gets a first token for client credentials (the
// authorization-code grant signs in through StartSignIn and Adopt).
func (s *OAuth2Session) Authenticate(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.client.Settings.GrantType != GrantClientCredentials {
		return apperr.Errorf(apperr.Invalid, "The authorization-code grant signs in through the browser.")
	}
	t, err := s.client.ClientCredentials(ctx, s.now())
	if err != nil {
		return s.failed(ctx, err)
	}
	return s.adoptLocked(ctx, t)
}

// Adopt installs tokens from a completed sign-in.
func (s *OAuth2Session) Adopt(ctx context.Context, t Token) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.adoptLocked(ctx, t)
}

func (s *OAuth2Session) adoptLocked(ctx context.Context, t Token) error {
	s.token, s.failure, s.saveErr = t, "", ""
	if err := s.keeper.SaveToken(ctx, t); err != nil {
		s.saveErr = "The new tokens could not be saved: " + apperr.Public(err).Message
		return err
	}
	return nil
}

// renewLocked refreshes with the refresh token, or asks for a new
// client-credentials token. Vendor refusals mark the session as needing
// sign-in; network failures do not (the next request tries again).
func (s *OAuth2Session) renewLocked(ctx context.Context) error {
	var t Token
	var err error
	switch {
	case s.token.RefreshToken != "":
		t, err = s.client.Refresh(ctx, s.token.RefreshToken, s.now())
		if err == nil && t.RefreshToken == "" {
			t.RefreshToken = s.token.RefreshToken
		}
	case s.client.Settings.GrantType == GrantClientCredentials:
		t, err = s.client.ClientCredentials(ctx, s.now())
	default:
		err = apperr.Errorf(apperr.Invalid, "The access token has expired and the vendor gave no refresh token (check OAuth Refresh Token Key, or add the scope the vendor needs for refresh tokens, such as offline_access).")
		return s.markNeedsSignIn(ctx, apperr.Public(err).Message, err)
	}
	if err != nil {
		return s.failed(ctx, err)
	}
	// A keyring failure is not the request's: the token is good for this
	// run, and Status reports that it was not kept.
	_ = s.adoptLocked(ctx, t)
	return nil
}

func (s *OAuth2Session) failed(ctx context.Context, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var ve *VendorError
	if errors.As(err, &ve) || apperr.Code(err) == apperr.Invalid {
		return s.markNeedsSignIn(ctx, apperr.Public(err).Message, err)
	}
	return err // unreachable endpoint: transient
}

func (s *OAuth2Session) markNeedsSignIn(ctx context.Context, reason string, cause error) error {
	s.failure = reason
	s.token.AccessToken = ""
	if err := s.keeper.SaveNeedsSignIn(ctx, reason); err != nil {
		return errors.Join(cause, err)
	}
	return cause
}
