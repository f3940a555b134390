package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"integrationstudio/backend/apperr"
)

// OAuth2Client is what one configuration needs to talk to the vendor's
// authorization server: the effective defaults plus the client's identity.
type OAuth2Client struct {
	Settings     OAuth2Defaults
	ClientID     string
	ClientSecret string
	// RedirectURI is the loopback URI of the authorization-code flow; the
	// exchange and, when configured, the refresh must repeat it.
	RedirectURI string
	// Transport carries the requests; nil is http.DefaultTransport. Tests
	// point it at their servers.
	Transport http.RoundTripper
	Timeout   time.Duration
	// ExtraHeaders go on API requests, not on token requests.
	ExtraHeaders []Header
}

// Token is what the app keeps of a token response: the two tokens (secrets,
// kept in the keyring), when the access token expires (zero: the vendor did
// not say) and when it was obtained.
type Token struct {
	AccessToken  string
	RefreshToken string
	Expiry       time.Time
	ObtainedAt   time.Time
}

func (c OAuth2Client) authStyle() oauth2.AuthStyle {
	// Explicit, never AutoDetect: auto-detection retries a failed request
	// the other way, which burns a single-use authorization code.
	if c.Settings.BasicAuthOnExchange {
		return oauth2.AuthStyleInHeader
	}
	return oauth2.AuthStyleInParams
}

func (c OAuth2Client) config() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
		Endpoint: oauth2.Endpoint{
			AuthURL:   c.Settings.AuthorizationURL,
			TokenURL:  c.Settings.TokenURL,
			AuthStyle: c.authStyle(),
		},
		RedirectURL: c.RedirectURI,
		Scopes:      strings.Fields(c.Settings.Scope),
	}
}

// context gives x/oauth2 our HTTP client: redirect-safe, time-limited, and
// speaking the vendor's wire format.
func (c OAuth2Client) context(ctx context.Context) context.Context {
	base := c.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	timeout := c.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	wire := &tokenWire{base: base, o: c.Settings, redirectURI: c.RedirectURI}
	return context.WithValue(ctx, oauth2.HTTPClient, NewHTTPClient(timeout, wire))
}

// AuthCodeURL is the consent page address: PKCE S256 always, the state,
// the scope and the configured extra parameters.
func (c OAuth2Client) AuthCodeURL(state, verifier string) string {
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	for _, p := range c.Settings.AuthorizationExtraParams {
		opts = append(opts, oauth2.SetAuthURLParam(p.Name, p.Value))
	}
	return c.config().AuthCodeURL(state, opts...)
}

// Exchange trades an authorization code and its PKCE verifier for tokens.
func (c OAuth2Client) Exchange(ctx context.Context, code, verifier string, now time.Time) (Token, error) {
	t, err := c.config().Exchange(c.context(ctx), code, oauth2.VerifierOption(verifier))
	return c.token(t, err, now, "exchanging the authorization code")
}

// ClientCredentials asks for a token with the client's own credentials.
func (c OAuth2Client) ClientCredentials(ctx context.Context, now time.Time) (Token, error) {
	cc := clientcredentials.Config{
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
		TokenURL:     c.Settings.TokenURL,
		Scopes:       strings.Fields(c.Settings.Scope),
		AuthStyle:    c.authStyle(),
	}
	t, err := cc.Token(c.context(ctx))
	return c.token(t, err, now, "requesting a client-credentials token")
}

// Refresh trades a refresh token for a new access token. A vendor that
// does not rotate refresh tokens gets the old one kept.
func (c OAuth2Client) Refresh(ctx context.Context, refreshToken string, now time.Time) (Token, error) {
	// An expired token with only the refresh token makes x/oauth2 refresh.
	src := c.config().TokenSource(c.context(ctx), &oauth2.Token{RefreshToken: refreshToken, Expiry: time.Unix(1, 0)})
	t, err := src.Token()
	return c.token(t, err, now, "refreshing the access token")
}

func (c OAuth2Client) token(t *oauth2.Token, err error, now time.Time, doing string) (Token, error) {
	if err != nil {
		return Token{}, tokenError(err, doing)
	}
	out := Token{AccessToken: t.AccessToken, RefreshToken: t.RefreshToken, ObtainedAt: now}
	// Our clock, not x/oauth2's (its Expiry is time.Now()-based). The
	// client-credentials path leaves ExpiresIn unset; the normalized
	// response tokenWire produced always has it.
	secs := t.ExpiresIn
	if n, ok := t.Extra("expires_in").(float64); ok && secs == 0 {
		secs = int64(n)
	}
	if secs > 0 {
		out.Expiry = now.Add(time.Duration(secs) * time.Second)
	}
	return out, nil
}

// VendorError is a token endpoint's refusal in the vendor's own words
// (RFC 6749 §5.2), without the response body, which may echo what was
// sent.
type VendorError struct {
	Status      int
	Code        string
	Description string
}

func (e *VendorError) Error() string {
	msg := fmt.Sprintf("HTTP %d", e.Status)
	if e.Code != "" {
		msg += " " + e.Code
	}
	if e.Description != "" {
		msg += ": " + e.Description
	}
	return msg
}

// tokenError turns what x/oauth2 and the HTTP client return into a
// user-safe message. Error text from url.Error would quote the token URL
// with its query, so only the host is named.
func tokenError(err error, doing string) error {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		e := apperr.Wrap(err, ae.Code, "OAuth 2.0 failed while %s: %s", doing, ae.Message)
		e.Field = ae.Field
		return e
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		ve := &VendorError{Code: re.ErrorCode, Description: oneLine(re.ErrorDescription, 300)}
		if re.Response != nil {
			ve.Status = re.Response.StatusCode
		}
		if ve.Code == "" && ve.Description == "" {
			ve.Description = "the token endpoint refused the request without an OAuth error code"
		}
		return apperr.Wrap(ve, apperr.Invalid, "The vendor refused while %s: %s", doing, ve.Error())
	}
	if errors.Is(err, ErrUnsafeRedirect) {
		return apperr.Wrap(err, apperr.Invalid, "OAuth 2.0 stopped while %s: %s.", doing, unwrapMost(err))
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		host := ""
		if u, perr := url.Parse(ue.URL); perr == nil {
			host = u.Host
		}
		if ue.Timeout() {
			return apperr.Wrap(err, apperr.Unavailable, "The token endpoint at %s did not answer in time while %s.", host, doing)
		}
		return apperr.Wrap(err, apperr.Unavailable, "The token endpoint at %s could not be reached while %s: %v", host, doing, ue.Err)
	}
	if errors.Is(err, context.Canceled) {
		return apperr.Wrap(err, apperr.Invalid, "Cancelled while %s.", doing)
	}
	return apperr.Wrap(err, apperr.Invalid, "OAuth 2.0 failed while %s: %v", doing, err)
}

func unwrapMost(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// oneLine keeps vendor text readable and bounded in a message.
func oneLine(s string, max int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > max {
		s = s[:max] + "…"
	}
	return s
}
