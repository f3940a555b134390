package auth

// Defaults are an integration's non-secret authentication settings, copied
// into each new configuration. Only the part for the chosen method is kept
// (see Normalized).
type Defaults struct {
	APIKey *APIKeyDefaults `json:"api_key,omitempty"`
	OAuth2 *OAuth2Defaults `json:"oauth2,omitempty"`
	// ExtraHeaders are sent with every request. The seed offers them for
	// API Key and OAuth 2.0 only.
	ExtraHeaders []Header `json:"extra_headers,omitempty"`
}

// APIKeyDefaults say where the key goes; the key itself is a secret.
type APIKeyDefaults struct {
	HeaderName string `json:"header_name"`
	// Preamble is sent before the key with one space, e.g. "Bearer".
	Preamble string `json:"preamble,omitempty"`
}

// Values for OAuth2Defaults.TokenRequestContentType.
const (
	ContentTypeForm = "application/x-www-form-urlencoded"
	ContentTypeJSON = "application/json"
)

// Values for OAuth2Defaults.TokenRequestMethod.
const (
	TokenMethodPost = "POST"
	TokenMethodGet  = "GET"
)

// RefreshStrategy says when access tokens are renewed.
type RefreshStrategy string

const (
	// RefreshAutomatic renews RefreshBufferSeconds before the expiry the
	// provider reports.
	RefreshAutomatic RefreshStrategy = "automatic"
	// RefreshCustomInterval renews every CustomRefreshIntervalSeconds,
	// whatever the provider reports.
	RefreshCustomInterval RefreshStrategy = "custom_interval"
)

// Ranges the seed gives for the refresh timings, in seconds.
const (
	MinCustomRefreshInterval = 300   // 5 minutes
	MaxCustomRefreshInterval = 86400 // 24 hours
	MinRefreshBuffer         = 30
	MaxRefreshBuffer         = 3600 // 1 hour
)

// OAuth2Defaults are the seed's OAuth 2.0 fields. Fields tagged omitempty
// are legitimately empty once normalized (e.g. the authorization URL of a
// client-credentials grant, or the timing of the strategy not chosen).
type OAuth2Defaults struct {
	GrantType GrantType `json:"grant_type"`
	// AccessTokenScheme prefixes the token in the Authorization header
	// ("Bearer"); empty sends the bare token, which a few vendors want.
	AccessTokenScheme string `json:"access_token_scheme,omitempty"`
	AuthorizationURL  string `json:"authorization_url,omitempty"`
	TokenURL          string `json:"token_url"`
	// The keys name fields of the token endpoint's JSON response.
	TokenExpirationKey      string `json:"token_expiration_key"`
	TokenKey                string `json:"token_key"`
	TokenRequestContentType string `json:"token_request_content_type"`
	TokenRequestMethod      string `json:"token_request_method"`
	// Scope is space-separated (RFC 6749 §3.3); empty asks for the
	// provider's default scope.
	Scope string `json:"scope,omitempty"`
	// BasicAuthOnExchange sends the client ID and secret as a Basic
	// Authorization header on the token request instead of in the body.
	BasicAuthOnExchange bool `json:"basic_auth_on_exchange"`
	// RefreshTokenKey is required for the authorization-code grant only:
	// client-credentials providers rarely issue refresh tokens (RFC 6749
	// §4.4.3) and a new token is simply requested.
	RefreshTokenKey              string          `json:"refresh_token_key,omitempty"`
	IncludeClientConfigOnRefresh bool            `json:"include_client_config_on_refresh"`
	IncludeRedirectURIOnRefresh  bool            `json:"include_redirect_uri_on_refresh"`
	RefreshStrategy              RefreshStrategy `json:"refresh_strategy"`
	CustomRefreshIntervalSeconds int             `json:"custom_refresh_interval_seconds,omitempty"`
	RefreshBufferSeconds         int             `json:"refresh_buffer_seconds,omitempty"`
	// AuthorizationExtraParams are added to the authorization (consent)
	// request, e.g. prompt=consent or access_type=offline.
	AuthorizationExtraParams []Param `json:"authorization_extra_params,omitempty"`
}

// Header is one extra request header.
type Header struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Param is one extra authorization request parameter.
type Param struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// DefaultsFor returns the values the defaults form starts with.
//
// The API key header name starts empty on purpose: vendors split between
// Authorization, X-API-Key and their own names, and a wrong guess only
// shows up as a 401 at test time, while an empty required field is flagged
// at once with a pointer to the vendor's documentation.
//
// For OAuth 2.0 both refresh timings are filled so that switching the
// strategy in the form shows a sensible value; Normalized keeps only the
// active one. The grant is copied as given, so an unknown one is reported
// by Validate rather than silently replaced. Basic Auth and No Auth have no
// defaults (the username and password are per configuration and secret).
func DefaultsFor(m Method, g GrantType) Defaults {
	switch m {
	case MethodAPIKey:
		return Defaults{APIKey: &APIKeyDefaults{}}
	case MethodOAuth2:
		return Defaults{OAuth2: &OAuth2Defaults{
			GrantType:               g,
			AccessTokenScheme:       "Bearer",
			TokenExpirationKey:      "expires_in",
			TokenKey:                "access_token",
			TokenRequestContentType: ContentTypeForm,
			TokenRequestMethod:      TokenMethodPost,
			RefreshTokenKey:         "refresh_token",
			// RFC 6749 §6: a confidential client must authenticate
			// when refreshing; the box exists for vendors that refuse
			// the extra parameters.
			IncludeClientConfigOnRefresh: true,
			// A refresh request has no redirect_uri in RFC 6749 §6;
			// only odd vendors want it.
			IncludeRedirectURIOnRefresh:  false,
			RefreshStrategy:              RefreshAutomatic,
			CustomRefreshIntervalSeconds: 3600,
			RefreshBufferSeconds:         300,
		}}
	}
	return Defaults{}
}
