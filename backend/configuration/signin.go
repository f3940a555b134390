package configuration

import (
	"context"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
)

// signInState is a browser sign-in in progress, so the UI can cancel it
// or paste the code.
type signInState struct {
	cancel context.CancelFunc
	signIn *auth.SignIn
}

// SignInStarted tells the UI (or the CLI) where the user goes and which
// redirect URI the vendor must have registered.
type SignInStarted struct {
	IntegrationID   string `json:"integrationId"`
	ConfigurationID string `json:"configurationId"`
	URL             string `json:"url"`
	RedirectURI     string `json:"redirectUri"`
	// BrowserError is set when the system browser could not be opened;
	// the user opens URL by hand.
	BrowserError string `json:"browserError,omitempty"`
}

// LoginOptions control Login.
type LoginOptions struct {
	// NoBrowser leaves opening the URL to the user (CLI --no-browser).
	NoBrowser bool
	// Started is called once the consent URL is ready.
	Started func(SignInStarted)
}

// Login authenticates a configuration: for client credentials it fetches
// a token; for the authorization-code grant it runs the browser sign-in
// and waits for the redirect (or a pasted code), up to five minutes.
func (s *Service) Login(ctx context.Context, integrationID, id string, opts LoginOptions) (Configuration, error) {
	p, err := s.prepare(ctx, integrationID, id)
	if err != nil {
		return Configuration{}, err
	}
	if auth.Method(p.it.AuthMethod) != auth.MethodOAuth2 {
		return Configuration{}, apperr.Errorf(apperr.Invalid, "%s has nothing to sign in to: its credentials are sent as saved.", methodLabel(p.it.AuthMethod))
	}
	sess, err := s.session(ctx, p)
	if err != nil {
		return Configuration{}, err
	}
	if p.eff.OAuth2.GrantType == auth.GrantClientCredentials {
		if err := sess.Authenticate(ctx); err != nil {
			return Configuration{}, err
		}
		return s.Get(ctx, integrationID, id)
	}

	client := auth.OAuth2Client{Settings: *p.eff.OAuth2, ClientID: p.r.ClientID, Transport: s.deps.Transport, Timeout: tokenTimeout}
	if client.ClientSecret, err = s.secret(ctx, p, SecretClientSecret); err != nil {
		return Configuration{}, err
	}
	signIn, err := auth.StartSignIn(client, auth.LoopbackOptions{Port: p.r.RedirectPort, Name: p.it.Name})
	if err != nil {
		return Configuration{}, err
	}
	defer signIn.Close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.mu.Lock()
	if old := s.signIns[id]; old != nil {
		old.cancel() // a second Authenticate replaces the first
	}
	st := &signInState{cancel: cancel, signIn: signIn}
	s.signIns[id] = st
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.signIns[id] == st {
			delete(s.signIns, id)
		}
		s.mu.Unlock()
	}()

	started := SignInStarted{IntegrationID: integrationID, ConfigurationID: id, URL: signIn.URL, RedirectURI: signIn.RedirectURI}
	if !opts.NoBrowser && s.deps.OpenBrowser != nil {
		if err := s.deps.OpenBrowser(signIn.URL); err != nil {
			started.BrowserError = "The system browser could not be opened; open the address yourself."
		}
	}
	if opts.Started != nil {
		opts.Started(started)
	}
	tok, err := signIn.Wait(ctx, s.deps.Now)
	if err != nil {
		return Configuration{}, err
	}
	if err := sess.Adopt(ctx, tok); err != nil {
		return Configuration{}, err
	}
	if _, err := s.deps.DB.ExecContext(ctx, `UPDATE configurations SET redirect_uri = ? WHERE id = ?`, signIn.RedirectURI, id); err != nil {
		return Configuration{}, err
	}
	s.forget(id) // rebuilt with the redirect URI a refresh may repeat
	return s.Get(ctx, integrationID, id)
}

// CancelSignIn stops a browser sign-in in progress; false if none was.
func (s *Service) CancelSignIn(id string) bool { return s.cancelSignIn(id) }

func (s *Service) cancelSignIn(id string) bool {
	s.mu.Lock()
	st := s.signIns[id]
	s.mu.Unlock()
	if st == nil {
		return false
	}
	st.cancel()
	return true
}

// SubmitSignInCode completes a sign-in in progress with what the user
// pasted: the address the browser ended on, or the bare code.
func (s *Service) SubmitSignInCode(id, pasted string) error {
	s.mu.Lock()
	st := s.signIns[id]
	s.mu.Unlock()
	if st == nil {
		return apperr.Errorf(apperr.NotFound, "No sign-in is waiting for this configuration; press Authenticate first.")
	}
	return st.signIn.Submit(pasted)
}

// EventSignInStarted carries a SignInStarted to the window.
const EventSignInStarted = "auth:signin-started"
