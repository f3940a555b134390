// Package auth holds an integration's authentication method and its
// non-secret defaults (the Rewst seed's steps 7–8), with validation.
//
// Secrets — API keys, passwords, client secrets, tokens — are never part of
// Defaults: each configuration keeps them in the OS keyring (see package
// secrets). Defaults travel with exported bundles, so validation refuses
// fields that look like they would carry a credential.
package auth

// Method is how requests to the vendor authenticate. The values match
// integration.AuthMethod so the two can be converted directly.
type Method string

const (
	MethodNone   Method = "none"
	MethodAPIKey Method = "api_key"
	MethodBasic  Method = "basic"
	MethodOAuth2 Method = "oauth2"
)

// Known reports whether m is one of the methods above.
func (m Method) Known() bool {
	switch m {
	case MethodNone, MethodAPIKey, MethodBasic, MethodOAuth2:
		return true
	}
	return false
}

// GrantType is the OAuth 2.0 grant used to obtain access tokens.
type GrantType string

const (
	GrantAuthorizationCode GrantType = "authorization_code"
	GrantClientCredentials GrantType = "client_credentials"
)

// Known reports whether g is one of the grant types above.
func (g GrantType) Known() bool {
	return g == GrantAuthorizationCode || g == GrantClientCredentials
}

// SharedWarning is shown above the defaults form. The seed warns the same:
// defaults seed every configuration and are exported with the integration.
const SharedWarning = "These defaults are copied into every configuration of this integration and into " +
	"every bundle you export. Never enter API keys, passwords, client secrets or tokens here: " +
	"each configuration asks for those separately and keeps them only in the OS keyring."
