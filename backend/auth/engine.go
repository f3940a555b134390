package auth

import (
	"context"
	"net/http"
	"time"

	"integrationstudio/backend/apperr"
)

// State is where a configuration's credentials stand.
type State string

const (
	// StateReady: a static credential (API key, Basic) or No Auth is set.
	StateReady State = "ready"
	// StateMissingSecret: a secret the method needs has not been entered.
	StateMissingSecret State = "missing_secret"
	// StateSignedOut: OAuth 2.0 without tokens yet.
	StateSignedOut State = "signed_out"
	// StateSignedIn: OAuth 2.0 with an access token.
	StateSignedIn State = "signed_in"
	// StateNeedsSignIn: a refresh failed; only a new sign-in (or, for
	// client credentials, Authenticate) recovers. Requests are not retried.
	StateNeedsSignIn State = "needs_sign_in"
)

// Status is what the UI's badge and `auth status` show.
type Status struct {
	Method        Method     `json:"method"`
	State         State      `json:"state"`
	Authenticated bool       `json:"authenticated"`
	ExpiresAt     *time.Time `json:"expiresAt,omitempty"`
	// LastError is the last failure in the vendor's words, user-safe.
	LastError string `json:"lastError,omitempty"`
}

// Authenticator puts a configuration's credentials on requests to the
// vendor. The request runner uses nothing else.
type Authenticator interface {
	Apply(ctx context.Context, req *http.Request) error
	Status() Status
}

// unauthorizedRefresher is implemented by authenticators that can recover
// from a 401 by refreshing (OAuth 2.0).
type unauthorizedRefresher interface {
	RefreshAfterUnauthorized(ctx context.Context, rejected *http.Request) error
}

// Do sends req with a's credentials. A 401 from an OAuth 2.0 vendor forces
// exactly one refresh and one retry; a second 401 is returned as is.
// req's body must be replayable (http.NewRequest sets GetBody for the
// usual readers).
func Do(ctx context.Context, client *http.Client, a Authenticator, req *http.Request) (*http.Response, error) {
	req = req.WithContext(ctx)
	if err := a.Apply(ctx, req); err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil || resp.StatusCode != http.StatusUnauthorized {
		return resp, err
	}
	r, ok := a.(unauthorizedRefresher)
	if !ok || (req.Body != nil && req.GetBody == nil) {
		return resp, nil
	}
	if err := r.RefreshAfterUnauthorized(ctx, req); err != nil {
		resp.Body.Close()
		return nil, err
	}
	retry := req.Clone(ctx)
	if req.GetBody != nil {
		body, err := req.GetBody()
		if err != nil {
			resp.Body.Close()
			return nil, err
		}
		retry.Body = body
	}
	resp.Body.Close()
	if err := a.Apply(ctx, retry); err != nil {
		return nil, err
	}
	return client.Do(retry)
}

func applyExtraHeaders(req *http.Request, hs []Header) {
	for _, h := range hs {
		req.Header.Set(h.Name, h.Value)
	}
}

// NoAuth sends only the extra headers.
type NoAuth struct{ ExtraHeaders []Header }

func (n NoAuth) Apply(_ context.Context, req *http.Request) error {
	applyExtraHeaders(req, n.ExtraHeaders)
	return nil
}

func (NoAuth) Status() Status {
	return Status{Method: MethodNone, State: StateReady, Authenticated: true}
}

// APIKey sends the key in its header, after the preamble and one space.
type APIKey struct {
	Settings     APIKeyDefaults
	Key          string
	ExtraHeaders []Header
}

func (k APIKey) Apply(_ context.Context, req *http.Request) error {
	if k.Key == "" {
		return missingSecret("API key")
	}
	applyExtraHeaders(req, k.ExtraHeaders)
	value := k.Key
	if k.Settings.Preamble != "" {
		value = k.Settings.Preamble + " " + k.Key
	}
	req.Header.Set(k.Settings.HeaderName, value)
	return nil
}

func (k APIKey) Status() Status {
	if k.Key == "" {
		return Status{Method: MethodAPIKey, State: StateMissingSecret}
	}
	return Status{Method: MethodAPIKey, State: StateReady, Authenticated: true}
}

// Basic sends the username and password (RFC 7617).
type Basic struct {
	Username, Password string
	ExtraHeaders       []Header
}

func (b Basic) Apply(_ context.Context, req *http.Request) error {
	if b.Username == "" || b.Password == "" {
		return missingSecret("username and password")
	}
	applyExtraHeaders(req, b.ExtraHeaders)
	req.SetBasicAuth(b.Username, b.Password)
	return nil
}

func (b Basic) Status() Status {
	if b.Username == "" || b.Password == "" {
		return Status{Method: MethodBasic, State: StateMissingSecret}
	}
	return Status{Method: MethodBasic, State: StateReady, Authenticated: true}
}

func missingSecret(what string) error {
	return apperr.Errorf(apperr.Invalid, "This configuration has no %s yet. Edit the configuration and enter it.", what)
}
